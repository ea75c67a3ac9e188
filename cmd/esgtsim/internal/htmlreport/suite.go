package htmlreport

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/esgtsim/esgtsim/scenarios/suite"
	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// Suite is what the report of a suite shows.
type Suite struct {
	// Report is the judged suite.
	Report *suite.Report
	// Runs are the runs shown in detail, one per scenario of Report and
	// in its order: each scenario's run at its first seed. A Run without
	// a Summary (the scenario's run failed) shows the verdict alone.
	Runs []Run
	// Command is the command line that reproduces the suite.
	Command string
}

// WriteSuite writes the HTML report of s to w; version is esgtsim's. The
// page opens with the suite's verdict, the verdict table by module and the
// list of scenarios; then each scenario's criteria judged over its seeds,
// with its run at the first seed (outcomes, latency, figures,
// configuration) in a collapsed section. Like WriteRun, it writes all of
// the page or nothing.
func WriteSuite(w io.Writer, s Suite, version string) error {
	rep := s.Report
	if len(s.Runs) != len(rep.Scenarios) {
		return fmt.Errorf("htmlreport: %d runs for %d scenarios", len(s.Runs), len(rep.Scenarios))
	}
	sv := &suiteView{
		Title:   fmt.Sprintf("esgtsim suite: %d scenarios", len(rep.Scenarios)),
		Verdict: suiteVerdict(rep),
		Tier:    string(rep.Tier),
		Seeds:   "each scenario's own",
		Version: version,
		Command: s.Command,
	}
	if rep.Seeds != nil {
		sv.Seeds = formatSeeds(rep.Seeds)
	}
	if rep.Quorum < 1 {
		sv.Quorum = fmt.Sprintf("%g: a criterion passes when it held in at least %g %% of the seeds", rep.Quorum, 100*rep.Quorum)
	}
	for _, m := range rep.Modules {
		sv.Modules = append(sv.Modules, moduleRowOf(m))
	}
	total := moduleRowOf(rep.Total)
	sv.Total = &total
	p := page{
		Title:   fmt.Sprintf("%s: %s", sv.Verdict.Word, sv.Title),
		Version: version,
		Suite:   sv,
	}
	ids := map[string]bool{}
	for i, sc := range rep.Scenarios {
		v, err := scenarioView(sc, s.Runs[i], rep.Tier, uniqueID(ids, anchor(sc.Name)))
		if err != nil {
			return err
		}
		row := scenarioRow{ID: v.ID, Name: sc.Name, Module: sc.Module, Word: v.Verdict.Word, Class: v.Verdict.Class, Error: sc.Error}
		for _, t := range sc.Failed(rep.Tier) {
			row.Failed = append(row.Failed, t.Name)
		}
		sv.Scenarios = append(sv.Scenarios, row)
		p.Runs = append(p.Runs, v)
	}
	return p.write(w)
}

// uniqueID returns id, or id with the first suffix -2, -3... that makes
// it unique among the ids used so far, and marks it used: scenario names
// are unique, but "Load full" and "load-full" have the same anchor.
func uniqueID(used map[string]bool, id string) string {
	u := id
	for n := 2; used[u]; n++ {
		u = id + "-" + strconv.Itoa(n)
	}
	used[u] = true
	return u
}

// scenarioView is a scenario of a suite: its verdict and criteria over its
// seeds, and its run in detail if it has one; id prefixes its element ids.
func scenarioView(sc suite.Scenario, run Run, tier verdict.Tier, id string) (runView, error) {
	var v runView
	if run.Summary != nil {
		var err error
		if v, err = newRunView(run, id); err != nil {
			return v, err
		}
	} else {
		v = runView{ID: id, Name: sc.Name, File: sc.File, Description: sc.Description}
	}
	v.InSuite, v.Module, v.Error, v.Tier = true, sc.Module, sc.Error, tier
	v.Seeds = v.Seeds[:0]
	for i, seed := range sc.Seeds {
		v.Seeds = append(v.Seeds, seedRun{Seed: seed, Digest: sc.Digests[i]})
	}
	v.Verdict = scenarioVerdict(sc, tier)
	v.Criteria = v.Criteria[:0]
	for _, t := range sc.Criteria {
		_, rows := judge([]verdict.Result{t.Result()}, tier)
		c := rows[0]
		c.Observed = observedRange(t)
		if len(sc.Seeds) > 1 {
			c.Held = fmt.Sprintf("%d of %d seeds", t.Held, t.Seeds)
		}
		v.Criteria = append(v.Criteria, c)
	}
	return v, nil
}

