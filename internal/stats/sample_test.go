package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// naiveQuantile is the definition: the smallest value whose cumulative
// count reaches p·n.
func naiveQuantile(sorted []int64, p float64) int64 {
	k := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[max(k, 0)]
}

func TestExactQuantiles(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for _, tc := range []struct {
		name string
		draw func() int64
		n    int
	}{
		{"few distinct", func() int64 { return int64(r.IntN(5)) * 1000 }, 50000},
		{"many distinct", func() int64 { return r.Int64N(1e9) }, 30000},
		{"single", func() int64 { return 42 }, 1},
		{"mostly zero", func() int64 {
			if r.IntN(100) < 97 {
				return 0
			}
			return 300e6 + r.Int64N(50e6)
		}, 100000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var s Sample
			all := make([]int64, tc.n)
			var sum int64
			for i := range all {
				all[i] = tc.draw()
				s.Add(all[i])
				sum += all[i]
			}
			slices.Sort(all)
			for _, p := range []float64{0, 0.001, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1} {
				if got, want := s.Quantile(p), naiveQuantile(all, p); got != want {
					t.Errorf("Quantile(%v) = %d, want %d", p, got, want)
				}
			}
			if s.N() != uint64(tc.n) || s.Sum() != sum || s.Min() != all[0] || s.Max() != all[len(all)-1] || !s.Exact() {
				t.Errorf("n %d sum %d min %d max %d exact %v", s.N(), s.Sum(), s.Min(), s.Max(), s.Exact())
			}
		})
	}
}

// TestApproximateBeyondMaxDistinct: past MaxDistinct distinct values the
// sample stays bounded and its quantiles stay within 2^-8 relative error.
func TestApproximateBeyondMaxDistinct(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 2))
	var s Sample
	n := MaxDistinct + MaxDistinct/2
	all := make([]int64, n)
	for i := range all {
		all[i] = 1e6 + r.Int64N(1e12)
		s.Add(all[i])
	}
	if s.Exact() {
		t.Fatal("still exact past MaxDistinct")
	}
	if d := s.Distinct(); d > 200000 {
		t.Fatalf("%d buckets stored", d)
	}
	slices.Sort(all)
	for _, p := range []float64{0.01, 0.5, 0.99} {
		got, want := float64(s.Quantile(p)), float64(naiveQuantile(all, p))
		if math.Abs(got-want)/want > 1.0/256 {
			t.Errorf("Quantile(%v) = %v, exact %v: error above 2^-8", p, got, want)
		}
	}
	if s.Max() != all[n-1] || s.Min() != all[0] {
		t.Error("min/max not exact")
	}
}

func TestHistogram(t *testing.T) {
	var s Sample
	for _, v := range []int64{0, 0, 5, 10, 10, 99, 100, 1000} {
		s.Add(v)
	}
	got := s.Histogram([]int64{1, 10, 100})
	if want := []uint64{2, 1, 3, 2}; !slices.Equal(got, want) {
		t.Fatalf("Histogram = %v, want %v", got, want)
	}
	var empty Sample
	if empty.Quantile(0.5) != 0 || empty.Mean() != 0 {
		t.Fatal("empty sample not zero")
	}
}
