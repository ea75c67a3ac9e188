package arousal

import (
	"slices"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

// The default drop lowers the target by 0.1 at every update within 5 s of
// the latest ignition; a second ignition, at 3.05 s, extends it to 8.05 s.
func TestDropTarget(t *testing.T) {
	s, c := started(t, DefaultConfig(), nil)
	drops := map[clock.Time]float64{}
	c.OnUpdate(func(now clock.Time, _, target float64) {
		drops[now] = c.Terms().Drop
		if !near(target, 0.6-drops[now]) {
			t.Errorf("at %v target %v, want %v", now, target, 0.6-drops[now])
		}
	})
	s.Schedule(at(1), func() { c.NotifyIgnition(s.Now()) })
	s.Schedule(at(3.05), func() { c.NotifyIgnition(s.Now()) })
	s.RunUntil(at(10))
	for _, p := range []struct{ sec, want float64 }{
		{0.9, 0}, {1, 0.1}, {3, 0.1}, {6, 0.1}, {8, 0.1}, {8.1, 0}, {9, 0},
	} {
		if got, ok := drops[at(p.sec)]; !ok || got != p.want {
			t.Errorf("drop at %vs = %v (updated %v), want %v", p.sec, got, ok, p.want)
		}
	}
	if c.ActiveModulations() != 0 {
		t.Error("DropTarget added a modulation")
	}
}

// DropModulation adds a decaying −Delta modulation; with the bridge's
// parameters it is exactly the original bridge's request.
func TestDropModulationReproducesBridge(t *testing.T) {
	bridge := RefractoryDrop{Mode: DropModulation, Delta: 0.15, Duration: clock.Second, Priority: 1}
	trace := func(notify func(c *Controller, now clock.Time)) []float64 {
		cfg := DefaultConfig()
		cfg.RefractoryDrop = bridge
		s, c := started(t, cfg, nil)
		var tr []float64
		c.OnUpdate(func(_ clock.Time, a, target float64) { tr = append(tr, a, target, c.Terms().External, c.Terms().Drop) })
		s.Schedule(at(1), func() { notify(c, s.Now()) })
		s.RunUntil(at(3))
		return tr
	}
	viaDrop := trace(func(c *Controller, now clock.Time) { c.NotifyIgnition(now) })
	viaModulate := trace(func(c *Controller, now clock.Time) {
		if err := c.Modulate(now, Modulation{Source: RefractorySource, Delta: -0.15, Duration: clock.Second, Priority: 1}); err != nil {
			t.Fatal(err)
		}
	})
	if !slices.Equal(viaDrop, viaModulate) {
		t.Fatal("NotifyIgnition in modulation mode differs from the bridge's modulation")
	}
	// Update k after the ignition at 1 s: external −0.15·(1 − k/10).
	for k := range 12 {
		i := 4 * (10 + k) // the update at 1 s + k·100 ms
		want := 0.0
		if k < 10 {
			want = -0.15 * (1 - float64(k)/10)
		}
		if got := viaDrop[i+2]; !near(got, want) || viaDrop[i+3] != 0 {
			t.Errorf("update %d after the ignition: external %v, drop %v; want %v, 0", k, got, viaDrop[i+3], want)
		}
	}
}

func TestDropOff(t *testing.T) {
	cfg := DefaultConfig()
	cfg.RefractoryDrop.Mode = DropOff
	s, c := started(t, cfg, nil)
	s.Schedule(at(1), func() { c.NotifyIgnition(s.Now()) })
	s.RunUntil(at(3))
	if c.Arousal() != 0.6 || c.Target() != 0.6 || c.ActiveModulations() != 0 {
		t.Errorf("arousal %v, target %v, %d modulations; want 0.6, 0.6, 0", c.Arousal(), c.Target(), c.ActiveModulations())
	}
}
