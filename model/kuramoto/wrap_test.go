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

// TestAdvanceMatchesWrap requires advance (advancePairs on amd64) to give
// the bits of the plain Euler update θ ← wrap(θ + k·h + kick) on phases
// that stay in range, wrap once, or leave [0, 4π) on either side (−0 and
// NaN among them), alone or in pairs, at every offset.
func TestAdvanceMatchesWrap(t *testing.T) {
	const h = 0.005
	rng := rand.New(rand.NewPCG(17, 2))
	special := []float64{math.Copysign(0, -1), 0, math.NaN(), math.Inf(1), math.Inf(-1), -1e-300,
		math.Nextafter(twoPi, 0), twoPi, math.Nextafter(2*twoPi, 0), 2 * twoPi}
	n := 100_000
	theta, k, kick := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		theta[i] = twoPi * rng.Float64()
		k[i] = 2 * twoPi * 40 * (rng.Float64()*1.5 - 0.25) // mostly forward, some backward
		kick[i] = 0.01 * rng.NormFloat64()
		switch rng.IntN(50) {
		case 0: // land exactly on a special value
			theta[i], k[i], kick[i] = special[rng.IntN(len(special))], 0, 0
		case 1: // far outside
			k[i] = 1e4 * (rng.Float64() - 0.5)
		}
	}
	want := make([]float64, n)
	for i := range n {
		want[i] = wrap(theta[i] + float64(k[i]*h) + kick[i])
	}
	for off := range 5 {
		got := append([]float64(nil), theta[off:]...)
		advance(got, k[off:], kick[off:], h)
		for i, g := range got {
			if w := want[off+i]; math.Float64bits(g) != math.Float64bits(w) && !(math.IsNaN(g) && math.IsNaN(w)) {
				t.Fatalf("offset %d, phase %d (θ %v, k %v, kick %v): %v, want %v",
					off, off+i, theta[off+i], k[off+i], kick[off+i], g, w)
			}
		}
	}
}
