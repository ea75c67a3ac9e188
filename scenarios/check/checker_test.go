package check

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/scenarios/trace"
)

// The checker's failure paths, each driven by a hand-made event stream
// that breaks exactly one invariant (as porcupine tests its checker on
// illegal histories). Every stream is a legal one with one record changed
// or added: the checker must accept every record before that one, reject
// that one with an *InvariantError naming its time and record, and say
// what broke.

// checkerFabric is a fabric in whatever state a test needs, including
// states the model never reaches.
type checkerFabric struct {
	healthy      []bool
	healthyCount int
	esgtMode     bool
	weights      []float64
}

func (f *checkerFabric) Nodes() int         { return len(f.healthy) }
func (f *checkerFabric) Healthy(i int) bool { return f.healthy[i] }
func (f *checkerFabric) HealthyCount() int  { return f.healthyCount }
func (f *checkerFabric) InESGTMode() bool   { return f.esgtMode }
func (f *checkerFabric) NumLinks() int      { return len(f.weights) }
func (f *checkerFabric) Link(id int) fabric.Link {
	return fabric.Link{A: 0, B: 1, Weight: f.weights[id]}
}

// atRest is a three-node fabric out of ESGT mode with unit weights.
func atRest() *checkerFabric {
	return &checkerFabric{healthy: []bool{true, true, true}, healthyCount: 3, weights: []float64{1, 1, 1, 1}}
}

func ms(n int) clock.Time { return clock.Time(0).Add(clock.Duration(n) * clock.Millisecond) }

func request(at clock.Time, id uint64) trace.Event {
	return trace.Event{Kind: trace.EvRequest, At: at, ID: id}
}

func admitted(at clock.Time, id uint64, gap clock.Duration) trace.Event {
	return trace.Event{Kind: trace.EvAdmitted, At: at, ID: id, Gap: gap}
}

func phase(at clock.Time, id uint64, p esgt.Phase) trace.Event {
	return trace.Event{Kind: trace.EvPhase, At: at, ID: id, Phase: p}
}

func outcome(at clock.Time, id uint64, r esgt.Reason, arrival clock.Time) trace.Event {
	return trace.Event{Kind: trace.EvOutcome, At: at, ID: id, Outcome: &esgt.Outcome{ID: id, Arrival: arrival, Done: at, Reason: r}}
}

func arousalUpdate(at clock.Time, a, target, threshold float64) trace.Event {
	return trace.Event{Kind: trace.EvArousal, At: at, Arousal: a, Target: target, Threshold: threshold}
}

// ignition is a legal successful ignition of request id arriving at start:
// request, admission, the five phases 10 ms apart, success.
func ignition(start int, id uint64, gap clock.Duration) []trace.Event {
	evs := []trace.Event{request(ms(start), id), admitted(ms(start), id, gap)}
	for p := esgt.Prepare; p <= esgt.Dissolve; p++ {
		evs = append(evs, phase(ms(start+10*int(p)), id, p))
	}
	return append(evs, outcome(ms(start+50), id, esgt.Success, ms(start)))
}

func concat(parts ...[]trace.Event) []trace.Event {
	var all []trace.Event
	for _, p := range parts {
		all = append(all, p...)
	}
	return all
}

const noGap = clock.Duration(-1) // no ignition has ended yet

