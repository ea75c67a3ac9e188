package inference

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// exactBelow is the number of non-zero differences below which the
// signed-rank p-value is exact when there are no ties nor zeros (R's
// wilcox.test default).
const exactBelow = 50

// SignedRankResult is the outcome of a Wilcoxon signed-rank test.
type SignedRankResult struct {
	// N is the number of non-zero differences, the ones ranked.
	N int
	// V is the sum of the ranks of the positive differences (R's V).
	V float64
	// P is the two-sided p-value.
	P float64
	// Exact says whether P comes from the exact null distribution rather
	// than the normal approximation.
	Exact bool
}

// SignedRank tests whether the differences d are symmetric about 0 with the
// two-sided Wilcoxon signed-rank test, as R's wilcox.test(d) does by
// default: zeros are dropped, ties share their average rank, the p-value is
// exact for fewer than 50 differences without ties or zeros and otherwise
// comes from the normal approximation with tie and continuity corrections.
// NaN values must have been removed. When every difference is zero there is
// no evidence of any difference and P is 1; with no difference at all P is
// NaN.
func SignedRank(d []float64) SignedRankResult {
	var nz []float64
	for _, v := range d {
		if v != 0 {
			nz = append(nz, v)
		}
	}
	zeros := len(nz) < len(d)
	n := len(nz)
	r := SignedRankResult{N: n, P: 1}
	if len(d) == 0 {
		r.P = math.NaN()
		return r
	}
	if n == 0 {
		return r
	}
	ranks, tieGroups := absRanks(nz)
	for i, v := range nz {
		if v > 0 {
			r.V += ranks[i]
		}
	}
	ties := len(tieGroups) > 0
	if n < exactBelow && !ties && !zeros {
		r.Exact = true
		r.P = exactSignedRankP(int(r.V), n)
		return r
	}
	nf := float64(n)
	z := r.V - nf*(nf+1)/4
	var tieTerm float64
	for _, t := range tieGroups {
		tf := float64(t)
		tieTerm += tf*tf*tf - tf
	}
	sigma := math.Sqrt(nf*(nf+1)*(2*nf+1)/24 - tieTerm/48)
	if sigma == 0 {
		return r // a single non-zero difference repeated: cannot be told from chance
	}
	var correction float64
	switch {
	case z > 0:
		correction = 0.5
	case z < 0:
		correction = -0.5
	}
	z = (z - correction) / sigma
	p := 2 * min(distuv.UnitNormal.CDF(z), distuv.UnitNormal.Survival(z))
	r.P = min(p, 1)
	return r
}

// absRanks returns the ranks (1-based, average for ties) of |x| and the
// sizes of the groups of tied values (only groups of two or more).
func absRanks(x []float64) (ranks []float64, tieGroups []int) {
	order := make([]int, len(x))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := math.Abs(x[i]), math.Abs(x[j])
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	})
	ranks = make([]float64, len(x))
	for lo := 0; lo < len(order); {
		hi := lo + 1
		for hi < len(order) && math.Abs(x[order[hi]]) == math.Abs(x[order[lo]]) {
			hi++
		}
		avg := float64(lo+1+hi) / 2 // mean of ranks lo+1 .. hi
		for _, i := range order[lo:hi] {
			ranks[i] = avg
		}
		if hi-lo > 1 {
			tieGroups = append(tieGroups, hi-lo)
		}
		lo = hi
	}
	return ranks, tieGroups
}

// exactSignedRankP returns the exact two-sided p-value of V = v with n
// untied, non-zero differences: under the null hypothesis each of the 2^n
// assignments of signs to the ranks 1..n is equally likely, so P(V = w) is
// the number of subsets of {1..n} summing to w over 2^n. The counts come
// from the recurrence count_k(w) = count_{k−1}(w) + count_{k−1}(w − k),
// exact in uint64 for n < 64. As R does, the tail on the side of v is
// doubled, capped at 1.
func exactSignedRankP(v, n int) float64 {
	maxSum := n * (n + 1) / 2
	counts := make([]uint64, maxSum+1)
	counts[0] = 1
	for k := 1; k <= n; k++ {
		for w := k * (k + 1) / 2; w >= k; w-- {
			counts[w] += counts[w-k]
		}
	}
	var tail uint64
	if 4*v > n*(n+1) {
		for w := v; w <= maxSum; w++ {
			tail += counts[w]
		}
	} else {
		for w := 0; w <= v; w++ {
			tail += counts[w]
		}
	}
	p := 2 * float64(tail) / math.Ldexp(1, n)
	return min(p, 1)
}
