package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// exitCriteria is the exit status of a run or suite that completed but
// failed an asserted criterion (or a target one with --tier target):
// distinct from 1, a run that broke or was interrupted, and 2, a usage
// error, so that a script can tell a failing system from a broken run.
const exitCriteria = 3

// criteriaError reports criteria that did not hold; it exits with
// exitCriteria after the report has been written whole.
type criteriaError struct {
	what   string // "load-full", "suite"
	failed int
	judged int
	tier   verdict.Tier
	unit   string // what failed: "criteria" (the default) or "scenarios"
}

func (e *criteriaError) Error() string {
	if e.unit == "scenarios" {
		return fmt.Sprintf("%s: %d of %d scenarios judged by their %s criteria failed", e.what, e.failed, e.judged, e.tier)
	}
	return fmt.Sprintf("%s: %d of %d %s criteria failed", e.what, e.failed, e.judged, e.tier)
}

// tierFlag reads --tier.
func tierFlag(e *env, get *flagGetter) (verdict.Tier, error) {
	tier, err := verdict.ParseTier(get.str("tier"))
	if err != nil {
		return "", e.usagef("--tier: %v", err)
	}
	return tier, nil
}

// writeCriteria writes the criteria block of a text report: one line per
// criterion, PASS or FAIL, its tier, name, observed value and bound, and
// its why on the next line when it has one. Criteria of the judged tier
// come with PASS or FAIL; the others are marked as not judged ("pass",
// "fail" in lower case).
func writeCriteria(w io.Writer, rs []verdict.Result, judged verdict.Tier) {
	if len(rs) == 0 {
		return
	}
	v := verdict.Judge(rs, judged)
	if v.Judged == 0 {
		fmt.Fprintf(w, "\ncriteria: none %s (--tier chooses the tier that decides)\n", judged)
	} else {
		fmt.Fprintf(w, "\ncriteria: %d of %d %s hold\n", v.Judged-v.Failed, v.Judged, judged)
	}
	lines := make([]verdict.Line, len(rs))
	for i, r := range rs {
		lines[i] = verdict.Line{Cells: []string{passWord(r, judged), string(r.Tier), r.Name, "observed " + r.Observation(), r.Bound()}}
		if r.Why != "" {
			lines[i].Note = "why: " + r.Why
		}
	}
	verdict.WriteLines(w, "  ", lines)
}

// passWord is PASS or FAIL for a criterion of the judged tier, pass or
// fail for one reported only.
func passWord(r verdict.Result, judged verdict.Tier) string {
	word := "FAIL"
	if r.Pass {
		word = "PASS"
	}
	if r.Tier != judged {
		return strings.ToLower(word)
	}
	return word
}
