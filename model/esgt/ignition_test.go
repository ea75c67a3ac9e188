package esgt

import (
	"slices"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/sim"
)

// TestIgnitionReusesRows: a pooled ignition recruiting the same nodes
// again may keep its graph's rows, but whatever happened to the fabric in
// between (ESGT mode, a cut, a crash) its graph is the one a fresh build
// makes.
func TestIgnitionReusesRows(t *testing.T) {
	f := newFixture(t, 32, nil)
	check := func(when string) *ignition {
		t.Helper()
		if f.c.InFlight() != 1 {
			t.Fatalf("%s: %d ignitions in flight", when, f.c.InFlight())
		}
		ig := f.c.inFlight[0]
		fresh := &ignition{c: f.c, nodes: ig.nodes}
		fresh.build()
		if !slices.Equal(ig.graph.Offsets, fresh.graph.Offsets) || !slices.Equal(ig.graph.Targets, fresh.graph.Targets) ||
			!slices.Equal(ig.graph.Weights, fresh.graph.Weights) || !slices.Equal(ig.links, fresh.links) ||
			!slices.Equal(ig.freq, fresh.freq) {
			t.Fatalf("%s: the graph differs from a fresh build", when)
		}
		return ig
	}
	ignite := func(at clock.Time) {
		f.submitAt(at, 0.9)
		f.sim.RunUntil(at.Add(10 * ms)) // in SYNCHRONIZE
	}
	ignite(0)
	full := len(check("first").links)

	f.sim.RunUntil(clock.Time(1500 * ms))
	f.fab.EnterESGTMode()
	ignite(clock.Time(2 * clock.Second))
	if w := check("in ESGT mode").graph.Weights[0]; w != 1.5 {
		t.Errorf("in ESGT mode: weight %v, want 1.5", w)
	}
	f.fab.ExitESGTMode()

	f.sim.RunUntil(clock.Time(3500 * ms))
	a, b := 0, int(f.fab.Neighbors(0)[0])
	if err := f.fab.CutLink(a, b); err != nil {
		t.Fatal(err)
	}
	ignite(clock.Time(4 * clock.Second))
	if got := len(check("after a cut").links); got != full-2 {
		t.Errorf("after a cut: %d directed edges, want %d", got, full-2)
	}

	f.sim.RunUntil(clock.Time(5500 * ms))
	if err := f.fab.HealLink(a, b); err != nil {
		t.Fatal(err)
	}
	if err := f.fab.CrashNode(5); err != nil {
		t.Fatal(err)
	}
	ignite(clock.Time(6 * clock.Second))
	if ig := check("after a crash"); len(ig.nodes) != 31 || slices.Contains(ig.nodes, 5) {
		t.Errorf("after a crash: %d nodes, node 5 among them: %v", len(ig.nodes), slices.Contains(ig.nodes, 5))
	}
}

// TestIgnitionsAllocateNothing: once the pool and the buffers have grown,
// an ignition (graph reuse, ESGT mode, the broadcast, the refresh)
// allocates nothing.
func TestIgnitionsAllocateNothing(t *testing.T) {
	s := sim.New(2026)
	fc := fabric.DefaultConfig()
	fc.Nodes = 200
	fab, err := fabric.New(fc)
	if err != nil {
		t.Fatal(err)
	}
	if err := fab.Initialize(s.Stream("fabric")); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Oscillator.Coupling = 60 // strong enough for every ignition to synchronise
	c, err := New(s, fab, cfg)
	if err != nil {
		t.Fatal(err)
	}
	succeeded := 0
	c.OnFinished(func(o *Outcome) {
		if o.Reason == Success {
			succeeded++
		}
	})
	if _, err := s.Every(0, clock.Second, func(clock.Time) { c.Submit(Request{Salience: Uniform(0.9)}) }); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(clock.Time(20 * clock.Second))
	before, at := succeeded, s.Now()
	allocs := testing.AllocsPerRun(10, func() {
		at = at.Add(clock.Second)
		s.RunUntil(at)
	})
	if allocs != 0 || succeeded-before < 10 {
		t.Errorf("%v allocations per virtual second; %d ignitions succeeded in the 11 seconds measured", allocs, succeeded-before)
	}
}
