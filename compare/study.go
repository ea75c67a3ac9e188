package compare

import (
	"context"
	"fmt"
	"math"
	"sync"

	"github.com/esgtsim/esgtsim/inference"
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/sweep"
)

// Study is a comparison to run: configuration B against configuration A.
type Study struct {
	A, B       *spec.Scenario
	Metrics    []sweep.Metric
	Confidence float64 // e.g. 0.95
}

// Samples are the values of each metric on each side, one per seed in the
// order of Seeds; NaN where a run does not define the metric.
type Samples struct {
	Seeds []uint64
	A, B  [][]float64 // [metric][seed]
}

// Result is a finished comparison.
type Result struct {
	A          spec.Effective `json:"a"`
	B          spec.Effective `json:"b"`
	Seeds      []uint64       `json:"seeds"`
	Confidence float64        `json:"confidence"`
	Metrics    []MetricResult `json:"metrics"`
	// Precision is set when the seeds were added until a precision was
	// reached (sequential replications).
	Precision *Precision `json:"precision,omitempty"`
}

// MetricResult compares one metric. Figures that cannot be computed (no
// seed where both sides define the metric, fewer than two for an
// interval, a mean of A of 0 for the relative change) are null in JSON.
type MetricResult struct {
	Metric    string `json:"metric"`
	AMean     Number `json:"a_mean"`
	BMean     Number `json:"b_mean"`
	Diff      Number `json:"diff"`
	CILow     Number `json:"ci_low"`
	CIHigh    Number `json:"ci_high"`
	RelChange Number `json:"rel_change"`
	PValue    Number `json:"p_value"`
	PWilcoxon Number `json:"p_wilcoxon"`
	// N is the number of seeds where both sides define the metric.
	N int `json:"n"`

	// Kind says how the metric is written (integer or decimal).
	Kind sweep.Kind `json:"-"`
	// A and B are each side's mean with its interval over the same N
	// seeds; Comparison is the paired comparison.
	EstA, EstB inference.Estimate   `json:"-"`
	Comparison inference.Comparison `json:"-"`
}

// Number is a float64 that encodes NaN and infinities as JSON null.
type Number float64

// MarshalJSON encodes n, or null when it is not finite.
func (n Number) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return fmt.Appendf(nil, "%v", f), nil
}

// Collect runs both sides on every seed, on workers goroutines, and
// returns their metrics. A run that fails stops the study: its error
// names the side and the seed. The samples do not depend on workers.
func (s *Study) Collect(ctx context.Context, seeds []uint64, workers int, progress func()) (*Samples, error) {
	type job struct {
		side int // 0 is A, 1 is B
		i    int // seed index
	}
	out := &Samples{Seeds: seeds, A: make([][]float64, len(s.Metrics)), B: make([][]float64, len(s.Metrics))}
	for m := range s.Metrics {
		out.A[m], out.B[m] = make([]float64, len(seeds)), make([]float64, len(seeds))
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job)
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	for range max(1, min(workers, 2*len(seeds))) {
		wg.Go(func() {
			for j := range jobs {
				sc, dst, name := s.A, out.A, "A"
				if j.side == 1 {
					sc, dst, name = s.B, out.B, "B"
				}
				run := *sc
				run.Spec.Seed = seeds[j.i]
				res, err := scenarios.Run(ctx, &run, scenarios.Options{})
				mu.Lock()
				if err != nil {
					if firstErr == nil {
						firstErr = fmt.Errorf("%s (%s), seed %d: %w", name, sc.File, seeds[j.i], err)
					}
					cancel()
				} else {
					for m, metric := range s.Metrics {
						v, ok := metric.Value(&res.Summary)
						if !ok {
							v = math.NaN()
						}
						dst[m][j.i] = v
					}
					if progress != nil {
						progress()
					}
				}
				mu.Unlock()
			}
		})
	}
feed:
	for i := range seeds {
		for side := range 2 {
			select {
			case jobs <- job{side, i}:
			case <-ctx.Done():
				break feed
			}
		}
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		if ctx.Err() != nil && ctx.Err() != context.Canceled {
			return nil, ctx.Err()
		}
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Analyse compares the samples metric by metric.
func (s *Study) Analyse(smp *Samples) *Result {
	r := &Result{
		A: s.A.Effective(), B: s.B.Effective(), Seeds: smp.Seeds, Confidence: s.Confidence,
	}
	// The seeds are the study's, not the file's.
	r.A.Config, r.B.Config = r.A.Config.Without("seed"), r.B.Config.Without("seed")
	for m, metric := range s.Metrics {
		a, b := smp.A[m], smp.B[m]
		c := inference.Paired(a, b, s.Confidence)
		var pa, pb []float64
		for i := range a {
			if !math.IsNaN(a[i]) && !math.IsNaN(b[i]) {
				pa, pb = append(pa, a[i]), append(pb, b[i])
			}
		}
		r.Metrics = append(r.Metrics, MetricResult{
			Metric: metric.Name, AMean: Number(c.MeanA), BMean: Number(c.MeanB),
			Diff: Number(c.Diff), CILow: Number(c.Low), CIHigh: Number(c.High),
			RelChange: Number(c.RelChange), PValue: Number(c.PT), PWilcoxon: Number(c.PWilcoxon),
			N: c.N, Kind: metric.Kind,
			EstA: inference.Mean(pa, s.Confidence), EstB: inference.Mean(pb, s.Confidence), Comparison: c,
		})
	}
	return r
}
