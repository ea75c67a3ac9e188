package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

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
}

func (e *criteriaError) Error() string {
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
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, r := range rs {
		fmt.Fprintf(tw, "  %s\t%s\t%s\tobserved %s\t%s\n", passWord(r, judged), r.Tier, r.Name, r.Observation(), r.Bound())
		if r.Why != "" {
			fmt.Fprintf(tw, "  \t\twhy: %s\n", r.Why) // trailing text: no column width
		}
	}
	tw.Flush()
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
