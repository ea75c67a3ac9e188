// Package arousal is the MCEA arousal controller (docs/model.md §4): a scalar in
// [0, 1] that sets how easily content ignites. High arousal lowers the
// ignition threshold, low arousal raises it.
//
// # The update
//
// Every Config.UpdateInterval (100 ms) of virtual time a [Controller]
// updates, in this order:
//
//	stress  += 0.01·dt if arousal > 0.7;  −= 0.005·dt if arousal < 0.5;  clamp [0, 1]
//	target   = clamp(baseline + needs + external + 0.2·stress + circadian − drop, 0, 1)
//	arousal  = min(arousal + 0.05·dt, target)  if target > arousal
//	           max(arousal − 0.02·dt, target)  otherwise
//
// with dt the interval in seconds and the defaults shown ([DefaultConfig]).
// The terms ([Terms]) are:
//
//   - needs = 0.3·repair − 0.2·rest + 0.1·efficiency + 0.15·connectivity,
//     read from a [NeedsSource] (a [needs.Monitor]) at each update;
//   - external = the priority-weighted mean of the active modulations
//     ([Controller.Modulate]), each decaying linearly from its delta to 0
//     over its duration; a duration-0 modulation counts once, at the next
//     update;
//   - circadian = 0.1·sin(2π·hour/24 − π/2) on the virtual time of day
//     (Config.StartOfDay at t = 0, 06:00 by default), when enabled;
//   - drop = the post-ignition drop ([RefractoryDrop]): by default 0.1 on
//     the target for 5 s after the latest [Controller.NotifyIgnition].
//
// Levels ([Classify]) have inclusive upper bounds: ≤ 0.2 sleep, ≤ 0.4
// drowsy, ≤ 0.6 relaxed, ≤ 0.8 alert, above that hyperalert. The threshold
// factor is 0.5 + 1.5·arousal and the effective salience threshold 0.70 /
// factor ([Config.EffectiveThreshold]).
//
// # Conventions
//
// Arousal, targets, stress, needs and modulation deltas are dimensionless;
// rates are per second of virtual time; times are [clock.Time] and
// durations [clock.Duration] (integer nanoseconds). Configuration and
// modulations are validated: NaN, infinities, negative durations,
// priorities ≤ 0 and values outside their ranges are returned as a
// [*param.FieldError] naming the key, never a panic. Needs read from the source
// are checked at each update: a NaN or infinite need is replaced by its last
// valid value and an out-of-range one clamped to [0, 1], each counted by
// [Controller.Warnings], so arousal never becomes NaN.
//
// # Determinism
//
// The controller has no randomness and reads no wall clock; modulations are
// kept in a slice in request order and summed in that order. Products that
// feed sums are wrapped in float64(...) so that no compiler fuses them, and
// the sine is [detmath.Sin], so results are bit-identical across
// architectures and GOAMD64 levels. An update allocates nothing, and the
// modulation list reuses its slice.
package arousal
