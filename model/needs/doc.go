// Package needs is MMEI interoception: it turns physical metrics (CPU,
// memory, errors, temperature, power, network, idle time, throughput) into
// six abstract needs in [0, 1], as in docs/model.md §5.
//
// # Pieces
//
//   - [Compute] (and [Params.Compute]) is the pure formula from [Metrics] to
//     [Needs].
//   - A [Source] supplies metrics at a virtual time: a scenario's [Profile]
//     (a base plus steps, ramps and spikes), or [FabricSource], which takes
//     network latency and packet loss from a live fabric through
//     [FabricView].
//   - A [Monitor] samples a Source every [MonitorConfig.Interval] (100 ms)
//     on a [sim.Sim], sanitises what it reads and keeps the latest needs for
//     the arousal controller.
//
// # Units
//
// Metrics carry the units in their field names: percentages are 0–100
// (CPUPercent, MemoryPercent, PacketLossPercent, IdlePercent), the error
// rate is per minute, latency is milliseconds, temperature °C, power W and
// throughput operations per second. [Params.Compute] converts percentages to
// fractions (divides by 100) before applying the formula, so a packet loss of
// 12.5 % gives a connectivity need of 0.125. Needs are dimensionless in
// [0, 1]. Times are virtual ([clock.Time], integer nanoseconds).
//
// # Bad metrics
//
// TemperatureC and PowerW may be NaN, meaning "not measured"; Compute then
// ignores them, as the original ignores None. Any other NaN, and any
// infinity, is invalid: the Monitor replaces it with that field's last good
// value (zero before the first good one) and counts one warning. A finite
// value outside its field's range ([Metric.Range]) is clamped into the range
// and also counts one warning. Compute itself never returns NaN, whatever it
// is given. So a faulty source can never carry a NaN into the needs, or
// through them into arousal.
//
// # Determinism
//
// Everything is a function of virtual time and of the inputs: no wall clock,
// no randomness, no map iteration. Products that feed sums are wrapped in
// float64(...) so no compiler fuses them into FMA instructions, which keeps
// results bit-identical across architectures and GOAMD64 levels. A Monitor's
// sampling tick allocates nothing.
package needs
