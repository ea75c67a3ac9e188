package esgt

import (
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/sim"
)

// fixture is a coordinator on a fresh fabric with a recording observer.
type fixture struct {
	sim *sim.Sim
	fab *fabric.Fabric
	c   *Coordinator
	rec *recorder
}

func newFixture(t *testing.T, nodes int, edit func(*Config)) *fixture {
	t.Helper()
	s := sim.New(2026)
	fc := fabric.DefaultConfig()
	fc.Nodes = nodes
	fab, err := fabric.New(fc)
	if err != nil {
		t.Fatal(err)
	}
	if err := fab.Initialize(s.Stream("fabric")); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	if edit != nil {
		edit(&cfg)
	}
	c, err := New(s, fab, cfg)
	if err != nil {
		t.Fatal(err)
	}
	rec := newRecorder(c)
	c.OnRequested(rec.Requested)
	c.OnAdmitted(rec.Admitted)
	c.OnPhase(rec.PhaseStarted)
	c.OnFinished(rec.Finished)
	return &fixture{sim: s, fab: fab, c: c, rec: rec}
}

// submitAt schedules a request with total salience total at time at.
func (f *fixture) submitAt(at clock.Time, total float64) {
	f.sim.Schedule(at, func() { f.c.Submit(Request{Salience: Uniform(total)}) })
}

// submitEvery schedules requests every period from start until end.
func (f *fixture) submitEvery(start, end clock.Time, period clock.Duration, total float64) {
	for at := start; at < end; at = at.Add(period) {
		f.submitAt(at, total)
	}
}

// recorder keeps every observed event and checks the invariants that must
// hold at every instant.
type recorder struct {
	t           *testing.T
	c           *Coordinator
	requested   map[uint64]clock.Time
	phases      map[uint64][]Phase
	phaseTimes  map[uint64][]clock.Time
	outcomes    map[uint64]Outcome
	order       []uint64 // finish order
	ignitedAt   []clock.Time
	gaps        []clock.Duration
	inFlight    int
	maxInFlight int
	successEnds []clock.Time
	violations  []string
}

func newRecorder(c *Coordinator) *recorder {
	return &recorder{
		c:          c,
		requested:  map[uint64]clock.Time{},
		phases:     map[uint64][]Phase{},
		phaseTimes: map[uint64][]clock.Time{},
		outcomes:   map[uint64]Outcome{},
	}
}

func (r *recorder) Requested(id uint64, at clock.Time, _ float64) { r.requested[id] = at }

func (r *recorder) PhaseStarted(id uint64, at clock.Time, p Phase) {
	r.phases[id] = append(r.phases[id], p)
	r.phaseTimes[id] = append(r.phaseTimes[id], at)
}

func (r *recorder) Admitted(id uint64, at clock.Time, gap clock.Duration) {
	r.ignitedAt = append(r.ignitedAt, at)
	r.gaps = append(r.gaps, gap)
	r.inFlight++
	r.maxInFlight = max(r.maxInFlight, r.inFlight)
}

func (r *recorder) Finished(o *Outcome) {
	if _, dup := r.outcomes[o.ID]; dup {
		r.violations = append(r.violations, "second outcome for a request")
	}
	cp := *o
	cp.History = nil
	r.outcomes[o.ID] = cp
	r.order = append(r.order, o.ID)
	if o.Reason.Admitted() {
		r.inFlight--
	}
	if o.Reason == Success {
		r.successEnds = append(r.successEnds, o.Done)
	}
}

// count returns how many outcomes had reason.
func (r *recorder) count(reason Reason) int {
	n := 0
	for _, o := range r.outcomes {
		if o.Reason == reason {
			n++
		}
	}
	return n
}
