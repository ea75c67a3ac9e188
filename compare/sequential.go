package compare

import (
	"context"
	"fmt"
	"math"

	"github.com/esgtsim/esgtsim/inference"
)

// Precision reports a study run with sequential replications.
type Precision struct {
	// Target is the relative half-width asked for: the interval of B − A
	// within ±Target·|mean of A| for every metric.
	Target   float64 `json:"target"`
	MaxSeeds int     `json:"max_seeds"`
	// Seeds is how many seeds it took.
	Seeds int  `json:"seeds"`
	Met   bool `json:"met"`
	// Unmet names the metrics still less precise than Target at the cap;
	// Undefined those no seed defines, which cannot be estimated.
	Unmet     []string `json:"unmet"`
	Undefined []string `json:"undefined"`
}

// RunSequential runs the study on seeds, then on more seeds (counting up
// from the largest) until, for every metric, the half-width of the
// interval of B − A is within rule.Target of |mean of A|, or rule.Max
// seeds have run. It returns the final result with its Precision report.
func (s *Study) RunSequential(ctx context.Context, seeds []uint64, rule inference.Sequential, workers int, progress func(done, total int)) (*Result, error) {
	var all *Samples
	done := 0
	todo := seeds
	for {
		total := 2 * max(len(seeds), rule.Min)
		smp, err := s.Collect(ctx, todo, workers, func() {
			done++
			if progress != nil {
				progress(done, max(total, done))
			}
		})
		if err != nil {
			return nil, err
		}
		all = all.append(smp)
		res := s.Analyse(all)
		n := len(all.Seeds)
		goals := make([]inference.Goal, len(res.Metrics))
		for i, m := range res.Metrics {
			c := m.Comparison
			goals[i] = inference.Goal{N: c.N, HalfWidth: (c.High - c.Low) / 2, Scale: c.MeanA}
		}
		next := rule.Next(n, goals)
		if next == n {
			p := &Precision{Target: rule.Target, MaxSeeds: rule.Max, Seeds: n, Unmet: []string{}, Undefined: []string{}}
			for i, g := range goals {
				switch {
				case g.N == 0:
					p.Undefined = append(p.Undefined, res.Metrics[i].Metric)
				case !g.Met(rule.Target):
					p.Unmet = append(p.Unmet, res.Metrics[i].Metric)
				}
			}
			p.Met = len(p.Unmet) == 0
			res.Precision = p
			return res, nil
		}
		last := all.Seeds[n-1]
		if last > math.MaxUint64-uint64(next-n) {
			return nil, fmt.Errorf("no seeds left after %d", last)
		}
		todo = make([]uint64, next-n)
		for i := range todo {
			todo[i] = last + 1 + uint64(i)
		}
		seeds = append(all.Seeds[:n:n], todo...)
	}
}

// append returns s followed by t (s may be nil).
func (s *Samples) append(t *Samples) *Samples {
	if s == nil {
		return t
	}
	out := &Samples{Seeds: append(s.Seeds[:len(s.Seeds):len(s.Seeds)], t.Seeds...)}
	for m := range s.A {
		out.A = append(out.A, append(s.A[m][:len(s.A[m]):len(s.A[m])], t.A[m]...))
		out.B = append(out.B, append(s.B[m][:len(s.B[m]):len(s.B[m])], t.B[m]...))
	}
	return out
}
