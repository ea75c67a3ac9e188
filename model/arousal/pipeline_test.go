package arousal

import (
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/needs"
	"github.com/esgtsim/esgtsim/sim"
)

// light returns the metrics of a lightly loaded machine: every need 0
// except learning, which arousal does not weigh.
func light() needs.Metrics {
	m := needs.Unmeasured()
	m.ThroughputOpsPerSec = 100
	return m
}

// pipeline starts a needs monitor on src and a controller reading it, in
// that order, on a new simulator.
func pipeline(t *testing.T, cfg Config, src needs.Source) (*sim.Sim, *needs.Monitor, *Controller) {
	t.Helper()
	s := sim.New(1)
	mon, err := needs.NewMonitor(needs.DefaultMonitorConfig(), src)
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(cfg, mon)
	if err != nil {
		t.Fatal(err)
	}
	if err := mon.Start(s); err != nil {
		t.Fatal(err)
	}
	if err := c.Start(s); err != nil {
		t.Fatal(err)
	}
	return s, mon, c
}

// Sustained 90 % memory (docs/model.md §6, "memory pressure") raises the rest need
// to 0.4·0.9 = 0.36, which lowers the target by 0.2·0.36 = 0.072; arousal
// falls at 0.002 per update to 0.528 and the threshold rises from 0.5 to
// 0.70/(0.5 + 1.5·0.528).
func TestMemoryPressure(t *testing.T) {
	p := &needs.Profile{Base: light(), Changes: []needs.Change{needs.Step(needs.MemoryPercent, at(10), 90)}}
	s, mon, c := pipeline(t, DefaultConfig(), p)

	s.RunUntil(at(10) - 1)
	if r, a, th := mon.Needs().Rest, c.Arousal(), c.EffectiveThreshold(); r != 0 || a != 0.6 || !near(th, 0.5) {
		t.Fatalf("before: rest %v, arousal %v, threshold %v; want 0, 0.6, 0.5", r, a, th)
	}
	s.RunUntil(at(12)) // updates at 10.0, 10.1, ..., 12.0 see the pressure
	if r := mon.Needs().Rest; !near(r, 0.36) {
		t.Errorf("rest = %v, want 0.36", r)
	}
	if a := c.Arousal(); !near(a, 0.6-21*0.002) {
		t.Errorf("arousal after 21 updates under pressure = %v, want %v", a, 0.6-21*0.002)
	}
	s.RunUntil(at(30))
	if tg := c.Target(); !near(tg, 0.528) {
		t.Errorf("target = %v, want 0.528", tg)
	}
	if a := c.Arousal(); a != c.Target() {
		t.Errorf("arousal = %v, want settled at the target %v", a, c.Target())
	}
	if th, want := c.EffectiveThreshold(), 0.70/(0.5+1.5*0.528); !near(th, want) || th <= 0.5 {
		t.Errorf("threshold = %v, want %v (> 0.5)", th, want)
	}
	if c.Level() != Relaxed {
		t.Errorf("level = %v, want relaxed", c.Level())
	}
}

// brokenFabric is a FabricView; after the crash a node's 5 of 40 links
// are down, and a broken view reports NaN.
type brokenFabric struct {
	down float64
	nan  bool
}

func (f *brokenFabric) MeanLinkLatency() clock.Duration { return clock.Microsecond }
func (f *brokenFabric) LossFraction() float64 {
	if f.nan {
		return math.NaN()
	}
	return f.down / 40
}

// A crashed node raises the connectivity need (5 of 40 links down: 0.125)
// and with it the target, by 0.15·0.125; a view that then reports NaN
// neither changes the target nor reaches arousal.
func TestFabricFaultReachesArousal(t *testing.T) {
	fab := &brokenFabric{}
	s, mon, c := pipeline(t, DefaultConfig(), needs.FabricSource(&needs.Profile{Base: light()}, fab))
	c.OnUpdate(func(now clock.Time, a, target float64) {
		if math.IsNaN(a) || math.IsNaN(target) {
			t.Fatalf("at %v arousal %v, target %v", now, a, target)
		}
	})
	s.Schedule(at(1), func() { fab.down = 5 })
	s.Schedule(at(2), func() { fab.nan = true })
	s.RunUntil(at(1) - 1)
	if c.Target() != 0.6 {
		t.Fatalf("target before the crash = %v, want 0.6", c.Target())
	}
	s.RunUntil(at(1.5))
	if got := mon.Needs().Connectivity; !near(got, 0.125) {
		t.Errorf("connectivity = %v, want 0.125", got)
	}
	if got := c.Target(); !near(got, 0.6+0.15*0.125) {
		t.Errorf("target = %v, want %v", got, 0.6+0.15*0.125)
	}
	s.RunUntil(at(3))
	if got := c.Target(); !near(got, 0.6+0.15*0.125) {
		t.Errorf("target with a NaN view = %v, want the last good %v", got, 0.6+0.15*0.125)
	}
	if mon.Warnings() != 11 || c.Warnings() != 0 {
		t.Errorf("monitor warnings %d, controller warnings %d; want 11 (2.0 to 3.0 s), 0", mon.Warnings(), c.Warnings())
	}
}
