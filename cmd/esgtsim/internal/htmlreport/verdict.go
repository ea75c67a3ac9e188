package htmlreport

import (
	"fmt"

	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// verdictView is the verdict of one tier of a run's criteria.
type verdictView struct {
	Word   string // PASS, FAIL, or NO CRITERIA
	Class  string // pass, fail, none
	Detail string // "2 of 3 asserted criteria hold"
}

// criterionView is one row of the criteria table.
type criterionView struct {
	Status   string // PASS or FAIL when judged; pass or fail when only reported
	Class    string // pass, fail
	Judged   bool   // of the tier that decides the verdict
	Name     string
	Metric   string
	Observed string
	Bound    string
	Tier     verdict.Tier
	Why      string
	Held     string // over a suite's seeds: "27 of 30 seeds"; "" for one run
}

// judge returns the verdict of tier on rs and the rows of the criteria
// table, in the order of the criteria.
func judge(rs []verdict.Result, tier verdict.Tier) (verdictView, []criterionView) {
	v := verdict.Judge(rs, tier)
	var vv verdictView
	switch {
	case v.Judged == 0:
		vv = verdictView{Word: "NO CRITERIA", Class: "none", Detail: fmt.Sprintf("no %s criterion: nothing decides a verdict", tier)}
	case v.Pass():
		detail := fmt.Sprintf("all %d %s criteria hold", v.Judged, tier)
		if v.Judged == 1 {
			detail = fmt.Sprintf("the one %s criterion holds", tier)
		}
		vv = verdictView{Word: "PASS", Class: "pass", Detail: detail}
	default:
		vv = verdictView{Word: "FAIL", Class: "fail", Detail: fmt.Sprintf("%d of %d %s criteria failed", v.Failed, v.Judged, tier)}
	}
	rows := make([]criterionView, len(rs))
	for i, r := range rs {
		c := criterionView{Status: "FAIL", Class: "fail", Judged: r.Tier == tier, Name: r.Name, Metric: r.Metric,
			Observed: r.Observation(), Bound: r.Bound(), Tier: r.Tier, Why: r.Why}
		if r.Pass {
			c.Status, c.Class = "PASS", "pass"
		}
		if !c.Judged {
			c.Status = lower(c.Status)
		}
		if r.Observed == nil {
			c.Observed = "n/a (no observation)"
		}
		rows[i] = c
	}
	return vv, rows
}

// lower returns the ASCII word s in lower case.
func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
