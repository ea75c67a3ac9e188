package suite

import (
	"math"

	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// Report is a judged suite. It holds no wall-clock figure: the same
// scenarios, seeds and options give the same Report.
type Report struct {
	Tier   verdict.Tier `json:"tier"`   // the tier judged
	Quorum float64      `json:"quorum"` // fraction of seeds a criterion must hold in
	// Seeds are the seeds every scenario ran with; nil when each ran with
	// its own.
	Seeds     []uint64   `json:"seeds"`
	Modules   []Module   `json:"modules"` // in the verdict's order
	Total     Module     `json:"total"`
	Scenarios []Scenario `json:"scenarios"` // in the verdict's order
}

// Module is one row of the verdict table. Tests counts every scenario of
// the module, skipped ones included, as the original's report did.
type Module struct {
	Name    string `json:"name"`
	Tests   int    `json:"tests"`
	Passing int    `json:"passing"`
	Failing int    `json:"failing"` // failed criteria, and runs in error
	Skipped int    `json:"skipped"` // no criterion of the tier
	Errors  int    `json:"errors"`  // runs that failed, among Failing
}

// PassRate is the fraction of the judged scenarios (not skipped) that
// passed, NaN when none was judged. The original's report divided by
// every test, skipped ones included; a scenario with nothing to judge is
// not a failure here.
func (m Module) PassRate() float64 {
	judged := m.Tests - m.Skipped
	if judged == 0 {
		return math.NaN()
	}
	return float64(m.Passing) / float64(judged)
}

// Status is a scenario's verdict.
type Status string

// The verdicts of a scenario.
const (
	Pass    Status = "pass"
	Fail    Status = "fail"
	Skipped Status = "skipped" // no criterion of the judged tier
	Error   Status = "error"   // a run failed
)

// Scenario is one scenario's verdict over its seeds.
type Scenario struct {
	Name        string   `json:"name"`
	File        string   `json:"file"` // the built-in's name or the file's path
	Module      string   `json:"module"`
	Description string   `json:"description"`
	Seeds       []uint64 `json:"seeds"`
	Status      Status   `json:"status"`
	// Error is the first failed run's error, with its seed.
	Error string `json:"error,omitempty"`
	// Digests are the runs' trace digests, one per seed: with the seed
	// they identify each run exactly.
	Digests  []string `json:"digests"`
	Criteria []Tally  `json:"criteria"`
}

// Tally is one criterion judged over a scenario's seeds.
type Tally struct {
	Name   string       `json:"name"`
	Metric string       `json:"metric"`
	Op     verdict.Op   `json:"op"`
	Value  float64      `json:"value"`
	Tier   verdict.Tier `json:"tier"`
	Why    string       `json:"why,omitempty"`
	// Observed holds the observation at each seed, null where there was
	// none.
	Observed []*float64 `json:"observed"`
	Held     int        `json:"held"`  // seeds in which it held
	Seeds    int        `json:"seeds"` // seeds judged
	// Pass is whether it held in at least the quorum's fraction of the
	// seeds.
	Pass bool `json:"pass"`
}

// Result returns the tally as one verdict.Result: the observation of the
// first seed and the tally's pass.
func (t Tally) Result() verdict.Result {
	r := verdict.Result{Name: t.Name, Metric: t.Metric, Op: t.Op, Value: t.Value, Tier: t.Tier, Why: t.Why, Pass: t.Pass}
	if len(t.Observed) > 0 {
		r.Observed = t.Observed[0]
	}
	return r
}

// Range returns the smallest and largest observation, and false when no
// seed observed anything.
func (t Tally) Range() (lo, hi float64, ok bool) {
	for _, v := range t.Observed {
		if v == nil {
			continue
		}
		if !ok {
			lo, hi, ok = *v, *v, true
		}
		lo, hi = min(lo, *v), max(hi, *v)
	}
	return lo, hi, ok
}

// Failed returns the criteria of the judged tier that did not pass.
func (s Scenario) Failed(tier verdict.Tier) []Tally {
	var out []Tally
	for _, t := range s.Criteria {
		if t.Tier == tier && !t.Pass {
			out = append(out, t)
		}
	}
	return out
}

// Pass reports whether the suite passed: no scenario failed or broke.
func (r *Report) Pass() bool { return r.Total.Failing == 0 }
