package kuramoto

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestCoupledMatchesFormula requires coupled (coupledPairs on amd64) to
// give the bits of the scalar derivative on nodes with and without
// neighbours (invDeg 0 and −0 alone, in pairs and at every offset), NaN
// coefficients and sums, −0 frequencies and sums of every magnitude.
func TestCoupledMatchesFormula(t *testing.T) {
	const n, scale = 20_000, 14.0
	rng := rand.New(rand.NewPCG(23, 1))
	omega, invDeg := make([]float64, n), make([]float64, n)
	sums, self := make([]float64, 2*n), make([]float64, 2*n)
	for r := range n {
		omega[r] = twoPi * (40 + rng.NormFloat64())
		invDeg[r] = 1 / float64(1+rng.IntN(30))
		sums[2*r], sums[2*r+1] = 30*(rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(9)-4)), 30*(rng.Float64()-0.5)
		self[2*r], self[2*r+1] = math.Sincos(twoPi * rng.Float64())
		switch rng.IntN(40) {
		case 0:
			invDeg[r] = 0
		case 1:
			invDeg[r] = math.Copysign(0, -1)
		case 2:
			invDeg[r] = math.NaN()
		case 3:
			sums[2*r] = math.NaN()
		case 4:
			omega[r] = math.Copysign(0, -1)
		case 5:
			omega[r], invDeg[r] = math.Copysign(0, -1), 0
		}
	}
	want := make([]float64, n)
	for r := range n {
		d := omega[r]
		if inv := invDeg[r]; inv != 0 {
			c := float64(self[2*r+1]*sums[2*r]) - float64(self[2*r]*sums[2*r+1])
			d += float64(float64(scale*inv) * c)
		}
		want[r] = d
	}
	for off := range 5 {
		k := make([]float64, n-off)
		coupled(omega[off:], invDeg[off:], sums[2*off:], self[2*off:], k, scale)
		for i, g := range k {
			if w := want[off+i]; math.Float64bits(g) != math.Float64bits(w) && !(math.IsNaN(g) && math.IsNaN(w)) {
				t.Fatalf("offset %d, node %d: %v, want %v", off, off+i, g, w)
			}
		}
	}
}
