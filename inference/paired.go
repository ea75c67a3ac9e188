package inference

import (
	"math"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Comparison is the paired comparison of B with A over the same
// replications.
type Comparison struct {
	N            int     // pairs compared
	MeanA, MeanB float64 // means over those pairs
	// Diff is the mean of the differences B − A, Low and High the bounds of
	// its confidence interval.
	Diff, Low, High float64
	// RelChange is Diff / |MeanA|, NaN when MeanA is 0.
	RelChange float64
	// PT is the two-sided p-value of the paired t-test, PWilcoxon that of
	// the Wilcoxon signed-rank test.
	PT, PWilcoxon float64
	// WilcoxonExact says whether PWilcoxon is exact rather than the normal
	// approximation.
	WilcoxonExact bool
}

// Covers0 reports whether the interval of the difference contains 0 (or
// cannot be formed): no evidence of a change at the chosen confidence.
func (c Comparison) Covers0() bool {
	return !(c.Low > 0 || c.High < 0)
}

// Paired compares b with a, where a[i] and b[i] come from the same
// replication (the same seed). Pairs where either value is NaN are left
// out, so a metric undefined for some seeds is compared over the seeds
// where both sides define it, and N says how many that is. a and b must
// have the same length.
func Paired(a, b []float64, confidence float64) Comparison {
	if len(a) != len(b) {
		panic("inference: Paired with samples of different lengths")
	}
	var xa, xb, d []float64
	for i := range a {
		if math.IsNaN(a[i]) || math.IsNaN(b[i]) {
			continue
		}
		xa, xb = append(xa, a[i]), append(xb, b[i])
		d = append(d, b[i]-a[i])
	}
	c := Comparison{N: len(d), MeanA: math.NaN(), MeanB: math.NaN(), RelChange: math.NaN()}
	if c.N > 0 {
		c.MeanA, c.MeanB = stat.Mean(xa, nil), stat.Mean(xb, nil)
	}
	c.Diff, c.Low, c.High, c.PT = PairedT(d, confidence)
	if c.MeanA != 0 && !math.IsNaN(c.MeanA) {
		c.RelChange = c.Diff / math.Abs(c.MeanA)
	}
	sr := SignedRank(d)
	c.PWilcoxon, c.WilcoxonExact = sr.P, sr.Exact
	return c
}

// PairedT is the one-sample t-test of the differences d against 0: their
// mean, the bounds of its two-sided interval at the given confidence and
// the two-sided p-value. See the package documentation for degenerate
// samples.
func PairedT(d []float64, confidence float64) (mean, low, high, p float64) {
	n := len(d)
	switch n {
	case 0:
		return math.NaN(), math.NaN(), math.NaN(), math.NaN()
	case 1:
		return d[0], math.NaN(), math.NaN(), math.NaN()
	}
	if allEqual(d) {
		if d[0] == 0 {
			return 0, 0, 0, 1
		}
		return d[0], d[0], d[0], 0
	}
	mean, sd := stat.MeanStdDev(d, nil)
	se := stat.StdErr(sd, float64(n))
	half := tQuantile(confidence, n) * se
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}
	p = 2 * t.Survival(math.Abs(mean/se))
	return mean, mean - half, mean + half, min(p, 1)
}

// allEqual reports whether every value of x equals the first, tested
// before any arithmetic so that rounding in a mean cannot fake a spread.
func allEqual(x []float64) bool {
	for _, v := range x[1:] {
		if v != x[0] {
			return false
		}
	}
	return true
}
