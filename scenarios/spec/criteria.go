package spec

import (
	"fmt"

	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// CriterionSpec is one [[criterion]]: a bound on a numeric field of the
// run's JSON report, judged when the run ends.
//
//	metric  dotted path of the field, e.g. "latency_ms.p99" (required)
//	op      <, <=, >, >= or == (required)
//	value   a number; for *_ms metrics a duration string ("100ms") too
//	tier    "asserted" (default): decides the verdict; "target": reported,
//	        judged with --tier target
//	name    shown in reports (default "metric op value")
//	why     context shown with the verdict, e.g. why a bound cannot hold
type CriterionSpec struct {
	Metric string        `toml:"metric"`
	Op     string        `toml:"op"`
	Value  verdict.Bound `toml:"value"`
	Tier   string        `toml:"tier"`
	Name   string        `toml:"name"`
	Why    string        `toml:"why"`
}

// Criteria returns the scenario's criteria: the file's, then those added
// with AddCriterion.
func (sc *Scenario) Criteria() []verdict.Criterion { return sc.criteria }

// AddCriterion adds a criterion written as one expression, as on the
// command line ("latency_ms.p99<100ms"); it is asserted. Its metric is
// checked against the report schema the scenario was parsed with.
func (sc *Scenario) AddCriterion(expr string) error {
	c, err := verdict.Parse(expr)
	if err != nil {
		return err
	}
	if err := sc.report.Check(c.Metric); err != nil {
		return fmt.Errorf("%q: %v", expr, err)
	}
	sc.criteria = append(sc.criteria, c)
	return nil
}

// validateCriteria checks every [[criterion]] and resolves it.
func (sc *Scenario) validateCriteria() error {
	sc.criteria = nil
	for i, cs := range sc.Spec.Criteria {
		p := fmt.Sprintf("criterion[%d]", i)
		if cs.Metric == "" {
			return sc.errorf(p, "a criterion needs a metric (a numeric field of the report, e.g. \"latency_ms.p99\")")
		}
		if err := sc.report.Check(cs.Metric); err != nil {
			return sc.errorf(p+".metric", "%v", err)
		}
		if cs.Op == "" {
			return sc.errorf(p, "a criterion needs an op (<, <=, >, >= or ==)")
		}
		op, err := verdict.ParseOp(cs.Op)
		if err != nil {
			return sc.errorf(p+".op", "%v", err)
		}
		if !sc.meta.Has(p + ".value") {
			return sc.errorf(p, "a criterion needs a value")
		}
		v, err := cs.Value.Resolve(cs.Metric)
		if err != nil {
			return sc.errorf(p+".value", "%v", err)
		}
		tier, err := verdict.ParseTier(cs.Tier)
		if err != nil {
			return sc.errorf(p+".tier", "%v", err)
		}
		c := verdict.Criterion{Name: cs.Name, Metric: cs.Metric, Op: op, Value: v, Tier: tier, Why: cs.Why}
		if c.Name == "" {
			c.Name = c.DefaultName()
		}
		sc.criteria = append(sc.criteria, c)
	}
	return nil
}
