package inference

import (
	"math"
	"testing"
)

// The reference values below were computed by R and SciPy; they are quoted
// from those projects' documentation, not computed by this package.

// sleep is R's built-in data set "sleep" (Cushny and Peebles, 1905, as
// given by Student, 1908): extra hours of sleep of ten patients under two
// drugs.
var (
	sleepGroup1 = []float64{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0}
	sleepGroup2 = []float64{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4}
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > tol {
		t.Errorf("%s = %.10g, want %.10g (±%g)", what, got, want, tol)
	}
}

// TestPairedSleep checks the example of R's ?t.test, a paired t-test on
// the sleep data (group 1 − group 2):
//
//	t = -4.0621, df = 9, p-value = 0.002833
//	95 percent confidence interval: -2.4598858 -0.7001142
//	mean difference -1.58
//
// and R's wilcox.test on the same pairs (one zero difference and one tie,
// so the normal approximation with corrections):
//
//	V = 0, p-value = 0.009091
func TestPairedSleep(t *testing.T) {
	c := Paired(sleepGroup2, sleepGroup1, 0.95) // B − A = group 1 − group 2
	if c.N != 10 {
		t.Fatalf("N = %d, want 10", c.N)
	}
	near(t, "diff", c.Diff, -1.58, 1e-12)
	near(t, "ci low", c.Low, -2.4598858, 5e-8)
	near(t, "ci high", c.High, -0.7001142, 5e-8)
	near(t, "p (t)", c.PT, 0.002833, 5e-7)
	near(t, "p (Wilcoxon)", c.PWilcoxon, 0.009091, 5e-7)
	near(t, "mean A", c.MeanA, 2.33, 1e-12)
	near(t, "mean B", c.MeanB, 0.75, 1e-12)
	near(t, "relative change", c.RelChange, -1.58/2.33, 1e-12)
	if c.WilcoxonExact {
		t.Error("Wilcoxon p-value claims to be exact despite a zero and a tie")
	}
	if c.Covers0() {
		t.Error("interval [-2.46, -0.70] said to cover 0")
	}
	sr := SignedRank(diffs(sleepGroup2, sleepGroup1))
	if sr.V != 0 || sr.N != 9 {
		t.Errorf("V = %v over %d, want 0 over 9 (the zero dropped)", sr.V, sr.N)
	}
}

// TestSignedRankExactR checks the example of R's ?wilcox.test (Hollander
// and Wolfe, depression scale before and after therapy), where
// wilcox.test(x, y, paired = TRUE, alternative = "greater") gives
// V = 40, p-value = 0.01953; the two-sided p-value is twice that, exactly
// 20/512.
func TestSignedRankExactR(t *testing.T) {
	x := []float64{1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30}
	y := []float64{0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29}
	sr := SignedRank(diffs(y, x))
	if sr.V != 40 || !sr.Exact {
		t.Errorf("V = %v (exact %v), want 40, exact", sr.V, sr.Exact)
	}
	near(t, "p", sr.P, 20.0/512, 1e-15)
	near(t, "one-sided p as R prints it", sr.P/2, 0.01953, 5e-6)
}

// darwin are the differences in height (eighths of an inch, crossed minus
// self-fertilised) of Darwin's fifteen pairs of Zea mays, from Fisher's
// The Design of Experiments, used by the example of scipy.stats.wilcoxon:
//
//	res = wilcoxon(d); res.statistic, res.pvalue -> (24.0, 0.041259765625)
//
// (SciPy's statistic is the smaller rank sum, here that of the negative
// differences, so V = 120 − 24 = 96).
var darwin = []float64{6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75}

func TestSignedRankExactSciPy(t *testing.T) {
	sr := SignedRank(darwin)
	if sr.V != 96 || !sr.Exact || sr.N != 15 {
		t.Errorf("V = %v over %d (exact %v), want 96 over 15, exact", sr.V, sr.N, sr.Exact)
	}
	near(t, "p", sr.P, 0.041259765625, 1e-15)
	// The same test with the signs flipped is the other tail.
	flipped := make([]float64, len(darwin))
	for i, v := range darwin {
		flipped[i] = -v
	}
	near(t, "p, signs flipped", SignedRank(flipped).P, 0.041259765625, 1e-15)
}

