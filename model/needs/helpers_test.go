package needs

import (
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

// tol is the tolerance of comparisons against analytic values: far below
// any modelled quantity, far above float64 rounding of a few operations.
const tol = 1e-12

func near(a, b float64) bool { return math.Abs(a-b) <= tol }

// checkNeeds fails t unless got equals want need by need, within tol.
func checkNeeds(t *testing.T, got, want Needs) {
	t.Helper()
	pairs := []struct {
		name      string
		got, want float64
	}{
		{"Rest", got.Rest, want.Rest},
		{"Repair", got.Repair, want.Repair},
		{"Efficiency", got.Efficiency, want.Efficiency},
		{"Connectivity", got.Connectivity, want.Connectivity},
		{"Curiosity", got.Curiosity, want.Curiosity},
		{"Learning", got.Learning, want.Learning},
	}
	for _, p := range pairs {
		if !near(p.got, p.want) {
			t.Errorf("%s = %v, want %v", p.name, p.got, p.want)
		}
	}
}

// sourceFunc adapts a function to Source.
type sourceFunc func(now clock.Time) Metrics

func (f sourceFunc) Sample(now clock.Time) Metrics { return f(now) }

// busy returns valid metrics of a machine doing steady, light work: every
// need is 0 except learning, at its baseline 0.1.
func busy() Metrics {
	m := Unmeasured()
	m.ThroughputOpsPerSec = 100
	return m
}

func ms(n int64) clock.Time { return clock.Time(n * int64(clock.Millisecond)) }
