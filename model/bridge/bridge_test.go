package bridge

import (
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/sim"
)

// world is a coordinator, an arousal controller pinned at a given arousal,
// and optionally the bridge between them.
type world struct {
	sim   *sim.Sim
	coord *esgt.Coordinator
	ctrl  *arousal.Controller
}

func newWorld(t *testing.T, initial float64, bridged bool) *world {
	t.Helper()
	s := sim.New(7)
	fc := fabric.DefaultConfig()
	fc.Nodes = 32
	fab, err := fabric.New(fc)
	if err != nil {
		t.Fatal(err)
	}
	if err := fab.Initialize(s.Stream("fabric")); err != nil {
		t.Fatal(err)
	}
	coord, err := esgt.New(s, fab, esgt.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	ac := arousal.DefaultConfig()
	ac.Baseline, ac.Initial = initial, initial
	ctrl, err := arousal.New(ac, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := ctrl.Start(s); err != nil {
		t.Fatal(err)
	}
	if bridged {
		b, err := New(DefaultConfig(), ctrl, coord)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Start(s); err != nil {
			t.Fatal(err)
		}
	}
	return &world{sim: s, coord: coord, ctrl: ctrl}
}

// outcomeOf submits one request with total salience v at 100 ms and
// returns its reason.
func (w *world) outcomeOf(v float64) esgt.Reason {
	var got esgt.Reason
	w.coord.OnFinished(func(o *esgt.Outcome) { got = o.Reason })
	w.sim.Schedule(clock.Time(100*clock.Millisecond), func() {
		w.coord.Submit(esgt.Request{Salience: esgt.Salience{Novelty: v, Relevance: v, Urgency: v, Confidence: v}})
	})
	w.sim.RunUntil(clock.Time(2 * clock.Second))
	return got
}

// TestBridgeLowersThresholdUnderHighArousal: a borderline salience of 0.5 is
// below the default min_salience (0.60), so without the bridge it is
// rejected; with the bridge at arousal 0.9 the threshold is
// 0.70/(0.5+1.5·0.9) = 0.378, so it ignites.
func TestBridgeLowersThresholdUnderHighArousal(t *testing.T) {
	if r := newWorld(t, 0.9, false).outcomeOf(0.5); r != esgt.LowSalience {
		t.Fatalf("without the bridge: %v, want salience", r)
	}
	w := newWorld(t, 0.9, true)
	if r := w.outcomeOf(0.5); r == esgt.LowSalience || !r.Admitted() {
		t.Fatalf("with the bridge: %v, want admitted", r)
	}
	if got, want := w.coord.MinSalience(), 0.70/(0.5+1.5*w.ctrl.Arousal()); math.Abs(got-want) > 1e-12 {
		t.Fatalf("min_salience %v, want %v", got, want)
	}
}

// TestBridgeRaisesThresholdUnderLowArousal: at arousal 0.1 the threshold is
// 0.70/0.65 = 1.077, clamped to 0.95, and the arousal gate (0.40) now reads
// the controller: a request of salience 0.9 fails on salience first.
func TestBridgeRaisesThresholdUnderLowArousal(t *testing.T) {
	w := newWorld(t, 0.1, true)
	if r := w.outcomeOf(0.9); r != esgt.LowSalience {
		t.Fatalf("got %v, want salience", r)
	}
	if w.coord.MinSalience() != 0.95 {
		t.Fatalf("min_salience %v, want the 0.95 clamp", w.coord.MinSalience())
	}
	if w.coord.Arousal() != w.ctrl.Arousal() {
		t.Fatal("the coordinator's arousal gate does not read the controller")
	}
}

// TestBridgeSignalsIgnitions: a successful ignition engages the
// controller's post-ignition drop, which lowers its target.
func TestBridgeSignalsIgnitions(t *testing.T) {
	w := newWorld(t, 0.6, true)
	before := w.ctrl.Target()
	if r := w.outcomeOf(0.9); r != esgt.Success {
		t.Fatalf("the ignition ended %v; with this seed it synchronises", r)
	}
	if after := w.ctrl.Target(); math.Abs(before-0.1-after) > 1e-12 {
		t.Fatalf("target %v after an ignition, want %v − 0.1", after, before)
	}
}

func TestThresholdFormula(t *testing.T) {
	b := &Bridge{cfg: DefaultConfig()}
	for _, tc := range []struct{ factor, want float64 }{
		{0.5, 0.95}, {1.0, 0.70}, {1.4, 0.5}, {2.0, 0.35}, {3.0, 0.30},
	} {
		if got := b.Threshold(tc.factor); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("Threshold(%v) = %v, want %v", tc.factor, got, tc.want)
		}
	}
	b.cfg.Sensitivity = 2
	if got := b.Threshold(1.2); math.Abs(got-0.70/1.44) > 1e-12 {
		t.Errorf("sensitivity 2: %v", got)
	}
	for _, c := range []Config{{Interval: 0, MaxThreshold: 1}, {Interval: 1, MinThreshold: 0.9, MaxThreshold: 0.5}, {Interval: 1, Sensitivity: math.NaN(), MaxThreshold: 1}} {
		if c.Validate() == nil {
			t.Errorf("accepted %+v", c)
		}
	}
}
