package arousal

import (
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

// Arousal approaches a constant target at exactly the configured rate per
// update, then holds it: after k updates it is initial ± k·rate·interval,
// until it reaches the target.
func TestApproachRates(t *testing.T) {
	tests := []struct {
		name            string
		baseline, start float64
		rise, fall      float64
		interval        clock.Duration
		step            float64 // expected change per update, signed
		updates         int     // until the target is reached
	}{
		{"rise 0.6 to 1", 1, 0.6, 0.05, 0.02, 100 * clock.Millisecond, 0.005, 80},
		{"fall 0.6 to 0", 0, 0.6, 0.05, 0.02, 100 * clock.Millisecond, -0.002, 300},
		{"fall 0.6 to 0.5", 0.5, 0.6, 0.05, 0.02, 100 * clock.Millisecond, -0.002, 50},
		{"rise 0.2/s at 50 ms", 0.9, 0.3, 0.2, 0.02, 50 * clock.Millisecond, 0.01, 60},
		{"at the target", 0.6, 0.6, 0.05, 0.02, 100 * clock.Millisecond, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.Baseline, cfg.Initial = tc.baseline, tc.start
			cfg.RisePerSecond, cfg.FallPerSecond, cfg.UpdateInterval = tc.rise, tc.fall, tc.interval
			cfg.Stress.Gain = 0 // keep the target constant
			k := 0
			var trace []float64
			s, c := started(t, cfg, nil)
			c.OnUpdate(func(now clock.Time, a, target float64) {
				k++
				trace = append(trace, a)
				if want := clock.Time(k-1) * clock.Time(tc.interval); now != want {
					t.Fatalf("update %d at %v, want %v", k, now, want)
				}
				if target != tc.baseline {
					t.Fatalf("update %d: target %v, want %v", k, target, tc.baseline)
				}
			})
			s.RunUntil(clock.Time(tc.updates+20) * clock.Time(tc.interval))
			for i, a := range trace {
				n := i + 1
				want := tc.start + float64(n)*tc.step
				if n >= tc.updates {
					want = tc.baseline
				}
				// Reaching the target is exact: the step is clipped to it.
				if n >= tc.updates+1 && a != tc.baseline || !near(a, want) {
					t.Fatalf("after %d updates arousal = %.17g, want %.17g", n, a, want)
				}
			}
		})
	}
}
