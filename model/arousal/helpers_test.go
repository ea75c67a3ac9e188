package arousal

import (
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/needs"
	"github.com/esgtsim/esgtsim/sim"
)

// tol is the tolerance of comparisons against analytic values: far below
// any modelled quantity (the smallest step is 0.0005), far above the
// rounding of a few hundred float64 additions.
const tol = 1e-12

func near(a, b float64) bool { return math.Abs(a-b) <= tol }

// at returns the virtual time sec seconds after the start.
func at(sec float64) clock.Time { return clock.Time(math.Round(sec * float64(clock.Second))) }

// fixedNeeds is a NeedsSource that always returns the same needs.
type fixedNeeds needs.Needs

func (f *fixedNeeds) Needs() needs.Needs { return needs.Needs(*f) }

// started returns a simulator and a started controller with cfg and src.
func started(t *testing.T, cfg Config, src NeedsSource) (*sim.Sim, *Controller) {
	t.Helper()
	c, err := New(cfg, src)
	if err != nil {
		t.Fatal(err)
	}
	s := sim.New(1)
	if err := c.Start(s); err != nil {
		t.Fatal(err)
	}
	return s, c
}

// frozen returns the default configuration with arousal fixed at a: it
// starts there and never moves.
func frozen(a float64) Config {
	cfg := DefaultConfig()
	cfg.Initial, cfg.RisePerSecond, cfg.FallPerSecond = a, 0, 0
	return cfg
}
