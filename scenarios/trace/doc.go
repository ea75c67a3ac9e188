// Package trace holds what a run records, record by record: the [Event]
// each model callback becomes, the running [Digest] that hashes every
// field of every record, the JSON Lines trace ([Writer]), the
// [Checkpoints] of the digest a run report keeps, and the search for the
// first record at which two traces differ ([CompareTraces]).
//
// It knows the model's types (outcomes, phases, arousal levels, needs)
// but not how a run is wired: package scenarios produces the events
// (the OnEvent and Trace options of a run) and runs a scenario twice to find a
// divergence (scenarios.CheckDeterminism).
package trace
