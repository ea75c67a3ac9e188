package suite

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// Options configure a suite run.
type Options struct {
	// Seeds to run every scenario with; nil runs each at its own seed.
	Seeds []uint64
	// Quorum is the fraction of seeds in which a criterion must hold, in
	// (0, 1]; 0 means 1, every seed.
	Quorum float64
	// Tier is the tier judged; "" means verdict.Asserted.
	Tier verdict.Tier
	// Workers is how many runs go at once; 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, is called from one goroutine after each run
	// with the number of runs done and the total.
	Progress func(done, total int)
	// Observe, when set, lets the caller watch each scenario's run at its
	// first seed, to keep more of it than the report does (the data of its
	// figures, say) without running it again. It is called before that
	// run, from the goroutine that does it, with the scenario's index in
	// the suite and the scenario as it runs (its seed set); the run takes
	// the options it returns and, when it completes without an error,
	// calls done, if not nil, with its result. Calls for different
	// scenarios may be concurrent; each returns before Run does.
	Observe func(i int, sc *spec.Scenario) (opts scenarios.Options, done func(*scenarios.Result))
}

// run is one scenario at one seed.
type run struct {
	scenario int
	seed     int // index into the scenario's seeds
}

// outcome is what a run left for the report.
type outcome struct {
	results []verdict.Result
	digest  string
	err     error
}

// Run runs every scenario at every seed on opts.Workers goroutines and
// judges them. Runs only read their scenario, so they share
// no state and the report is the same whatever the number of workers.
// When ctx ends, Run stops starting runs and returns ctx's error.
func Run(ctx context.Context, scs []*spec.Scenario, opts Options) (*Report, error) {
	quorum := opts.Quorum
	if quorum == 0 {
		quorum = 1
	}
	if quorum < 0 || quorum > 1 || math.IsNaN(quorum) {
		return nil, fmt.Errorf("quorum %v is not in (0, 1]", quorum)
	}
	tier := opts.Tier
	if tier == "" {
		tier = verdict.Asserted
	}
	seeds := make([][]uint64, len(scs))
	var runs []run
	for i, sc := range scs {
		seeds[i] = opts.Seeds
		if seeds[i] == nil {
			seeds[i] = []uint64{sc.Spec.Seed}
		}
		for j := range seeds[i] {
			runs = append(runs, run{i, j})
		}
	}
	outcomes := make([][]outcome, len(scs))
	for i := range scs {
		outcomes[i] = make([]outcome, len(seeds[i]))
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan run)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range max(1, min(workers, len(runs))) {
		wg.Go(func() {
			for r := range jobs {
				var observe observer
				if opts.Observe != nil && r.seed == 0 {
					observe = func(c *spec.Scenario) (scenarios.Options, func(*scenarios.Result)) {
						return opts.Observe(r.scenario, c)
					}
				}
				outcomes[r.scenario][r.seed] = runOne(ctx, scs[r.scenario], seeds[r.scenario][r.seed], observe)
				done <- struct{}{}
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, r := range runs {
			select {
			case jobs <- r:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(done)
	}()
	n := 0
	for range done {
		n++
		if opts.Progress != nil {
			opts.Progress(n, len(runs))
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rep := &Report{Tier: tier, Quorum: quorum, Seeds: opts.Seeds}
	for i, sc := range scs {
		rep.Scenarios = append(rep.Scenarios, judge(sc, seeds[i], outcomes[i], tier, quorum))
	}
	rep.tabulate()
	return rep, nil
}

// observer is Options.Observe for one scenario: it gives the options of
// the run of the scenario c and what to call with its result.
type observer func(c *spec.Scenario) (scenarios.Options, func(*scenarios.Result))

// runOne runs sc at seed, watched by observe if it is not nil. A run only
// reads its scenario, so concurrent runs share one parse; each gets its
// own copy of the spec's scalars.
func runOne(ctx context.Context, sc *spec.Scenario, seed uint64, observe observer) outcome {
	c := *sc
	c.Spec.Seed = seed
	var opts scenarios.Options
	var done func(*scenarios.Result)
	if observe != nil {
		opts, done = observe(&c)
	}
	res, err := scenarios.Run(ctx, &c, opts)
	if err != nil {
		return outcome{err: err}
	}
	if done != nil {
		done(res)
	}
	return outcome{results: res.Summary.Criteria, digest: res.Summary.Digest}
}

// judge tallies sc's criteria over its seeds.
func judge(sc *spec.Scenario, seeds []uint64, outs []outcome, tier verdict.Tier, quorum float64) Scenario {
	s := Scenario{
		Name: sc.Spec.Name, File: sc.File, Module: ModuleOf(sc), Description: sc.Spec.Description,
		Seeds: seeds, Digests: make([]string, len(seeds)), Criteria: []Tally{},
	}
	for j, o := range outs {
		if o.err != nil {
			s.Status = Error
			if s.Error == "" {
				s.Error = fmt.Sprintf("seed %d: %v", seeds[j], o.err)
			}
		}
		s.Digests[j] = o.digest
	}
	need := int(math.Ceil(float64(quorum*float64(len(seeds))) - 1e-9)) // rounded: no multiply-add, same on every platform
	for k, c := range sc.Criteria() {
		t := Tally{Name: c.Name, Metric: c.Metric, Op: c.Op, Value: c.Value, Tier: c.Tier, Why: c.Why, Seeds: len(seeds)}
		for _, o := range outs {
			var obs *float64
			if k < len(o.results) {
				r := o.results[k]
				obs = r.Observed
				if r.Pass {
					t.Held++
				}
			}
			t.Observed = append(t.Observed, obs)
		}
		t.Pass = t.Held >= need
		s.Criteria = append(s.Criteria, t)
	}
	if s.Status == Error {
		return s
	}
	s.Status = Skipped
	for _, t := range s.Criteria {
		if t.Tier != tier {
			continue
		}
		if !t.Pass {
			s.Status = Fail
			break
		}
		s.Status = Pass
	}
	return s
}

// tabulate fills the verdict table from the scenarios' verdicts.
func (r *Report) tabulate() {
	r.Total = Module{Name: "total"}
	for _, s := range r.Scenarios {
		if len(r.Modules) == 0 || r.Modules[len(r.Modules)-1].Name != s.Module {
			r.Modules = append(r.Modules, Module{Name: s.Module})
		}
		for _, m := range []*Module{&r.Modules[len(r.Modules)-1], &r.Total} {
			m.Tests++
			switch s.Status {
			case Pass:
				m.Passing++
			case Fail:
				m.Failing++
			case Error:
				m.Failing++
				m.Errors++
			case Skipped:
				m.Skipped++
			}
		}
	}
}