// TestPairedTDarwin checks Fisher's paired t-test on Darwin's data, in
// inches, as R's t.test(ZeaMays$diff) reports it:
//
//	t = 2.148, df = 14, p-value = 0.0497
//	95 percent confidence interval: 0.003899165 5.229434169
//	mean of x 2.616667
func TestPairedTDarwin(t *testing.T) {
	d := make([]float64, len(darwin))
	for i, v := range darwin {
		d[i] = v / 8
	}
	mean, low, high, p := PairedT(d, 0.95)
	near(t, "mean", mean, 2.616667, 5e-7)
	near(t, "low", low, 0.003899165, 5e-10)
	near(t, "high", high, 5.229434169, 5e-10)
	near(t, "p", p, 0.0497, 5e-5)
}

// TestMeanSleep checks R's one-sample t.test(sleep$extra[1:10]):
//
//	95 percent confidence interval: -0.5297804 2.0297804
//	mean of x 0.75
func TestMeanSleep(t *testing.T) {
	e := Mean(sleepGroup1, 0.95)
	near(t, "mean", e.Mean, 0.75, 1e-12)
	near(t, "low", e.Low(), -0.5297804, 5e-8)
	near(t, "high", e.High(), 2.0297804, 5e-8)
	near(t, "sd", e.SD, 1.789010, 5e-7)
	if e.N != 10 {
		t.Errorf("N = %d", e.N)
	}
}

func TestExactDistributionIsADistribution(t *testing.T) {
	// Over every possible V the one-sided tails must be consistent: the
	// two-sided p-value of the most extreme V is 2/2^n, and of the central
	// one 1.
	for _, n := range []int{1, 2, 5, 12, 30, 49} {
		maxV := n * (n + 1) / 2
		near(t, "p at V = 0", exactSignedRankP(0, n), math.Min(1, 2/math.Ldexp(1, n)), 0)
		near(t, "p at V = max", exactSignedRankP(maxV, n), math.Min(1, 2/math.Ldexp(1, n)), 0)
		mid := maxV / 2
		if p := exactSignedRankP(mid, n); p != 1 && maxV%2 == 0 {
			t.Errorf("n = %d: p at the centre V = %d is %v, want 1", n, mid, p)
		}
		for v := 1; v <= maxV; v++ {
			if exactSignedRankP(v, n) < exactSignedRankP(v-1, n) && 4*v <= n*(n+1) {
				t.Fatalf("n = %d: p decreases from V = %d to %d below the centre", n, v-1, v)
			}
		}
	}
}

func TestSignedRankLargeSampleUsesNormal(t *testing.T) {
	// 60 distinct differences, all positive: the normal approximation (with
	// continuity correction) gives z = (1830 − 915 − 0.5)/sqrt(18452.5).
	d := make([]float64, 60)
	for i := range d {
		d[i] = float64(i + 1)
	}
	sr := SignedRank(d)
	if sr.Exact {
		t.Fatal("60 differences: want the normal approximation")
	}
	z := (1830 - 915 - 0.5) / math.Sqrt(60*61*121/24.0)
	near(t, "p", sr.P, math.Erfc(z/math.Sqrt2), 1e-15)
}

func TestDegenerateSamples(t *testing.T) {
	same := []float64{3, 1, 4, 1, 5}
	c := Paired(same, same, 0.95)
	if c.Diff != 0 || c.Low != 0 || c.High != 0 || c.PT != 1 || c.PWilcoxon != 1 || !c.Covers0() {
		t.Errorf("identical sides: %+v, want a zero difference with p = 1", c)
	}
	shifted := []float64{4, 2, 5, 2, 6}
	c = Paired(same, shifted, 0.95)
	if c.Diff != 1 || c.Low != 1 || c.High != 1 || c.PT != 0 || c.Covers0() {
		t.Errorf("a constant shift of 1: %+v, want the interval [1, 1] and p = 0", c)
	}
	one := Paired([]float64{1}, []float64{2}, 0.95)
	if one.N != 1 || one.Diff != 1 || !math.IsNaN(one.Low) || !math.IsNaN(one.PT) || !one.Covers0() {
		t.Errorf("one pair: %+v, want the difference and no interval", one)
	}
	if e := Mean([]float64{2, 2, 2}, 0.9); e.SD != 0 || e.HalfWidth != 0 || e.Mean != 2 {
		t.Errorf("constant sample: %+v", e)
	}
	if e := Mean(nil, 0.9); !math.IsNaN(e.Mean) || e.N != 0 {
		t.Errorf("empty sample: %+v", e)
	}
}

