package compare

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/esgtsim/esgtsim/inference"
	"github.com/esgtsim/esgtsim/sweep"
)

// WriteText writes the comparison for people, in the spirit of benchstat:
// a header naming both sides and the seeds, then one row per metric with
// each side's mean ± half-width, the difference B − A ± half-width, the
// relative change (or "~" when the interval of the difference covers 0:
// no evidence of a change), both p-values and n.
func (r *Result) WriteText(w io.Writer) error {
	fmt.Fprintf(w, "A: %s\n", describe(r.A.Scenario, r.A.Overrides))
	fmt.Fprintf(w, "B: %s\n", describe(r.B.Scenario, r.B.Overrides))
	fmt.Fprintf(w, "seeds %s, the same for A and B; %s%% intervals; ~ marks a difference whose interval covers 0\n",
		SeedList(r.Seeds), strconv.FormatFloat(100*r.Confidence, 'f', -1, 64))
	if p := r.Precision; p != nil {
		target := strconv.FormatFloat(100*p.Target, 'f', -1, 64)
		if p.Met {
			fmt.Fprintf(w, "precision: every interval of B − A within ±%s%% of A's mean after %d seeds\n", target, p.Seeds)
		} else {
			fmt.Fprintf(w, "precision: NOT reached at the cap of %d seeds: %s still wider than ±%s%% of A's mean\n", p.MaxSeeds, strings.Join(p.Unmet, ", "), target)
		}
		if len(p.Undefined) > 0 {
			fmt.Fprintf(w, "precision: no seed defines %s\n", strings.Join(p.Undefined, ", "))
		}
	}
	fmt.Fprintln(w)
	rows := [][]string{{"metric", "A", "B", "B − A", "change", "p (t-test)", "p (Wilcoxon)", "n"}}
	for _, m := range r.Metrics {
		c := m.Comparison
		change := "~"
		if !c.Covers0() {
			change = percent(c.RelChange)
		}
		n := strconv.Itoa(m.N)
		if m.N < len(r.Seeds) {
			n = fmt.Sprintf("%d of %d", m.N, len(r.Seeds))
		}
		sides := inference.Decimals(smallestPositive(m.EstA.HalfWidth, m.EstB.HalfWidth), math.Max(math.Abs(m.EstA.Mean), math.Abs(m.EstB.Mean)), m.Kind == sweep.Int)
		diffHalf := (c.High - c.Low) / 2
		side := func(e inference.Estimate) string {
			if e.HalfWidth == 0 {
				return plusMinus(e.Mean, 0, inference.Decimals(0, e.Mean, m.Kind == sweep.Int), false)
			}
			return plusMinus(e.Mean, e.HalfWidth, sides, false)
		}
		rows = append(rows, []string{m.Metric, side(m.EstA), side(m.EstB),
			plusMinus(c.Diff, diffHalf, inference.Decimals(diffHalf, c.Diff, m.Kind == sweep.Int), true),
			change, pValue(c.PT), pValue(c.PWilcoxon), n})
	}
	return writeTable(w, rows)
}

// writeTable writes rows as columns two spaces apart, the first column
// aligned left and the others right.
func writeTable(w io.Writer, rows [][]string) error {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			switch {
			case i == 0:
				b.WriteString(cell + pad)
			default:
				b.WriteString("  " + pad + cell)
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// describe names one side: the scenario and its overrides as --set flags.
func describe(scenario string, overrides []string) string {
	var b strings.Builder
	b.WriteString(scenario)
	for _, o := range overrides {
		fmt.Fprintf(&b, " --set %s", o)
	}
	return b.String()
}

// SeedList writes seeds compactly: runs of consecutive seeds as A..B.
func SeedList(seeds []uint64) string {
	var parts []string
	for i := 0; i < len(seeds); {
		j := i
		for j+1 < len(seeds) && seeds[j+1] == seeds[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d..%d", seeds[i], seeds[j]))
		} else {
			parts = append(parts, strconv.FormatUint(seeds[i], 10))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// plusMinus writes "mean ± half", with a sign on the mean for differences;
// "–" when there is no value and just the mean when there is no interval.
func plusMinus(mean, half float64, digits int, signed bool) string {
	if math.IsNaN(mean) {
		return "–"
	}
	s := strconv.FormatFloat(mean, 'f', digits, 64)
	if signed && mean > 0 {
		s = "+" + s
	}
	if strings.HasPrefix(s, "-") && strings.Trim(s, "-0.") == "" {
		s = s[1:] // negative zero after rounding
	}
	if math.IsNaN(half) {
		return s
	}
	return s + " ± " + strconv.FormatFloat(half, 'f', digits, 64)
}

// smallestPositive returns the smallest of a and b that is positive, or 0.
func smallestPositive(a, b float64) float64 {
	switch {
	case a > 0 && b > 0:
		return math.Min(a, b)
	case a > 0:
		return a
	case b > 0:
		return b
	}
	return 0
}

func percent(rel float64) string {
	if math.IsNaN(rel) {
		return "–"
	}
	return fmt.Sprintf("%+.1f%%", 100*rel)
}

func pValue(p float64) string {
	if math.IsNaN(p) {
		return "–"
	}
	if p < 0.001 && p > 0 {
		return "<0.001"
	}
	return strconv.FormatFloat(p, 'f', 3, 64)
}
