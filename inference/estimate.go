package inference

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Estimate is the mean of n independent replications with its Student-t
// confidence interval, Mean ± HalfWidth.
type Estimate struct {
	N         int
	Mean      float64 // NaN when N is 0
	SD        float64 // sample standard deviation (n − 1); NaN when N < 2
	HalfWidth float64 // NaN when N < 2
}

// Mean estimates the mean of x (one value per replication) with a
// two-sided interval at the given confidence level, in (0, 1).
func Mean(x []float64, confidence float64) Estimate {
	e := Estimate{N: len(x), Mean: math.NaN(), SD: math.NaN(), HalfWidth: math.NaN()}
	if e.N == 0 {
		return e
	}
	if e.N == 1 {
		e.Mean = x[0]
		return e
	}
	if allEqual(x) {
		e.Mean, e.SD, e.HalfWidth = x[0], 0, 0
		return e
	}
	e.Mean, e.SD = stat.MeanStdDev(x, nil)
	e.HalfWidth = tQuantile(confidence, e.N) * stat.StdErr(e.SD, float64(e.N))
	return e
}

// Low returns the interval's lower bound.
func (e Estimate) Low() float64 { return e.Mean - e.HalfWidth }

// High returns the interval's upper bound.
func (e Estimate) High() float64 { return e.Mean + e.HalfWidth }

// RelativeHalfWidth returns HalfWidth / |Mean|: the precision of the
// estimate as a fraction of its size. It is 0 when the half-width is 0,
// +Inf when only the mean is 0, and NaN when the half-width is.
func (e Estimate) RelativeHalfWidth() float64 {
	switch {
	case math.IsNaN(e.HalfWidth):
		return math.NaN()
	case e.HalfWidth == 0:
		return 0
	}
	return e.HalfWidth / math.Abs(e.Mean)
}

// tQuantile returns the two-sided critical value of Student's t with n − 1
// degrees of freedom at the given confidence.
func tQuantile(confidence float64, n int) float64 {
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}
	return t.Quantile(1 - (1-confidence)/2)
}

// CheckConfidence returns an error unless c is a confidence level strictly
// between 0 and 1.
func CheckConfidence(c float64) error {
	if !(c > 0 && c < 1) {
		return fmt.Errorf("confidence must be strictly between 0 and 1 (0.95 for 95 %%), got %v", c)
	}
	return nil
}

// Decimals returns how many decimals to write a value of size ref known to
// within ±half, so that the digits shown are the ones the interval
// supports: two significant digits of the half-width, or three of the
// value when there is no interval or it is 0 (none when the value is a
// whole number of a whole-valued metric). At most 6.
func Decimals(half, ref float64, whole bool) int {
	sig := 2
	if half == 0 || math.IsNaN(half) {
		if whole && ref == math.Trunc(ref) {
			return 0
		}
		half, sig = math.Abs(ref), 3
	}
	if half == 0 || math.IsNaN(half) || math.IsInf(half, 0) {
		return 0
	}
	d := sig - 1 - int(math.Floor(math.Log10(half)))
	return min(max(d, 0), 6)
}
