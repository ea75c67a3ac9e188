// Package variate draws random variates from esgtsim's named streams with
// results that are bit-identical on every platform.
//
// math/rand/v2's ExpFloat64 and NormFloat64 fall back to math.Exp and
// math.Log, whose amd64 assembly picks an FMA path by CPU, and do float32
// multiply-adds that the compiler may fuse; so they are not used. [Exp] and
// [Norm] are the same ziggurat generators with [detmath] in the rare paths
// and explicit rounding points, so they are as fast and bit-identical
// everywhere.
package variate

import (
	"math"
	"math/rand/v2"

	"github.com/esgtsim/esgtsim/internal/detmath"
)

// Uniform returns a value uniformly distributed on [lo, hi).
func Uniform(r *rand.Rand, lo, hi float64) float64 {
	return lo + float64((hi-lo)*r.Float64())
}

// Cauchy returns a Cauchy (Lorentzian) value with the given location and
// half-width at half-maximum, by inversion: loc + scale·tan(π(u−½)).
func Cauchy(r *rand.Rand, loc, scale float64) float64 {
	u := r.Float64()
	for u == 0 { // tan(-π/2) is infinite
		u = r.Float64()
	}
	s, c := detmath.Sincos(float64(math.Pi * (u - 0.5)))
	return loc + float64(scale*(s/c))
}
