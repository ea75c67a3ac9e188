package esgt

import "github.com/esgtsim/esgtsim/clock"

// callbacks are the functions registered to observe a coordinator, each
// list called in registration order.
type callbacks struct {
	requested []func(id uint64, at clock.Time, salience float64)
	admitted  []func(id uint64, at clock.Time, gap clock.Duration)
	phase     []func(id uint64, at clock.Time, p Phase)
	finished  []func(o *Outcome)
}

// The coordinator reports its events to callbacks registered with the
// OnX methods below, as arousal.Controller and needs.Monitor do: each is
// called synchronously, in virtual time order, in the order registered. A
// nil fn is ignored.

// OnRequested registers fn to run when a request arrives, before its gate,
// with its id, arrival time and total salience.
func (c *Coordinator) OnRequested(fn func(id uint64, at clock.Time, salience float64)) {
	if fn != nil {
		c.on.requested = append(c.on.requested, fn)
	}
}

// OnAdmitted registers fn to run when a request passes the gate and its
// ignition starts; gap is the time since the end of the most recent
// successful ignition, or −1 if none has ended yet.
func (c *Coordinator) OnAdmitted(fn func(id uint64, at clock.Time, gap clock.Duration)) {
	if fn != nil {
		c.on.admitted = append(c.on.admitted, fn)
	}
}

// OnPhase registers fn to run when an admitted request's ignition enters a
// phase.
func (c *Coordinator) OnPhase(fn func(id uint64, at clock.Time, p Phase)) {
	if fn != nil {
		c.on.phase = append(c.on.phase, fn)
	}
}

// OnFinished registers fn to run once per request with its outcome. fn
// must not retain o, which is reused after the call.
func (c *Coordinator) OnFinished(fn func(o *Outcome)) {
	if fn != nil {
		c.on.finished = append(c.on.finished, fn)
	}
}