func TestCheckerRejectsIllegalStreams(t *testing.T) {
	const refractory = 50 * clock.Millisecond
	crashedButCounted := atRest()
	crashedButCounted.healthy[1] = false
	stillESGT := atRest()
	stillESGT.esgtMode = true
	heavyLink := atRest()
	heavyLink.weights[2] = 1.5
	// Two ignitions in flight at once, then a third: each starts with no
	// ignition ended yet.
	overlapping := concat(
		[]trace.Event{request(ms(0), 1), admitted(ms(0), 1, noGap)},
		[]trace.Event{request(ms(1), 2), admitted(ms(1), 2, noGap)},
		[]trace.Event{request(ms(2), 3), admitted(ms(2), 3, noGap)},
	)
	for _, tc := range []struct {
		name          string
		events        []trace.Event
		maxConcurrent int
		fab           *checkerFabric
		bad           int    // index of the record that must be rejected; -1: the end of the run
		event         string // InvariantError.Event
		what          string // a phrase of InvariantError.What
	}{
		{"request issued twice", []trace.Event{request(ms(0), 1), request(ms(5), 1)}, 2, atRest(), 1,
			"request id=1", "issued twice"},
		{"ignition inside the refractory period", concat(ignition(0, 1, noGap), ignition(60, 2, 10*clock.Millisecond)), 2, atRest(), 9,
			"admitted id=2", "refractory period is 50ms"},
		{"more ignitions in flight than max_concurrent", overlapping, 2, atRest(), 5,
			"admitted id=3", "3 ignitions in flight; max_concurrent is 2"},
		{"more ignitions in a second than the frequency limit", concat(
			ignition(0, 1, noGap), ignition(100, 2, 50*clock.Millisecond),
			ignition(200, 3, 50*clock.Millisecond), ignition(300, 4, 50*clock.Millisecond)), 2, atRest(), 25,
			"admitted id=4", "3 ignitions had started in the second before"},
		{"phase of a request never issued", []trace.Event{phase(ms(0), 7, esgt.Prepare)}, 2, atRest(), 0,
			"phase id=7", "without an open outcome"},
		{"phase before prepare", []trace.Event{request(ms(0), 1), admitted(ms(0), 1, noGap), phase(ms(1), 1, esgt.Synchronize)}, 2, atRest(), 2,
			"phase id=1", "phase synchronize after (not admitted)"},
		{"phase skipped", []trace.Event{request(ms(0), 1), admitted(ms(0), 1, noGap), phase(ms(0), 1, esgt.Prepare), phase(ms(1), 1, esgt.Broadcast)}, 2, atRest(), 3,
			"phase id=1", "phase broadcast after prepare"},
		{"prepare twice", []trace.Event{request(ms(0), 1), admitted(ms(0), 1, noGap), phase(ms(0), 1, esgt.Prepare), phase(ms(1), 1, esgt.Prepare)}, 2, atRest(), 3,
			"phase id=1", "phase prepare after prepare"},
		{"second outcome", append(ignition(0, 1, noGap), outcome(ms(60), 1, esgt.Success, ms(0))), 2, atRest(), 8,
			"outcome id=1", "a second outcome"},
		{"outcome of a request never issued", []trace.Event{outcome(ms(0), 4, esgt.Refractory, ms(0))}, 2, atRest(), 0,
			"outcome id=4", "without a request"},
		{"ignition failure without an admission", []trace.Event{request(ms(0), 1), outcome(ms(1), 1, esgt.SyncTimeout, ms(0))}, 2, atRest(), 1,
			"outcome id=1", "outcome sync_timeout after phase (not admitted)"},
		{"rejection after an admission", []trace.Event{request(ms(0), 1), admitted(ms(0), 1, noGap), phase(ms(0), 1, esgt.Prepare), outcome(ms(1), 1, esgt.Refractory, ms(0))}, 2, atRest(), 3,
			"outcome id=1", "outcome refractory after phase prepare"},
		{"success before dissolve", append(ignition(0, 1, noGap)[:6], outcome(ms(40), 1, esgt.Success, ms(0))), 2, atRest(), 6,
			"outcome id=1", "success after phase sustain"},
		{"outcome before its arrival", []trace.Event{request(ms(10), 1), outcome(ms(5), 1, esgt.LowSalience, ms(10))}, 2, atRest(), 1,
			"outcome id=1", "before arrival"},
		{"fabric left in ESGT mode", ignition(0, 1, noGap), 2, stillESGT, 7,
			"outcome id=1", "still in ESGT mode with no ignition in flight"},
		{"link weight not restored", ignition(0, 1, noGap), 2, heavyLink, 7,
			"outcome id=1", "link 2 has weight 1.5 with no ignition in flight"},
		{"arousal above 1", []trace.Event{arousalUpdate(ms(100), 1.2, 0.5, 0.5)}, 2, atRest(), 0,
			"arousal id=0", "arousal 1.2 outside [0, 1]"},
		{"target below 0", []trace.Event{arousalUpdate(ms(100), 0.5, -0.1, 0.5)}, 2, atRest(), 0,
			"arousal id=0", "target -0.1 outside [0, 1]"},
		{"threshold NaN", []trace.Event{arousalUpdate(ms(100), 0.5, 0.5, math.NaN())}, 2, atRest(), 0,
			"arousal id=0", "threshold NaN outside [0, 1]"},
		{"healthy count out of step with node states", []trace.Event{{Kind: trace.EvFault, At: ms(3), Fault: "node_crash", Node: 1}}, 2, crashedButCounted, 0,
			"fault id=0", "fabric counts 3 healthy nodes, its states say 2"},
		{"request without an outcome at the end", concat(ignition(0, 1, noGap), []trace.Event{request(ms(100), 2)}), 2, atRest(), -1,
			"end of run", "2 requests, 1 outcomes, 1 still open"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Limits{Refractory: refractory, MaxConcurrent: tc.maxConcurrent, MaxFrequencyHz: 3}, func() Fabric { return tc.fab })
			var err error
			at := clock.Time(0)
			for i := range tc.events {
				e := &tc.events[i]
				e.Seq = uint64(i + 1)
				if err = c.Event(e); err != nil {
					if i != tc.bad {
						t.Fatalf("record %d (%s id=%d) rejected, want record %d: %v", i, e.Kind, e.ID, tc.bad, err)
					}
					at = e.At
					break
				}
				if i == tc.bad {
					t.Fatalf("record %d (%s id=%d) accepted; it breaks %q", i, e.Kind, e.ID, tc.name)
				}
			}
			if tc.bad == -1 {
				at = ms(1000)
				err = c.Done(at)
			}
			var inv *InvariantError
			if !errors.As(err, &inv) {
				t.Fatalf("got %v, want an *InvariantError", err)
			}
			if inv.At != at || inv.Event != tc.event || !strings.Contains(inv.What, tc.what) {
				t.Errorf("got %q at %v on %q, want %q at %v on %q", inv.What, inv.At, inv.Event, tc.what, at, tc.event)
			}
		})
	}
}

// TestCheckerAcceptsLegalStream is the control: the legal streams the
// cases above are built from pass, the end of the run included.
func TestCheckerAcceptsLegalStream(t *testing.T) {
	fab := atRest()
	c := New(Limits{Refractory: 50 * clock.Millisecond, MaxConcurrent: 2, MaxFrequencyHz: 3}, func() Fabric { return fab })
	events := concat(
		ignition(0, 1, noGap), ignition(100, 2, 50*clock.Millisecond), ignition(200, 3, 50*clock.Millisecond),
		[]trace.Event{request(ms(300), 4), outcome(ms(300), 4, esgt.Frequency, ms(300))},
		ignition(1001, 5, 751*clock.Millisecond),
		[]trace.Event{arousalUpdate(ms(1100), 0, 1, 0.5), {Kind: trace.EvFault, At: ms(1200), Fault: "node_crash", Node: 1}},
	)
	fab.healthy[1], fab.healthyCount = false, 2
	for i := range events {
		if err := c.Event(&events[i]); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
	if err := c.Done(ms(2000)); err != nil {
		t.Fatal(err)
	}
}
