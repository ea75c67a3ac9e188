package scenarios

import (
	"context"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/esgt"
)

// healthDoc has requests four times a second on 32 nodes while node 3 is down
// from 2 s, so that the health loop isolates it and repairs around it. The
// breaker is off: open, it would stop the ignitions, and so the
// broadcasts, for 10 s, and the loop would isolate every node.
const healthDoc = `duration = "30s"
[fabric]
nodes = 32
[fabric.health]
enabled = true
[hardening]
breaker_threshold = 0
[[workload]]
kind = "constant"
rate_hz = 4
[[fault]]
at = "2s"
kind = "node_crash"
node = 3
`

// TestHealthLoop: the crashed node is isolated and repaired around; with
// the original's ESGT-mode override the next ignition brings it back,
// without it stays down; an idle fabric loses every node.
func TestHealthLoop(t *testing.T) {
	s := runDoc(t, healthDoc)
	if h := s.Health; h == nil || h.Isolated != 1 || h.BypassLinks == 0 || h.Revived != 1 || s.Fabric.FinalHealthy != 32 {
		t.Fatalf("health %+v, %d healthy at the end: want node 3 isolated, bypass links, revived by ESGT mode", s.Health, s.Fabric.FinalHealthy)
	}
	s = runDoc(t, strings.Replace(healthDoc, "enabled = true\n", "enabled = true\nesgt_mode_revives = false\n", 1))
	if h := s.Health; h.Isolated != 1 || h.Revived != 0 || s.Fabric.FinalHealthy != 31 {
		t.Errorf("without the override: health %+v, %d healthy; want node 3 left down", h, s.Fabric.FinalHealthy)
	}
	idle := strings.Replace(healthDoc, "[[workload]]\nkind = \"constant\"\nrate_hz = 4\n", "[[workload]]\nkind = \"constant\"\nrate_hz = 4\nstop = \"5s\"\n", 1)
	s = runDoc(t, idle)
	if h := s.Health; h.Isolated != 32 || s.Fabric.FinalHealthy != 0 {
		t.Errorf("idle from 5 s: health %+v, %d healthy; want every node isolated, as the original's probe found", h, s.Fabric.FinalHealthy)
	}
}

// TestHealthHearsEachBroadcastWhenItHappens: a node is heard from when a
// broadcast reaches it, at that time; the SUSTAIN of a later ignition whose
// source had crashed (its broadcast reached nobody) hears from no one, so
// every node is isolated 5 s after the only flood.
func TestHealthHearsEachBroadcastWhenItHappens(t *testing.T) {
	sc, err := Parse("h.toml", []byte("duration = \"10s\"\n[fabric]\nnodes = 8\n[fabric.health]\nenabled = true\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := build(context.Background(), sc, newRecorder(&Options{}), false)
	if err != nil {
		t.Fatal(err)
	}
	rng := w.sim.Stream("test/broadcast")
	reached := 0
	w.sim.Schedule(clock.Time(500*clock.Millisecond), func() { reached = w.fab.Broadcast(0, rng).Reached })
	w.sim.Schedule(clock.Time(4*clock.Second), func() {
		_ = w.fab.CrashNode(0)
		w.fab.Broadcast(0, rng)
		w.health.phase(2, w.sim.Now(), esgt.Sustain)
	})
	w.sim.RunUntil(clock.Time(6500 * clock.Millisecond))
	if h := w.health.summary(); reached != 8 || h.Isolated != 8 {
		t.Errorf("the flood at 0.5 s reached %d nodes, want 8; by 6.5 s %d nodes isolated, want all 8 (silent since 0.5 s)", reached, h.Isolated)
	}
}
