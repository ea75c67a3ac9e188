package sim

import (
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
)

// Ticker calls a function periodically in virtual time, for controllers that
// update every N milliseconds. It is built on the same queue as every other
// event, so ticks interleave with other events by (time, sequence).
type Ticker struct {
	sim    *Sim
	period clock.Duration
	fn     func(now clock.Time)
	fire   func() // bound once so that rescheduling allocates nothing
	next   EventID
	active bool
}

// Every calls fn at first, first+period, first+2·period, ... until the
// ticker is stopped. It panics if period is not positive or fn is nil, and
// returns [ErrPast] if first is before the current time.
func (s *Sim) Every(first clock.Time, period clock.Duration, fn func(now clock.Time)) (*Ticker, error) {
	if period <= 0 {
		panic(fmt.Sprintf("sim: non-positive ticker period %v", period))
	}
	if fn == nil {
		panic("sim: nil callback")
	}
	t := &Ticker{sim: s, period: period, fn: fn}
	t.fire = t.tick
	id, err := s.Schedule(first, t.fire)
	if err != nil {
		return nil, err
	}
	t.next, t.active = id, true
	return t, nil
}

func (t *Ticker) tick() {
	now := t.sim.now
	t.next = t.sim.After(t.period, t.fire)
	t.fn(now)
}

// Period returns the ticker's period.
func (t *Ticker) Period() clock.Duration { return t.period }

// Active reports whether the ticker will tick again.
func (t *Ticker) Active() bool { return t.active }

// Stop cancels all future ticks. It is safe to call from the ticker's own
// callback and more than once.
func (t *Ticker) Stop() {
	if t.active {
		t.sim.Cancel(t.next)
		t.active = false
	}
}
