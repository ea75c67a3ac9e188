package esgt

import (
	"slices"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
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
