// Package check is the invariant checker of a run: it reads the run's
// records ([trace.Event]) one by one and stops at the first that breaks
// one of the model's invariants, with an [*InvariantError] naming its
// virtual time, the record and what broke. The invariants: the refractory
// gap between ignitions, the concurrency and frequency limits ([Limits]),
// one outcome per request, phases in order, arousal, its target and the
// salience threshold in [0, 1], the fabric back at rest (out of ESGT mode,
// every link weight 1) whenever no ignition is in flight, and the fabric's
// healthy count in step with its nodes' states.
//
// Package scenarios runs it when a run's Check option is set (esgtsim
// run --check); a run that breaks an invariant ends with the
// *InvariantError.
package check
