package verdict

// Result is a criterion judged on one report. Its JSON form is the
// report's "criteria" entry.
type Result struct {
	Name     string   `json:"name"`
	Metric   string   `json:"metric"`
	Op       Op       `json:"op"`
	Value    float64  `json:"value"`
	Tier     Tier     `json:"tier"`
	Observed *float64 `json:"observed"` // nil: no observation (see the package doc)
	Pass     bool     `json:"pass"`
	Why      string   `json:"why,omitempty"`
}

// Criterion returns the criterion r judged.
func (r Result) Criterion() Criterion {
	return Criterion{Name: r.Name, Metric: r.Metric, Op: r.Op, Value: r.Value, Tier: r.Tier, Why: r.Why}
}

// Evaluate judges each criterion on report, in order.
func Evaluate(report any, cs []Criterion) []Result {
	out := make([]Result, 0, len(cs))
	for _, c := range cs {
		r := Result{Name: c.Name, Metric: c.Metric, Op: c.Op, Value: c.Value, Tier: c.Tier, Why: c.Why}
		if r.Name == "" {
			r.Name = c.DefaultName()
		}
		if v, ok := Observe(report, c.Metric); ok {
			r.Observed = &v
			r.Pass = c.Op.Holds(v, c.Value)
		}
		out = append(out, r)
	}
	return out
}

// Verdict is the judgement of one tier of a report's criteria.
type Verdict struct {
	Judged int // criteria of the tier
	Failed int // of which did not hold
}

// Pass reports whether every judged criterion held. A tier with no
// criterion passes vacuously; callers that show verdicts say "no criteria"
// for it (see Judged).
func (v Verdict) Pass() bool { return v.Failed == 0 }

// Judge counts the criteria of tier in rs and those that failed.
func Judge(rs []Result, tier Tier) Verdict {
	var v Verdict
	for _, r := range rs {
		if r.Tier != tier {
			continue
		}
		v.Judged++
		if !r.Pass {
			v.Failed++
		}
	}
	return v
}

// Observation formats r's observed value in its metric's unit, "n/a" when
// there is none.
func (r Result) Observation() string {
	if r.Observed == nil {
		return "n/a"
	}
	return FormatValue(r.Metric, *r.Observed)
}

// Bound formats r's comparison and bound: "< 100 ms".
func (r Result) Bound() string { return string(r.Op) + " " + FormatValue(r.Metric, r.Value) }
