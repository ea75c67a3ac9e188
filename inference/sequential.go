package inference

import (
	"fmt"
	"math"
)

// Sequential is the stopping rule of sequential replications: keep adding
// replications until every estimate's interval half-width is within
// Target times the size of what it estimates, or until Max replications.
//
// The rule never stops before Min replications (small samples can show
// no spread by chance: two seeds with the same count give a half-width of
// 0). Past Min it asks, for each estimate that is not yet precise enough,
// how many replications would bring it there if its standard deviation
// held, n·(half/(Target·|scale|))², and goes there, but at most twice as
// far as it is (the standard deviation of a small sample is itself
// uncertain) and never past Max. The number of replications it asks for
// depends only on the values, so a study stops at the same point whatever
// the number of workers.
type Sequential struct {
	Target   float64 // relative half-width, e.g. 0.05 for ±5 %
	Min, Max int
}

// DefaultMinReplications is the number of replications below which the
// rule does not stop.
const DefaultMinReplications = 10

// Goal is one estimate the rule checks: its number of values, the
// half-width of its interval, and the size it must be precise relative to
// (a mean, or for a comparison the mean of the reference side).
type Goal struct {
	N         int
	HalfWidth float64
	Scale     float64
}

// Met reports whether g is within target: at least two values and a
// half-width of at most target·|scale| (a half-width of 0 always is).
func (g Goal) Met(target float64) bool {
	if g.N < 2 || math.IsNaN(g.HalfWidth) {
		return false
	}
	return g.HalfWidth == 0 || g.HalfWidth <= target*math.Abs(g.Scale)
}

// Check returns an error unless the rule is usable.
func (s Sequential) Check() error {
	switch {
	case !(s.Target > 0) || math.IsInf(s.Target, 0):
		return fmt.Errorf("precision must be a positive fraction (0.05 for ±5 %%), got %v", s.Target)
	case s.Max < 2:
		return fmt.Errorf("the cap on seeds must be at least 2, got %d", s.Max)
	}
	return nil
}

// Next returns how many replications to have after n, given the goals
// measured on them: n itself when the study is done (every goal is met,
// or n has reached Max). Goals with no value at all (a metric no
// replication defines) cannot be estimated and are ignored.
func (s Sequential) Next(n int, goals []Goal) int {
	if n >= s.Max {
		return n
	}
	if minN := min(max(s.Min, 2), s.Max); n < minN {
		return minN
	}
	need := n
	for _, g := range goals {
		switch {
		case g.N == 0 || g.Met(s.Target):
			continue
		case g.N < 2 || math.IsNaN(g.HalfWidth) || g.Scale == 0:
			need = max(need, 2*n)
		default:
			r := g.HalfWidth / (s.Target * math.Abs(g.Scale))
			need = max(need, int(math.Ceil(float64(n)*r*r)))
		}
	}
	if need == n {
		return n
	}
	return min(max(need, n+1), 2*n, s.Max)
}
