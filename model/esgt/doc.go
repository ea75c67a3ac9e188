// Package esgt is the ESGT coordinator: it turns salient requests into
// global ignitions by Kuramoto synchronisation over the TIG fabric, gated by
// trigger conditions, a refractory period and the hardening of the original
// (docs/model.md §3, with the decisions of §7).
//
// # Requests and outcomes
//
// [Coordinator.Submit] files a request at the current virtual time. Every
// request gets exactly one [Outcome]: success, or failure with a typed
// [Reason]. Admission is decided at arrival, against in-flight ignitions too
// (§7.14): a rejected request's outcome is immediate, an admitted one's comes
// when its ignition ends. Latency is virtual time from arrival to outcome,
// with each phase's share recorded (§7.10).
//
// # The gate, in order
//
//  1. stopped: the coordinator is stopped;
//  2. circuit_open: the ignition circuit breaker is open, or half-open with
//     its trial ignition in flight;
//  3. rate_limited: the token-bucket limiter (hard maximum 10 Hz) has no
//     token;
//  4. max_concurrent: max_concurrent ignitions are in flight (one in
//     degraded mode);
//  5. degraded_salience: degraded mode and salience below 0.85;
//  6. salience: salience below min_salience;
//  7. resources: mean live link latency above 5 ms, fewer healthy nodes than
//     min_available_nodes, or CPU capacity below 0.40;
//  8. refractory: less than refractory_period since the most recent
//     successful ignition ended;
//  9. frequency: max_frequency_hz ignitions started in the last second
//     (an exact sliding-window count, §7.13);
//  10. arousal: arousal below min_arousal;
//  11. insufficient_nodes: fewer free healthy nodes than min_available_nodes
//     to recruit (nodes busy in another ignition are not free, §7.6).
//
// Checks 1–5 are the hardening added to the original after the report;
// 6–10 are its trigger conditions in its order. An admitted request
// consumes a rate-limiter token and claims its nodes at once.
//
// # An ignition's phases
//
// PREPARE lasts the recruitment cost. SYNCHRONIZE integrates the Kuramoto
// network of the recruited sub-graph from fresh random phases (§7.11),
// one kernel event per integration step, until coherence reaches the target
// (success is decided here, §7.5) or the timeout fails the request with
// sync_timeout. BROADCAST puts the fabric in ESGT mode and floods it, taking
// the flood's virtual time. SUSTAIN keeps integrating for the target
// duration. DISSOLVE halves this ignition's coupling (§7.1) for 50 ms, then
// the fabric leaves ESGT mode and the nodes are released; the outcome is
// reported then. Oscillators keep integrating on the same step grid through
// every phase after PREPARE.
//
// A participant that stops being healthy drops out of the network; if fewer
// than min_available_nodes remain the ignition fails with nodes_lost.
// Stopping the coordinator ends every in-flight ignition with interrupted.
//
// # Refractory period
//
// An ignition is a successful synchronisation. No ignition starts (is
// admitted) less than refractory_period after the end of the most recent
// ignition completed before it. The gap from each ignition's end to the
// next start is reported to observers, so the minimum gap can be checked.
//
// # Hardening
//
// The circuit breaker opens after 5 consecutive failed ignitions
// (sync_timeout or nodes_lost), rejects everything for 10 s, then lets one
// trial through: success closes it, failure opens it again. Degraded mode is
// entered when the mean peak coherence of the last 10 synchronisation
// attempts (at least 5, all within the last 30 s) falls below 0.65, and left
// when it reaches 0.70 again (the hysteresis keeps it from flapping) or when
// fewer than 5 attempts remain within 30 s: degraded mode refuses most
// requests, so without that horizon it could never observe the attempts it
// needs to end. A zero limit disables the corresponding mechanism.
package esgt
