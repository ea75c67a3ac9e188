package arousal

import (
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

// Held above 0.7, stress builds by 0.01/s·0.1 s = 0.001 per update and
// adds 0.2·stress to the target; it saturates at 1.
func TestStressBuildsAtConfiguredRate(t *testing.T) {
	s, c := started(t, frozen(0.8), nil)
	for _, k := range []int{1, 10, 100, 500, 999} {
		s.RunUntil(clock.Time(k-1) * clock.Time(100*clock.Millisecond))
		want := float64(k) * 0.001
		if got := c.Stress(); !near(got, want) {
			t.Errorf("stress after %d updates = %v, want %v", k, got, want)
		}
		if got := c.Terms().Stress; !near(got, 0.2*want) {
			t.Errorf("stress term after %d updates = %v, want %v", k, got, 0.2*want)
		}
		if got := c.Target(); !near(got, 0.6+0.2*want) {
			t.Errorf("target after %d updates = %v, want %v", k, got, 0.6+0.2*want)
		}
	}
	s.RunUntil(at(200))
	if got := c.Stress(); got != 1 {
		t.Errorf("stress after 200 s = %v, want saturated at 1", got)
	}
}

// After 10 s above 0.7 (stress 0.1), arousal is moved to a band by a
// long modulation; over the next 10 s stress builds, holds or relieves.
// Stress reads the arousal before each update, so the update at 10 s,
// which moves arousal to the band, still builds.
func TestStressBands(t *testing.T) {
	tests := []struct {
		name   string
		delta  float64 // moves arousal from 0.8 to about 0.8+delta
		want   float64 // stress after the update at 20 s
		reason string
	}{
		{"above 0.7 builds", 0, 0.201, "101 updates at 0.8 after the first 100"},
		{"0.5 to 0.7 holds", -0.2, 0.101, "100 updates in the dead band"},
		{"below 0.5 relieves", -0.5, 0.101 - 100*0.0005, "100 updates relieving 0.005/s·0.1 s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Log(tc.reason)
			cfg := DefaultConfig()
			cfg.Baseline = 0.8
			cfg.RisePerSecond, cfg.FallPerSecond = 10, 10 // arousal jumps to the target
			cfg.Stress.Gain = 0                           // so that stress does not move the target
			s, c := started(t, cfg, nil)
			if tc.delta != 0 {
				if err := c.Modulate(at(10), Modulation{Source: "band", Delta: tc.delta, Duration: clock.Hour, Priority: 1}); err != nil {
					t.Fatal(err)
				}
			}
			s.RunUntil(at(10) - 1)
			if got := c.Stress(); !near(got, 0.1) {
				t.Fatalf("stress after 10 s at 0.8 = %v, want 0.1", got)
			}
			s.RunUntil(at(20))
			if got := c.Stress(); !near(got, tc.want) {
				t.Errorf("stress = %v, want %v (arousal %v)", got, tc.want, c.Arousal())
			}
		})
	}
}

func TestStressNeverNegative(t *testing.T) {
	s, c := started(t, frozen(0.3), nil)
	s.RunUntil(at(10))
	if got := c.Stress(); got != 0 {
		t.Errorf("stress = %v, want 0", got)
	}
}
