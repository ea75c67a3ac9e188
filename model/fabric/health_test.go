package fabric

import (
	"slices"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/sim"
)

// TestHealthIsolatesSilentNodes: as the original's probe found, an idle
// fabric loses every node once they have been silent for more than 5 s,
// and an isolated node is never heard from again.
func TestHealthIsolatesSilentNodes(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Nodes = 8
	f, _ := New(cfg)
	if err := f.Initialize(sim.NewStream(1, "fabric")); err != nil {
		t.Fatal(err)
	}
	h := NewHealth(f, DefaultHealthConfig(), 0)
	rng := sim.NewStream(1, "health")
	if n := h.Check(clock.Time(5*clock.Second), rng); n != 0 {
		t.Fatalf("at exactly 5 s: %d isolated, want 0 (the timeout is strict)", n)
	}
	h.Heard(2, clock.Time(3*clock.Second))
	if n := h.Check(clock.Time(5*clock.Second+clock.Millisecond), rng); n != 7 || f.HealthyCount() != 1 {
		t.Fatalf("at 5.001 s: %d isolated, %d healthy; want 7 and node 2", n, f.HealthyCount())
	}
	h.Heard(3, clock.Time(9*clock.Second))
	h.Check(clock.Time(9*clock.Second), rng)
	if f.HealthyCount() != 0 || !h.Isolated(3) {
		t.Fatalf("%d healthy; want none: node 2 fell silent and node 3 was never heard from again", f.HealthyCount())
	}
}

// TestHealthRepairMakesACliqueOutsideTheGraph: isolating the centre of a
// star links its leaves pairwise by bypass links, which the metrics do not
// see.
func TestHealthRepairMakesACliqueOutsideTheGraph(t *testing.T) {
	f := fromEdgeList(t, "0,1\n0,2\n0,3\n0,4\n1,2\n")
	h := NewHealth(f, DefaultHealthConfig(), 0)
	for i := 1; i < 5; i++ {
		h.Heard(i, clock.Time(6*clock.Second))
	}
	h.Check(clock.Time(6*clock.Second), sim.NewStream(1, "health"))
	if got := h.Stats(); got.Isolated != 1 || got.BypassLinks != 5 || f.BypassLinks() != 5 {
		t.Fatalf("stats %+v, %d bypass links; want node 0 isolated and 5 bypass links (1-2 existed)", got, f.BypassLinks())
	}
	if b := f.Bypass(1); len(b) != 2 || b[0] != 3 || b[1] != 4 {
		t.Errorf("node 1's bypass neighbours %v, want [3 4]", b)
	}
	if m := f.Metrics(sim.NewStream(1, "m")); m.Edges != 1 {
		t.Errorf("metrics see %d live edges, want 1 (1-2): bypass links are not in the graph", m.Edges)
	}
}

// TestBypassLinksCarryTheBroadcast: as the original's nodes broadcast over
// every connection, bypass links included, a broadcast crosses the
// isolated centre of a star through them, and the leaves it reaches are
// heard from; without the repair it reaches only the source's own leaf.
func TestBypassLinksCarryTheBroadcast(t *testing.T) {
	for _, repair := range []bool{false, true} {
		f := fromEdgeList(t, "0,1\n0,2\n0,3\n0,4\n1,2\n")
		hc := DefaultHealthConfig()
		hc.Repair = repair
		h := NewHealth(f, hc, 0)
		for i := 1; i < 5; i++ {
			h.Heard(i, clock.Time(6*clock.Second))
		}
		h.Check(clock.Time(6*clock.Second), sim.NewStream(1, "health"))
		f.OnBroadcast(func(reached []bool) { h.HeardFrom(reached, clock.Time(10*clock.Second)) })
		res := f.Broadcast(1, nil)
		silent := h.Check(clock.Time(14*clock.Second), sim.NewStream(1, "health"))
		want, wantSilent := 2, 2
		if repair {
			want, wantSilent = 4, 0
		}
		if res.Reached != want || silent != wantSilent {
			t.Errorf("repair %v: the broadcast from leaf 1 reached %d nodes, want %d; %d leaves then isolated as silent, want %d",
				repair, res.Reached, want, silent, wantSilent)
		}
		if repair {
			// Leaf 3 is one bypass hop from leaf 1: its latency plus a hop's processing.
			lat := f.bypass.latencies(1)[0]
			if res.Duration < lat+f.cfg.HopProcessing || res.Duration > f.cfg.LatencyMax+f.cfg.HopProcessing {
				t.Errorf("broadcast took %v, want one bypass hop (%v to leaf 3, at most %v)", res.Duration, lat+f.cfg.HopProcessing, f.cfg.LatencyMax+f.cfg.HopProcessing)
			}
			if allocs := testing.AllocsPerRun(20, func() { f.Broadcast(3, nil) }); allocs != 0 {
				t.Errorf("Broadcast over bypass links, told to the health loop, allocates %v times per call", allocs)
			}
		}
	}
}

// TestOnBroadcastTellsWhatEachFloodReached: the listener hears of every
// broadcast that sends, a repeated one included, with the nodes that
// flood reached, and of none from an unhealthy source.
func TestOnBroadcastTellsWhatEachFloodReached(t *testing.T) {
	f := fromEdgeList(t, "0,1\n1,2\n2,3\n")
	var told [][]bool
	f.OnBroadcast(func(reached []bool) { told = append(told, slices.Clone(reached)) })
	_ = f.CrashNode(2)
	f.Broadcast(0, nil)
	f.Broadcast(2, nil)
	f.Broadcast(0, nil) // a repeat, served from the cache
	f.Broadcast(3, nil)
	want := [][]bool{{true, true, false, false}, {true, true, false, false}, {false, false, false, true}}
	if !slices.EqualFunc(told, want, slices.Equal) {
		t.Errorf("the listener was told %v, want %v", told, want)
	}
}

func TestHealthStatsPlus(t *testing.T) {
	got := HealthStats{Checks: 3, Isolated: 1, BypassLinks: 4}.Plus(HealthStats{Checks: 2, Isolated: 5, BypassLinks: 7})
	if want := (HealthStats{Checks: 5, Isolated: 6, BypassLinks: 11}); got != want {
		t.Errorf("Plus = %+v, want %+v", got, want)
	}
}