func TestPairedSkipsUndefinedPairs(t *testing.T) {
	nan := math.NaN()
	a := []float64{1, nan, 3, 4, 5}
	b := []float64{2, 7, nan, 5.5, 6.2}
	c := Paired(a, b, 0.95)
	if c.N != 3 {
		t.Fatalf("N = %d, want 3 (pairs where both sides are defined)", c.N)
	}
	near(t, "diff", c.Diff, (1+1.5+1.2)/3, 1e-12)
	near(t, "mean A", c.MeanA, 10.0/3, 1e-12)
}

func TestCheckConfidence(t *testing.T) {
	for _, c := range []float64{0, 1, -0.5, 95, math.NaN()} {
		if CheckConfidence(c) == nil {
			t.Errorf("confidence %v accepted", c)
		}
	}
	if err := CheckConfidence(0.95); err != nil {
		t.Error(err)
	}
}

func diffs(a, b []float64) []float64 {
	d := make([]float64, len(a))
	for i := range a {
		d[i] = b[i] - a[i]
	}
	return d
}

func TestDecimals(t *testing.T) {
	for _, tc := range []struct {
		half, ref float64
		whole     bool
		want      int
	}{
		{1.17, 14, false, 1},     // 14.0 ± 1.2
		{0.0117, 0.14, false, 3}, // 0.140 ± 0.012
		{15, 480, false, 0},      // 480 ± 15
		{0, 100, true, 0},        // 100 ± 0 (an integer metric)
		{0, 85.36, false, 1},     // 85.4: three significant digits
		{math.NaN(), 0.5, false, 3},
		{1e-9, 1, false, 6}, // capped
	} {
		if got := Decimals(tc.half, tc.ref, tc.whole); got != tc.want {
			t.Errorf("Decimals(%v, %v, %v) = %d, want %d", tc.half, tc.ref, tc.whole, got, tc.want)
		}
	}
}

func TestSequentialRule(t *testing.T) {
	rule := Sequential{Target: 0.05, Min: 10, Max: 200}
	precise := Goal{N: 10, HalfWidth: 0.4, Scale: 10}    // ±4 %
	imprecise := Goal{N: 10, HalfWidth: 1.5, Scale: 10}  // ±15 %: needs 9× the seeds
	slightly := Goal{N: 20, HalfWidth: 0.55, Scale: -10} // ±5.5 %: needs 1.21×
	for _, tc := range []struct {
		n     int
		goals []Goal
		want  int
	}{
		{3, []Goal{precise}, 10},             // never stops below Min
		{10, []Goal{precise}, 10},            // done
		{10, []Goal{precise, imprecise}, 20}, // 90 wanted, at most doubles
		{20, []Goal{slightly}, 25},           // ceil(20 × 1.21)
		{150, []Goal{imprecise}, 200},        // capped
		{200, []Goal{imprecise}, 200},        // at the cap: done
		{10, []Goal{{N: 0}, precise}, 10},    // undefined everywhere: ignored
		{10, []Goal{{N: 1, HalfWidth: math.NaN()}}, 20},
		{10, []Goal{{N: 10, HalfWidth: 1, Scale: 0}}, 20}, // a mean of 0 with spread
		{10, []Goal{{N: 10, HalfWidth: 0, Scale: 0}}, 10}, // no spread at all
	} {
		if got := rule.Next(tc.n, tc.goals); got != tc.want {
			t.Errorf("Next(%d, %+v) = %d, want %d", tc.n, tc.goals, got, tc.want)
		}
	}
	for _, bad := range []Sequential{{Target: 0, Max: 10}, {Target: -1, Max: 10}, {Target: 0.05, Max: 1}} {
		if bad.Check() == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}
