package arousal

import (
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/needs"
)

// In steady state an update allocates nothing, nor do modulations and
// ignitions: the modulation list reuses its slice.
func TestUpdateAllocatesNothing(t *testing.T) {
	for _, mode := range []DropMode{DropTarget, DropModulation} {
		t.Run(mode.String(), func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.Circadian = true
			cfg.RefractoryDrop.Mode = mode
			p := &needs.Profile{Base: light(), Changes: []needs.Change{needs.Ramp(needs.MemoryPercent, 0, at(600), 100)}}
			s, _, c := pipeline(t, cfg, p)
			c.OnLevelChange(func(clock.Time, Level, Level) {})
			c.OnUpdate(func(clock.Time, float64, float64) {})
			round := func() {
				now := s.Now()
				for i := range 8 {
					if err := c.Modulate(now, Modulation{Source: "burst", Delta: 0.05 * float64(i), Duration: 700 * clock.Millisecond, Priority: 1 + float64(i)}); err != nil {
						t.Fatal(err)
					}
				}
				c.NotifyIgnition(now)
				s.RunUntil(now.Add(clock.Second))
			}
			for range 3 {
				round() // grow the modulation list to its high-water mark
			}
			if a := testing.AllocsPerRun(50, round); a != 0 {
				t.Errorf("%v allocations per second of virtual time, want 0", a)
			}
			if c.Updates() < 500 {
				t.Errorf("only %d updates ran", c.Updates())
			}
		})
	}
}
