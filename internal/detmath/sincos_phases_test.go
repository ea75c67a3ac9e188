package detmath

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestSincosPhasesMatchesSincosPhase checks the batch against SincosPhase,
// bit for bit, on a million phases in [0, 2π), the multiples of π/4 and
// their neighbours, the edges of the range, and arguments outside it
// scattered among them (so that runs of every length, odd and even, are
// cut short), over slices of every start and length up to 9; with every
// batch kernel the CPU can run (AVX-512, AVX2, SSE2).
func TestSincosPhasesMatchesSincosPhase(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 8))
	odd := []float64{math.Copysign(0, -1), 2 * math.Pi, -1e-300, 7, -3, 1e10, math.Inf(1), math.Inf(-1), math.NaN()}
	xs := []float64{0, math.SmallestNonzeroFloat64, math.Nextafter(2*math.Pi, 0)}
	for k := range 8 {
		xs = append(xs, float64(k)*math.Pi/4, math.Nextafter(float64(k)*math.Pi/4, 0), math.Nextafter(float64(k)*math.Pi/4, 10))
	}
	for range 1000000 {
		if rng.IntN(1000) == 0 {
			xs = append(xs, odd[rng.IntN(len(odd))])
		}
		xs = append(xs, 2*math.Pi*rng.Float64())
	}
	xs = append(xs, odd...)
	check := func(x []float64) {
		t.Helper()
		out := make([]float64, 2*len(x))
		SincosPhases(x, out)
		for i, v := range x {
			s, c := SincosPhase(v)
			if math.Float64bits(s) != math.Float64bits(out[2*i]) || math.Float64bits(c) != math.Float64bits(out[2*i+1]) {
				if !(math.IsNaN(s) && math.IsNaN(c) && math.IsNaN(out[2*i]) && math.IsNaN(out[2*i+1])) {
					t.Fatalf("SincosPhases at %v = %v, %v; SincosPhase gives %v, %v", v, out[2*i], out[2*i+1], s, c)
				}
			}
		}
	}
	defer func(w int) { sincosWidth = w }(sincosWidth)
	for _, w := range sincosWidths() {
		sincosWidth = w
		check(xs)
		for lo := range 40 {
			for n := range 10 {
				check(xs[lo : lo+n])
			}
		}
	}
}

// sincosWidths returns the batch widths this machine can run, widest
// first: its own and every narrower one down to the SSE2 pairs (none
// without assembly).
func sincosWidths() []int {
	widths := []int{sincosWidth}
	for w := sincosWidth / 2; w >= 2; w /= 2 {
		widths = append(widths, w)
	}
	return widths
}

// BenchmarkSincosPhases compares the batch, with each kernel the CPU can
// run, with a loop of SincosPhase on 10,000 random phases; ns/phase is
// per argument.
func BenchmarkSincosPhases(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 9))
	x := make([]float64, 10000)
	for i := range x {
		x[i] = 2 * math.Pi * rng.Float64()
	}
	out := make([]float64, 2*len(x))
	defer func(w int) { sincosWidth = w }(sincosWidth)
	for _, w := range sincosWidths() {
		b.Run(fmt.Sprintf("batch/width=%d", w), func(b *testing.B) {
			sincosWidth = w
			for b.Loop() {
				SincosPhases(x, out)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/phase")
		})
	}
	b.Run("loop", func(b *testing.B) {
		for b.Loop() {
			for i, v := range x {
				out[2*i], out[2*i+1] = SincosPhase(v)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/phase")
	})
}
