package check

import (
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/scenarios/trace"
)

// InvariantError is the first invariant a run violated: when, on which
// record, and what.
type InvariantError struct {
	At    clock.Time
	Event string // the record that exposed it, e.g. "admitted id=42"
	What  string
}

func (e *InvariantError) Error() string {
	return fmt.Sprintf("invariant violated at %v (%s): %s", e.At, e.Event, e.What)
}

// Limits are the coordinator's limits a run is held to.
type Limits struct {
	Refractory     clock.Duration // triggers.refractory_period
	MaxConcurrent  int            // triggers.max_concurrent; 0: no bound
	MaxFrequencyHz float64        // triggers.max_frequency_hz; 0: no bound
}

// Checker verifies the model's invariants as the run goes: the refractory
// gap, the concurrency and frequency limits, one outcome per request, the
// order of phases, arousal and threshold bounds, and the fabric's ESGT-mode
// weights. It keeps only in-flight state, so it costs bounded memory.
type Checker struct {
	fabric        func() Fabric // the current fabric (fabric_recreate replaces it)
	refractory    clock.Duration
	maxConcurrent int
	maxFrequency  float64

	open     map[uint64]esgt.Phase // requests without an outcome; phase reached (−1: not admitted)
	inFlight int
	starts   []clock.Time // admissions in the last second
	requests uint64
	outcomes uint64
}

const notAdmitted = esgt.Phase(255)

// Fabric is what the checker reads of the fabric; *fabric.Fabric
// implements it, and tests give it fabrics in states no run reaches.
type Fabric interface {
	Nodes() int
	Healthy(i int) bool
	HealthyCount() int
	InESGTMode() bool
	NumLinks() int
	Link(id int) fabric.Link
}

// New returns a checker that holds a run to limits. fabric returns the
// run's current fabric, read when a record calls for it.
func New(limits Limits, fabric func() Fabric) *Checker {
	return &Checker{
		fabric: fabric, refractory: limits.Refractory, maxConcurrent: limits.MaxConcurrent, maxFrequency: limits.MaxFrequencyHz,
		open: map[uint64]esgt.Phase{},
	}
}

func (c *Checker) fail(e *trace.Event, format string, args ...any) error {
	return &InvariantError{At: e.At, Event: fmt.Sprintf("%s id=%d", e.Kind, e.ID), What: fmt.Sprintf(format, args...)}
}

// Event checks one record (records in the order of the run) and returns
// an *InvariantError for the first invariant it breaks.
func (c *Checker) Event(e *trace.Event) error {
	switch e.Kind {
	case trace.EvRequest:
		if _, dup := c.open[e.ID]; dup {
			return c.fail(e, "request id %d issued twice", e.ID)
		}
		c.requests++
		c.open[e.ID] = notAdmitted
	case trace.EvAdmitted:
		if e.Gap >= 0 && e.Gap < c.refractory {
			return c.fail(e, "ignition started %v after the previous one ended; the refractory period is %v", e.Gap, c.refractory)
		}
		c.inFlight++
		if c.maxConcurrent > 0 && c.inFlight > c.maxConcurrent {
			return c.fail(e, "%d ignitions in flight; max_concurrent is %d", c.inFlight, c.maxConcurrent)
		}
		horizon := e.At.Add(-clock.Second)
		k := 0
		for k < len(c.starts) && c.starts[k] <= horizon {
			k++
		}
		c.starts = append(c.starts[:0], c.starts[k:]...)
		if c.maxFrequency > 0 && float64(len(c.starts)) >= c.maxFrequency {
			return c.fail(e, "%d ignitions had started in the second before this one; triggers.max_frequency_hz is %v", len(c.starts), c.maxFrequency)
		}
		c.starts = append(c.starts, e.At)
	case trace.EvPhase:
		prev, ok := c.open[e.ID]
		switch {
		case !ok:
			return c.fail(e, "phase %v for a request without an open outcome", e.Phase)
		case e.Phase == esgt.Prepare && prev != notAdmitted,
			e.Phase != esgt.Prepare && (prev == notAdmitted || e.Phase != prev+1):
			return c.fail(e, "phase %v after %v", e.Phase, phaseName(prev))
		}
		c.open[e.ID] = e.Phase
	case trace.EvOutcome:
		prev, ok := c.open[e.ID]
		if !ok {
			return c.fail(e, "a second outcome, or one without a request")
		}
		delete(c.open, e.ID)
		c.outcomes++
		o := e.Outcome
		if o.Reason.Admitted() != (prev != notAdmitted) {
			return c.fail(e, "outcome %v after phase %v", o.Reason, phaseName(prev))
		}
		if o.Reason == esgt.Success && prev != esgt.Dissolve {
			return c.fail(e, "success after phase %v", phaseName(prev))
		}
		if o.Done < o.Arrival {
			return c.fail(e, "outcome at %v before arrival %v", o.Done, o.Arrival)
		}
		if prev != notAdmitted {
			c.inFlight--
		}
		if c.inFlight == 0 {
			if err := c.fabricAtRest(e); err != nil {
				return err
			}
		}
	case trace.EvArousal:
		for _, v := range []struct {
			name string
			v    float64
		}{{"arousal", e.Arousal}, {"target", e.Target}, {"threshold", e.Threshold}} {
			if !(v.v >= 0 && v.v <= 1) {
				return c.fail(e, "%s %v outside [0, 1]", v.name, v.v)
			}
		}
	case trace.EvFault:
		f := c.fabric()
		healthy := 0
		for i := range f.Nodes() {
			if f.Healthy(i) {
				healthy++
			}
		}
		if healthy != f.HealthyCount() {
			return c.fail(e, "fabric counts %d healthy nodes, its states say %d", f.HealthyCount(), healthy)
		}
	}
	return nil
}

// fabricAtRest checks that with no ignition in flight the fabric has left
// ESGT mode and every link weight is back to 1.
func (c *Checker) fabricAtRest(e *trace.Event) error {
	f := c.fabric()
	if f.InESGTMode() {
		return c.fail(e, "fabric still in ESGT mode with no ignition in flight")
	}
	for id := range f.NumLinks() {
		if w := f.Link(id).Weight; w != 1 {
			return c.fail(e, "link %d has weight %v with no ignition in flight", id, w)
		}
	}
	return nil
}

// Done checks the end of the run at time at: every request has its
// outcome.
func (c *Checker) Done(at clock.Time) error {
	if len(c.open) > 0 || c.requests != c.outcomes {
		return &InvariantError{At: at, Event: "end of run", What: fmt.Sprintf("%d requests, %d outcomes, %d still open", c.requests, c.outcomes, len(c.open))}
	}
	return nil
}

func phaseName(p esgt.Phase) string {
	if p == notAdmitted {
		return "(not admitted)"
	}
	return p.String()
}
