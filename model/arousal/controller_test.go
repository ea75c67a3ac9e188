package arousal

import (
	"errors"
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/needs"
	"github.com/esgtsim/esgtsim/sim"
)

// Level callbacks fire on a level change only, with the old and new
// levels; update callbacks fire after every update.
func TestLevelChangeCallbacks(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Baseline, cfg.Initial = 1, 0.553 // rises 0.005 per update: 0.558, 0.563, ...
	type change struct {
		at       clock.Time
		from, to Level
	}
	var changes []change
	updates := 0
	s, c := started(t, cfg, nil)
	c.OnLevelChange(func(now clock.Time, from, to Level) {
		changes = append(changes, change{now, from, to})
		if c.Level() != to {
			t.Errorf("Level() = %v in the callback, want %v", c.Level(), to)
		}
	})
	c.OnLevelChange(nil) // ignored
	c.OnUpdate(func(clock.Time, float64, float64) { updates++ })
	s.RunUntil(at(20))
	want := []change{
		{at(0.9), Relaxed, Alert},    // update 10: 0.603
		{at(4.9), Alert, Hyperalert}, // update 50: 0.803
	}
	if len(changes) != len(want) {
		t.Fatalf("changes = %v, want %v", changes, want)
	}
	for i := range want {
		if changes[i] != want[i] {
			t.Errorf("change %d = %v, want %v", i, changes[i], want[i])
		}
	}
	if updates != 201 || c.Updates() != 201 {
		t.Errorf("update callbacks %d, Updates() %d; want 201", updates, c.Updates())
	}
}

func TestNeedsTerm(t *testing.T) {
	src := &fixedNeeds{Repair: 1, Rest: 0.5, Efficiency: 0.2, Connectivity: 0.4, Curiosity: 1, Learning: 1}
	c, err := New(DefaultConfig(), src)
	if err != nil {
		t.Fatal(err)
	}
	c.update(0)
	want := 0.3*1 - 0.2*0.5 + 0.1*0.2 + 0.15*0.4 // curiosity and learning weigh 0
	if got := c.Terms().Needs; !near(got, want) {
		t.Errorf("needs term = %v, want %v", got, want)
	}
	if got := c.Target(); !near(got, 0.6+want) {
		t.Errorf("target = %v, want %v", got, 0.6+want)
	}
}

// Needs from a faulty source are sanitised before they reach the target:
// NaN and infinities hold the last valid value, out-of-range values are
// clamped, and each counts a warning.
func TestNeedsSourceSanitised(t *testing.T) {
	src := &fixedNeeds{Rest: 0.5}
	c, err := New(DefaultConfig(), src)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name     string
		n        needs.Needs
		want     float64 // needs term
		warnings int     // cumulative
	}{
		{"valid", needs.Needs{Rest: 0.5}, -0.1, 0},
		{"all NaN", needs.Needs{Rest: math.NaN(), Repair: math.NaN(), Efficiency: math.NaN(), Connectivity: math.NaN(), Curiosity: math.NaN(), Learning: math.NaN()}, -0.1, 6},
		{"infinite repair", needs.Needs{Rest: 0.5, Repair: math.Inf(1)}, -0.1, 7},
		{"rest 3", needs.Needs{Rest: 3}, -0.2, 8},
		{"negative connectivity", needs.Needs{Rest: 1, Connectivity: -2}, -0.2, 9},
	}
	for i, st := range steps {
		*src = fixedNeeds(st.n)
		c.update(clock.Time(i) * clock.Time(100*clock.Millisecond))
		if got := c.Terms().Needs; !near(got, st.want) || c.Warnings() != st.warnings {
			t.Errorf("%s: needs term %v, warnings %d; want %v, %d", st.name, got, c.Warnings(), st.want, st.warnings)
		}
		if a := c.Arousal(); math.IsNaN(a) || a < 0 || a > 1 {
			t.Fatalf("%s: arousal = %v", st.name, a)
		}
	}
}

func TestStartStop(t *testing.T) {
	c, err := New(DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(nil); !errors.Is(err, ErrNilSim) {
		t.Errorf("Start(nil) = %v, want ErrNilSim", err)
	}
	s := sim.New(1)
	s.RunUntil(at(0.25))
	if err := c.Start(s); err != nil {
		t.Fatal(err)
	}
	if err := c.Start(s); !errors.Is(err, ErrStarted) {
		t.Errorf("second Start = %v, want ErrStarted", err)
	}
	var times []clock.Time
	c.OnUpdate(func(now clock.Time, _, _ float64) { times = append(times, now) })
	s.RunUntil(at(0.5))
	c.Stop()
	s.RunUntil(at(1))
	if len(times) != 3 || times[0] != at(0.25) || times[2] != at(0.45) {
		t.Errorf("updates at %v, want 250, 350 and 450 ms", times)
	}
	if c.Config().Baseline != 0.6 {
		t.Errorf("Config().Baseline = %v", c.Config().Baseline)
	}
}

// Before the first update the controller reports its initial state.
func TestInitialState(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Initial = 0.15
	c, err := New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Arousal() != 0.15 || c.Level() != Sleep || c.Target() != 0.6 || c.Stress() != 0 || c.Updates() != 0 {
		t.Errorf("arousal %v, level %v, target %v, stress %v, updates %d; want 0.15, sleep, 0.6, 0, 0",
			c.Arousal(), c.Level(), c.Target(), c.Stress(), c.Updates())
	}
	if c.Terms() != (Terms{Baseline: 0.6}) {
		t.Errorf("Terms() = %+v", c.Terms())
	}
}
