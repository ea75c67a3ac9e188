// Package sim is esgtsim's discrete-event kernel.
//
// A [Sim] owns a virtual clock ([clock.Time], integer nanoseconds) and a queue
// of callbacks. [Sim.Step] pops the earliest event, advances the clock to its
// time and calls it; [Sim.Run], [Sim.RunUntil] and [Sim.Stop] drive Step.
// Events are ordered by (time, sequence): the sequence number grows by one on
// every schedule, so events due at the same instant run first in, first out
// and a run is a pure function of its inputs.
//
// The kernel is synchronous: it starts no goroutines, does no I/O and never
// reads the wall clock unless the caller injects one with
// [Sim.SetWallClock] for run statistics. All randomness comes from named
// streams ([Sim.Stream]) derived from the run's seed, so adding a component
// never perturbs another component's draws.
//
// In steady state, scheduling and running an event allocates nothing: the
// queue and the callback slab grow to their high-water mark and are reused.
// Callers keep their callbacks allocation-free by scheduling long-lived
// closures or method values rather than building a new closure per event.
//
// Misuse that is a programming error (a negative delay, a nil callback, the
// same stream name requested twice) panics with a "sim: " prefix; scheduling
// at an absolute time in the past returns [ErrPast].
package sim
