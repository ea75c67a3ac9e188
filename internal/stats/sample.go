// Package stats summarises streams of virtual-time durations in bounded
// memory.
//
// A [Sample] keeps its observations exactly, as sorted distinct values with
// counts, which is compact for simulation output: rejected requests all have
// the same latency and successful ones repeat the integration grid. Exact
// storage holds up to MaxDistinct distinct values; past that the sample
// turns into a log-bucketed histogram whose quantiles are within a relative
// error of 2^-8 (0.4 %) and says so through [Sample.Exact]. Count, sum,
// mean, minimum and maximum stay exact either way.
//
// Quantiles are the empirical inverse of the distribution function (gonum's
// stat.Quantile with stat.Empirical over the distinct values weighted by
// their counts): the smallest observed value whose cumulative count reaches
// p·n.
package stats

import (
	"math/bits"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// MaxDistinct is how many distinct values a Sample keeps exactly.
const MaxDistinct = 1 << 20

// batch is how many new values are buffered before they are merged.
const batch = 4096

// Sample accumulates int64 observations. The zero value is an empty sample.
type Sample struct {
	pending []int64
	vals    []int64  // sorted distinct values (exact mode) or bucket bases
	counts  []uint64 // parallel to vals
	n       uint64
	sum     int64
	lo, hi  int64
	approx  bool
}

// Add records one observation.
func (s *Sample) Add(v int64) {
	if s.n == 0 || v < s.lo {
		s.lo = v
	}
	if s.n == 0 || v > s.hi {
		s.hi = v
	}
	s.n++
	s.sum += v
	if s.approx {
		v = bucket(v)
	}
	s.pending = append(s.pending, v)
	if len(s.pending) >= batch {
		s.flush()
	}
}

// flush merges the pending values into the sorted distinct values.
func (s *Sample) flush() {
	if len(s.pending) == 0 {
		return
	}
	slices.Sort(s.pending)
	vals := make([]int64, 0, len(s.vals)+len(s.pending))
	counts := make([]uint64, 0, cap(vals))
	i, j := 0, 0
	for i < len(s.vals) || j < len(s.pending) {
		var v int64
		var c uint64
		if j == len(s.pending) || (i < len(s.vals) && s.vals[i] <= s.pending[j]) {
			v, c = s.vals[i], s.counts[i]
			i++
		} else {
			v, c = s.pending[j], 1
			j++
		}
		if k := len(vals) - 1; k >= 0 && vals[k] == v {
			counts[k] += c
		} else {
			vals, counts = append(vals, v), append(counts, c)
		}
	}
	s.vals, s.counts, s.pending = vals, counts, s.pending[:0]
	if !s.approx && len(s.vals) > MaxDistinct {
		s.approximate()
	}
}

// approximate moves the sample into log buckets.
func (s *Sample) approximate() {
	s.approx = true
	for i, v := range s.vals {
		s.vals[i] = bucket(v)
	}
	vals, counts := s.vals[:0], s.counts[:0]
	for i, v := range s.vals {
		if k := len(vals) - 1; k >= 0 && vals[k] == v {
			counts[k] += s.counts[i]
		} else {
			vals, counts = append(vals, v), append(counts, s.counts[i])
		}
	}
	s.vals, s.counts = vals, counts
}

// bucket rounds a non-negative v down to 9 significant bits (relative error
// below 2^-8); negative values are kept as they are.
func bucket(v int64) int64 {
	if v < 512 {
		return v
	}
	shift := bits.Len64(uint64(v)) - 9
	return v >> shift << shift
}

// N returns the number of observations.
func (s *Sample) N() uint64 { return s.n }

// Sum returns the sum of the observations.
func (s *Sample) Sum() int64 { return s.sum }

// Mean returns the mean, or 0 for an empty sample.
func (s *Sample) Mean() float64 {
	if s.n == 0 {
		return 0
	}
	return float64(s.sum) / float64(s.n)
}

// Min returns the smallest observation, or 0 for an empty sample.
func (s *Sample) Min() int64 { return s.lo }

// Max returns the largest observation, or 0 for an empty sample.
func (s *Sample) Max() int64 { return s.hi }

// Exact reports whether quantiles are exact.
func (s *Sample) Exact() bool { return !s.approx }

// Distinct returns the number of distinct values (or buckets) stored.
func (s *Sample) Distinct() int {
	s.flush()
	return len(s.vals)
}

// Quantile returns the p-quantile for p in [0, 1]: the smallest value whose
// cumulative count reaches p·n. Quantile(0) is the minimum and Quantile(1)
// the maximum. It returns 0 for an empty sample.
func (s *Sample) Quantile(p float64) int64 {
	if s.n == 0 {
		return 0
	}
	s.flush()
	switch {
	case p <= 0:
		return s.lo
	case p >= 1:
		return s.hi
	}
	x := make([]float64, len(s.vals))
	w := make([]float64, len(s.vals))
	for i, v := range s.vals {
		x[i], w[i] = float64(v), float64(s.counts[i])
	}
	q := int64(stat.Quantile(p, stat.Empirical, x, w))
	return min(max(q, s.lo), s.hi)
}

// Histogram counts the observations below each bound: counts[i] is the
// number of observations v with bounds[i−1] <= v < bounds[i] (bounds[−1]
// being −∞), and the last count is those at or above the last bound.
func (s *Sample) Histogram(bounds []int64) []uint64 {
	s.flush()
	counts := make([]uint64, len(bounds)+1)
	for i, v := range s.vals {
		k, _ := slices.BinarySearch(bounds, v+1)
		counts[k] += s.counts[i]
	}
	return counts
}
