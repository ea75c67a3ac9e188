package fabric

import (
	"testing"
)

func TestESGTModeTransitions(t *testing.T) {
	f := generated(t, 16, testSeed)
	if err := f.CrashNode(3); err != nil {
		t.Fatal(err)
	}
	if err := f.DegradeNode(4); err != nil {
		t.Fatal(err)
	}
	v := f.Version()
	f.EnterESGTMode()
	if !f.InESGTMode() || f.Version() <= v {
		t.Fatalf("InESGTMode %v, version %d → %d", f.InESGTMode(), v, f.Version())
	}
	for i := range f.Nodes() {
		want := ESGTMode
		switch i {
		case 3:
			want = Offline
		case 4:
			want = Degraded
		}
		if f.State(i) != want {
			t.Errorf("in ESGT mode node %d is %v, want %v", i, f.State(i), want)
		}
	}
	for id := range f.NumLinks() {
		if w := f.Link(id).Weight; w != 1.5 {
			t.Fatalf("in ESGT mode link %d weight %v, want 1.5", id, w)
		}
	}
	if f.HealthyCount() != 14 {
		t.Errorf("healthy %d, want 14", f.HealthyCount())
	}

	// Entering again changes nothing.
	v = f.Version()
	f.EnterESGTMode()
	if f.Version() != v || f.Link(0).Weight != 1.5 {
		t.Errorf("second enter: version %d → %d, weight %v", v, f.Version(), f.Link(0).Weight)
	}
	// A node recovering in ESGT mode joins it.
	if err := f.RecoverNode(3); err != nil || f.State(3) != ESGTMode {
		t.Errorf("recovered in ESGT mode: %v, %v", f.State(3), err)
	}

	f.ExitESGTMode()
	if f.InESGTMode() || f.State(0) != Active || f.State(3) != Active || f.State(4) != Degraded {
		t.Errorf("after exit: in mode %v, states %v %v %v", f.InESGTMode(), f.State(0), f.State(3), f.State(4))
	}
	v = f.Version()
	f.ExitESGTMode()
	if f.Version() != v {
		t.Error("exiting when not in ESGT mode changed the fabric")
	}
}

// TestESGTModeStable runs the seed's recovery test a thousand times over:
// weights return to exactly 1.0 and states to Active.
func TestESGTModeStable(t *testing.T) {
	f := generated(t, 32, testSeed)
	for range 1000 {
		f.EnterESGTMode()
		f.ExitESGTMode()
	}
	for id := range f.NumLinks() {
		if w := f.Link(id).Weight; w != 1 {
			t.Fatalf("after 1000 cycles link %d weight %v, want exactly 1", id, w)
		}
	}
	for i := range f.Nodes() {
		if f.State(i) != Active {
			t.Fatalf("after 1000 cycles node %d is %v", i, f.State(i))
		}
	}
}

// TestESGTWeightBounds checks the cap and the floor of docs/model.md §1 on weights
// other than 1.0.
func TestESGTWeightBounds(t *testing.T) {
	f := fromEdges(t, 3, [][2]int{{0, 1}, {1, 2}})
	f.weights.set(0, f.NumLinks(), 1.6) // × 1.5 = 2.4, capped at 2.0
	f.weights.set(1, f.NumLinks(), 0.5) // × 1.5 = 0.75; ÷ 1.5 = 0.5, floored at 1.0
	f.EnterESGTMode()
	if w0, w1 := f.Link(0).Weight, f.Link(1).Weight; w0 != 2 || w1 != 0.75 {
		t.Errorf("enter: weights %v %v, want 2 and 0.75", w0, w1)
	}
	f.ExitESGTMode()
	if w0, w1 := f.Link(0).Weight, f.Link(1).Weight; w0 != 2/1.5 || w1 != 1 {
		t.Errorf("exit: weights %v %v, want %v and 1", w0, w1, 2/1.5)
	}
}

func TestNodeStateString(t *testing.T) {
	for s, want := range map[NodeState]string{
		Initializing: "initializing", Active: "active", ESGTMode: "esgt_mode",
		Degraded: "degraded", Offline: "offline", NodeState(9): "NodeState(9)",
	} {
		if s.String() != want {
			t.Errorf("%d.String() = %q, want %q", s, s.String(), want)
		}
	}
}

// TestTopologyVersion: ESGT mode changes the version but not the topology
// version, every fault changes both, and a weight crossing the broadcast's
// threshold counts as a change of topology.
func TestTopologyVersion(t *testing.T) {
	f := generated(t, 50, testSeed)
	if w, ok := f.UniformLinkWeight(); !ok || w != 1 {
		t.Fatalf("generated fabric: UniformLinkWeight = %v, %v, want 1, true", w, ok)
	}
	v, topo := f.Version(), f.TopologyVersion()
	f.EnterESGTMode()
	if w, ok := f.UniformLinkWeight(); !ok || w != 1.5 {
		t.Errorf("in ESGT mode: UniformLinkWeight = %v, %v, want 1.5, true", w, ok)
	}
	f.ExitESGTMode()
	if f.Version() == v || f.TopologyVersion() != topo {
		t.Fatalf("ESGT mode: version %d → %d, topology %d → %d", v, f.Version(), topo, f.TopologyVersion())
	}
	a, b := 0, int(f.Neighbors(0)[0])
	for _, fault := range []struct {
		name string
		do   func() error
	}{
		{"crash", func() error { return f.CrashNode(3) }},
		{"recover", func() error { return f.RecoverNode(3) }},
		{"degrade node", func() error { return f.DegradeNode(4) }},
		{"degrade link", func() error { return f.DegradeLink(a, b, 2, 0) }},
		{"cut", func() error { return f.CutLink(a, b) }},
		{"heal", func() error { return f.HealLink(a, b) }},
	} {
		v, topo := f.Version(), f.TopologyVersion()
		if err := fault.do(); err != nil {
			t.Fatal(err)
		}
		if f.Version() == v || f.TopologyVersion() == topo {
			t.Errorf("%s: version %d → %d, topology %d → %d", fault.name, v, f.Version(), topo, f.TopologyVersion())
		}
	}

	g := fromEdgeList(t, "a,b,weight\n0,1,0.08\n1,2,1\n")
	if _, ok := g.UniformLinkWeight(); ok {
		t.Error("weights 0.08 and 1: UniformLinkWeight reports them equal")
	}
	topo = g.TopologyVersion()
	g.EnterESGTMode() // 0.08 → 0.12: the link starts carrying broadcasts
	if g.TopologyVersion() == topo {
		t.Error("a weight crossing the broadcast threshold left the topology version")
	}
}
