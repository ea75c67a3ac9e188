package sim

import (
	"errors"
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
)

// ErrPast is returned when an event is scheduled before the current virtual
// time. The kernel never reorders such an event silently.
var ErrPast = errors.New("sim: event scheduled in the past")

// EventID identifies a scheduled event so that it can be cancelled. The zero
// EventID never names an event.
type EventID struct {
	slot uint32
	gen  uint32
}

// Observer receives every executed event, in execution order, before its
// callback runs: its virtual time and its ordinal n (1 for the first event
// the simulator runs). It is how traces and run digests see the kernel.
type Observer interface {
	Executed(at clock.Time, n uint64)
}

// Sim is a single-threaded discrete-event simulator. The zero value is not
// usable; create one with [New]. A Sim is not safe for concurrent use; run
// independent simulations in parallel instead.
type Sim struct {
	now      clock.Time
	queue    queue
	pending  int // scheduled, not yet run, not cancelled
	stopped  bool
	seed     uint64
	streams  map[string]struct{}
	observer Observer
	stats    counters
}

// New returns a simulator at virtual time zero whose random streams derive
// from seed.
func New(seed uint64) *Sim {
	return &Sim{seed: seed, queue: newQueue(), streams: make(map[string]struct{})}
}

// Now returns the current virtual time: the time of the event being run, or
// the time the last Run or RunUntil stopped at.
func (s *Sim) Now() clock.Time { return s.now }

// Seed returns the run's master seed.
func (s *Sim) Seed() uint64 { return s.seed }

// Pending returns the number of events scheduled and not yet run or
// cancelled.
func (s *Sim) Pending() int { return s.pending }

// SetObserver attaches o to receive every executed event; nil detaches it.
// With no observer attached, observing costs one nil check per event.
func (s *Sim) SetObserver(o Observer) { s.observer = o }

// Schedule arranges for fn to run at virtual time at. Events due at the same
// time run in the order they were scheduled. It returns [ErrPast] if at is
// before [Sim.Now]. It panics if fn is nil.
func (s *Sim) Schedule(at clock.Time, fn func()) (EventID, error) {
	if at < s.now {
		return EventID{}, fmt.Errorf("%w: at %v, now %v", ErrPast, at, s.now)
	}
	return s.schedule(at, fn), nil
}

// After arranges for fn to run d after the current virtual time. It panics
// if d is negative or fn is nil: a negative delay is a programming error.
func (s *Sim) After(d clock.Duration, fn func()) EventID {
	if d < 0 || fn == nil {
		misuse(d, fn)
	}
	s.pending++
	id, gen := s.queue.push(s.now.Add(d), fn)
	return EventID{slot: uint32(id), gen: gen}
}

// misuse panics for After's invalid arguments, out of line so that After's
// fast path stays small.
func misuse(d clock.Duration, fn func()) {
	if fn == nil {
		panic("sim: nil callback")
	}
	panic(fmt.Sprintf("sim: negative delay %v", d))
}

// schedule files fn at at, which is not before now.
func (s *Sim) schedule(at clock.Time, fn func()) EventID {
	if fn == nil {
		misuse(0, fn)
	}
	id, gen := s.queue.push(at, fn)
	s.pending++
	return EventID{slot: uint32(id), gen: gen}
}

// Cancel prevents a scheduled event from running. It reports whether the
// event was pending; cancelling an event that already ran, was already
// cancelled, or never existed does nothing and returns false. O(1): the
// queue entry is discarded when it reaches the front.
func (s *Sim) Cancel(id EventID) bool {
	if id.gen == 0 || int(id.slot) >= len(s.queue.nodes) {
		return false
	}
	nd := &s.queue.nodes[id.slot]
	if nd.gen != id.gen || nd.fn == nil {
		return false
	}
	nd.fn = nil
	s.pending--
	return true
}

// Stop makes the current Run or RunUntil return after the event being run.
func (s *Sim) Stop() { s.stopped = true }

// Step runs the earliest pending event and reports whether there was one.
func (s *Sim) Step() bool {
	return s.step(clock.MaxTime)
}

// Run runs events until the queue is empty or [Sim.Stop] is called.
func (s *Sim) Run() {
	s.RunUntil(clock.MaxTime)
}

// RunUntil runs every event due at or before t, then advances the clock to
// t. It returns early, with the clock at the last event run, if [Sim.Stop]
// is called. RunUntil(clock.MaxTime) leaves the clock at the last event.
func (s *Sim) RunUntil(t clock.Time) {
	s.stopped = false
	start := s.stats.startWall()
	for !s.stopped && s.step(t) {
	}
	if !s.stopped && t != clock.MaxTime && t > s.now {
		s.now = t
	}
	s.stats.stopWall(start)
}

// RunWhile runs events while cond returns true, checking it before each
// event, until the queue is empty or [Sim.Stop] is called.
func (s *Sim) RunWhile(cond func() bool) {
	s.stopped = false
	start := s.stats.startWall()
	for !s.stopped && cond() && s.step(clock.MaxTime) {
	}
	s.stats.stopWall(start)
}
