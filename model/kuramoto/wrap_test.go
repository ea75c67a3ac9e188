package kuramoto

import (
	"math"
	"math/rand/v2"
	"testing"
)

// wrapByRule is wrap as first written: the phase kept if already in
// [0, 2π), else reduced by the general rule.
func wrapByRule(x float64) float64 {
	if x >= 0 && x < twoPi {
		return x
	}
	x -= float64(twoPi * math.Floor(x/twoPi))
	if x >= twoPi {
		x = 0
	}
	return x
}

// TestWrapMatchesRule requires wrap's branch-free path to give the rule's
// bits: at the edges of [0, 2π) and [2π, 4π), a few ulps either side, and
// on random arguments around them.
func TestWrapMatchesRule(t *testing.T) {
	var args []float64
	for _, edge := range []float64{0, twoPi, 2 * twoPi, 3 * twoPi} {
		for _, x := range []float64{edge, -edge} {
			lo, hi := x, x
			for range 8 {
				args = append(args, lo, hi)
				lo, hi = math.Nextafter(lo, math.Inf(-1)), math.Nextafter(hi, math.Inf(1))
			}
		}
	}
	args = append(args, math.Copysign(0, -1), math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, 1e300, -1e300)
	rng := rand.New(rand.NewPCG(17, 1))
	for range 1_000_000 {
		args = append(args, -2*twoPi+5*twoPi*rng.Float64())
	}
	for _, x := range args {
		if got, want := wrap(x), wrapByRule(x); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("wrap(%v) = %v, want %v", x, got, want)
		}
	}
}
