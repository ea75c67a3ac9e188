package suite

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// WriteText writes the report for people: the verdict table by module,
// then each scenario's verdict and its criteria, one line each, with what
// was observed against the bound and, over several seeds, in how many
// they held.
func WriteText(w io.Writer, r *Report) error {
	fmt.Fprintf(w, "%s\n", header(r))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\nmodule\ttests\tpassing\tfailing\tskipped\tpass rate\n")
	for _, m := range append(r.Modules, r.Total) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\n", m.Name, m.Tests, m.Passing, m.Failing, m.Skipped, percent(m.PassRate()))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range r.Scenarios {
		fmt.Fprintf(w, "\n%s  %s (%s)\n", strings.ToUpper(string(s.Status)), s.Name, s.Module)
		if s.Error != "" {
			fmt.Fprintf(w, "  error: %s\n", s.Error)
		}
		lines := make([]verdict.Line, len(s.Criteria))
		for i, t := range s.Criteria {
			lines[i] = verdict.Line{Cells: []string{word(t, r.Tier), string(t.Tier), t.Name, observed(t), t.Result().Bound()}}
			if t.Why != "" {
				lines[i].Note = "why: " + t.Why
			}
		}
		if err := verdict.WriteLines(w, "  ", lines); err != nil {
			return err
		}
	}
	return nil
}

// header says what was judged and how.
func header(r *Report) string {
	n := len(r.Scenarios)
	seeds := "each at its own seed"
	if len(r.Seeds) > 0 {
		seeds = fmt.Sprintf("%d seeds (%s) each, a criterion holds in %s of them", len(r.Seeds), seedList(r.Seeds), quorumText(r.Quorum))
	}
	return fmt.Sprintf("esgtsim suite: %d scenarios judged by their %s criteria, %s", n, r.Tier, seeds)
}

func quorumText(q float64) string {
	if q >= 1 {
		return "all"
	}
	return percent(q)
}

// seedList shows seeds compactly: "1..30", or the list.
func seedList(seeds []uint64) string {
	contiguous := true
	for i := 1; i < len(seeds); i++ {
		contiguous = contiguous && seeds[i] == seeds[i-1]+1
	}
	if contiguous && len(seeds) > 2 {
		return fmt.Sprintf("%d..%d", seeds[0], seeds[len(seeds)-1])
	}
	parts := make([]string, len(seeds))
	for i, s := range seeds {
		parts[i] = fmt.Sprint(s)
	}
	return strings.Join(parts, ",")
}

// word is PASS or FAIL for a criterion of the judged tier, lower case for
// one only reported.
func word(t Tally, tier verdict.Tier) string {
	w := "FAIL"
	if t.Pass {
		w = "PASS"
	}
	if t.Tier != tier {
		return strings.ToLower(w)
	}
	return w
}

// observed shows the observation: the value at one seed, or over several
// the range and in how many seeds the criterion held.
func observed(t Tally) string {
	if t.Seeds <= 1 {
		return "observed " + t.Result().Observation()
	}
	held := fmt.Sprintf("held in %d of %d seeds", t.Held, t.Seeds)
	lo, hi, ok := t.Range()
	switch {
	case !ok:
		return held + ", observed n/a"
	case lo == hi:
		return fmt.Sprintf("%s, observed %s", held, verdict.FormatValue(t.Metric, lo))
	}
	return fmt.Sprintf("%s, observed %s to %s", held, verdict.FormatValue(t.Metric, lo), verdict.FormatValue(t.Metric, hi))
}

func percent(f float64) string {
	if math.IsNaN(f) {
		return "-"
	}
	return fmt.Sprintf("%.0f %%", 100*f)
}