// scenarioVerdict is a scenario's verdict as its status says.
func scenarioVerdict(sc suite.Scenario, tier verdict.Tier) verdictView {
	judged, failed := 0, len(sc.Failed(tier))
	for _, t := range sc.Criteria {
		if t.Tier == tier {
			judged++
		}
	}
	switch sc.Status {
	case suite.Pass:
		return verdictView{Word: "PASS", Class: "pass", Detail: fmt.Sprintf("%d of %d %s criteria hold", judged, judged, tier)}
	case suite.Fail:
		return verdictView{Word: "FAIL", Class: "fail", Detail: fmt.Sprintf("%d of %d %s criteria failed", failed, judged, tier)}
	case suite.Error:
		return verdictView{Word: "ERROR", Class: "fail", Detail: "a run failed"}
	}
	return verdictView{Word: "SKIPPED", Class: "none", Detail: fmt.Sprintf("no %s criterion", tier)}
}

// suiteVerdict is PASS when no scenario failed or broke.
func suiteVerdict(rep *suite.Report) verdictView {
	t := rep.Total
	judged := t.Tests - t.Skipped
	skipped := ""
	if t.Skipped > 0 {
		skipped = fmt.Sprintf("; %d skipped (no %s criterion)", t.Skipped, rep.Tier)
	}
	switch {
	case judged == 0:
		return verdictView{Word: "NO CRITERIA", Class: "none", Detail: fmt.Sprintf("no scenario has a %s criterion", rep.Tier)}
	case rep.Pass():
		return verdictView{Word: "PASS", Class: "pass", Detail: fmt.Sprintf("%d of %d scenarios pass%s", t.Passing, judged, skipped)}
	}
	errors := ""
	if t.Errors > 0 {
		errors = fmt.Sprintf(", %d of them because a run failed", t.Errors)
	}
	return verdictView{Word: "FAIL", Class: "fail", Detail: fmt.Sprintf("%d of %d scenarios failed%s%s", t.Failing, judged, errors, skipped)}
}

func moduleRowOf(m suite.Module) moduleRow {
	rate := "n/a"
	if r := m.PassRate(); !math.IsNaN(r) {
		rate = strconv.FormatFloat(100*r, 'f', 0, 64) + " %"
	}
	return moduleRow{Name: m.Name, Tests: m.Tests, Passing: m.Passing, Failing: m.Failing, Skipped: m.Skipped, Errors: m.Errors, PassRate: rate}
}

// observedRange formats a criterion's observations over the seeds: the
// one value, or the smallest and largest.
func observedRange(t suite.Tally) string {
	lo, hi, ok := t.Range()
	switch {
	case !ok:
		return "n/a (no observation)"
	case lo == hi:
		return verdict.FormatValue(t.Metric, lo)
	}
	return verdict.FormatValue(t.Metric, lo) + " to " + verdict.FormatValue(t.Metric, hi)
}

// formatSeeds writes seeds as a range when they are consecutive.
func formatSeeds(seeds []uint64) string {
	consecutive := len(seeds) > 2
	for i := 1; i < len(seeds) && consecutive; i++ {
		consecutive = seeds[i] == seeds[i-1]+1
	}
	if consecutive {
		return fmt.Sprintf("%d..%d (%d seeds)", seeds[0], seeds[len(seeds)-1], len(seeds))
	}
	parts := make([]string, len(seeds))
	for i, s := range seeds {
		parts[i] = strconv.FormatUint(s, 10)
	}
	return strings.Join(parts, ", ")
}

// suiteView is the head of a suite's page: its verdict, the verdict table
// by module and the list of scenarios, each linked to its section.
type suiteView struct {
	Title     string
	Verdict   verdictView
	Tier      string
	Seeds     string // "each scenario's own" or the list
	Quorum    string // "" when every seed must hold
	Version   string
	Command   string
	Modules   []moduleRow
	Total     *moduleRow
	Scenarios []scenarioRow
}

// moduleRow is one row of the verdict table.
type moduleRow struct {
	Name                                     string
	Tests, Passing, Failing, Skipped, Errors int
	PassRate                                 string
}

// scenarioRow is one line of the list of scenarios.
type scenarioRow struct {
	ID, Name, Module string
	Word, Class      string // PASS, FAIL, SKIPPED, ERROR and their class
	Failed           []string
	Error            string
}
