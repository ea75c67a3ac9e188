package arousal

import (
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

func TestCircadianTerm(t *testing.T) {
	s45 := 0.1 * math.Sqrt2 / 2
	tests := []struct {
		hour, want float64
		exact      bool
	}{
		{0, -0.1, true},
		{3, -s45, false},
		{6, 0, true},
		{9, s45, false},
		{12, 0.1, true},
		{18, 0, false}, // sin(float64 π) ≈ 1.2e-16
		{24, -0.1, false},
	}
	for _, tc := range tests {
		got := CircadianTerm(0.1, tc.hour)
		if tc.exact && got != tc.want || !near(got, tc.want) {
			t.Errorf("CircadianTerm(0.1, %v) = %.17g, want %v (exact: %v)", tc.hour, got, tc.want, tc.exact)
		}
	}
}

// The circadian term reads virtual time of day: StartOfDay at t = 0, then
// the virtual clock, wrapping at 24 h.
func TestCircadianOnVirtualTime(t *testing.T) {
	tests := []struct {
		name   string
		start  clock.Duration
		hourly bool
		t      clock.Time
		want   float64
	}{
		{"default start", 6 * clock.Hour, false, 0, 0},
		{"midnight start", 0, false, 0, -0.1},
		{"noon start", 12 * clock.Hour, false, 0, 0.1},
		{"six hours in", 0, false, clock.Time(6 * clock.Hour), 0},
		{"noon, a day later", 12 * clock.Hour, false, clock.Time(24 * clock.Hour), 0.1},
		{"06:59 smooth", 6*clock.Hour + 59*clock.Minute, false, 0, CircadianTerm(0.1, 6+59.0/60)},
		{"06:59 hourly", 6*clock.Hour + 59*clock.Minute, true, 0, 0},
		{"21:00 + 3 h hourly", 21 * clock.Hour, true, clock.Time(3 * clock.Hour), -0.1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.Circadian, cfg.StartOfDay, cfg.CircadianHourly = true, tc.start, tc.hourly
			c, err := New(cfg, nil)
			if err != nil {
				t.Fatal(err)
			}
			c.update(tc.t)
			if got := c.Terms().Circadian; !near(got, tc.want) {
				t.Errorf("circadian = %v, want %v", got, tc.want)
			}
		})
	}
	t.Run("disabled", func(t *testing.T) {
		cfg := DefaultConfig()
		cfg.StartOfDay = 0
		c, err := New(cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		c.update(0)
		if got := c.Terms().Circadian; got != 0 {
			t.Errorf("circadian = %v with Circadian off, want 0", got)
		}
	})
}

// Driven by the simulator for 12 virtual hours from midnight, the
// circadian term climbs from −0.1 to +0.1, through 0 at 06:00.
func TestCircadianOverHalfADay(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Circadian, cfg.StartOfDay, cfg.UpdateInterval = true, 0, clock.Minute
	s, c := started(t, cfg, nil)
	prev := math.Inf(-1)
	c.OnUpdate(func(now clock.Time, _, _ float64) {
		v := c.Terms().Circadian
		if !(v > prev) {
			t.Fatalf("at %v circadian %v did not rise from %v", now, v, prev)
		}
		prev = v
	})
	for _, p := range []struct {
		h    clock.Duration
		want float64
	}{{0, -0.1}, {6, 0}, {12, 0.1}} {
		s.RunUntil(clock.Time(p.h * clock.Hour))
		if got := c.Terms().Circadian; !near(got, p.want) {
			t.Errorf("at %d h circadian = %v, want %v", p.h, got, p.want)
		}
	}
}
