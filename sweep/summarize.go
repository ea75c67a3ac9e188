package sweep

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/esgtsim/esgtsim/inference"
)

// SummaryOptions says how to summarize a sweep's rows.
type SummaryOptions struct {
	// By are the parameter columns that define a combination; rows that
	// differ only in other parameters and the seed are pooled. Nil means
	// every parameter column. A name may be a column's full path or, when
	// that is unambiguous, the part after its last dot.
	By []string
	// Metrics are the figure columns to summarize; nil means every
	// numeric figure column.
	Metrics    []string
	Confidence float64
}

// Summary is the mean of each metric over the seeds of each combination.
type Summary struct {
	By         []string
	Confidence float64
	Rows       []SummaryRow
}

// SummaryRow is one metric of one combination.
type SummaryRow struct {
	Values []string // of the By columns, as written
	Metric string
	// Failed counts the combination's rows that failed (their error is not
	// empty); they are left out of every estimate.
	Failed   int
	Estimate inference.Estimate // over the rows that define the metric
}

// metaColumns are columns that are neither parameters nor figures.
var metaColumns = []string{"cell", "seed", "digest", "error"}

// Summarize groups the rows of t by the By columns and estimates the mean
// of each metric per group with its Student-t interval. Groups come in the
// order of their first row, metrics in column order. A row that repeats
// an earlier row's cell is an error (a shard given twice, or a merged file
// with its shards).
func Summarize(t *Table, opt SummaryOptions) (*Summary, error) {
	if err := inference.CheckConfidence(opt.Confidence); err != nil {
		return nil, err
	}
	by, err := t.resolveBy(opt.By)
	if err != nil {
		return nil, err
	}
	metrics, err := t.resolveMetrics(opt.Metrics)
	if err != nil {
		return nil, err
	}
	if err := t.checkCells(); err != nil {
		return nil, err
	}
	byIdx := make([]int, len(by))
	for i, b := range by {
		byIdx[i] = t.Column(b)
	}
	errIdx := t.Column("error")
	type group struct {
		values  []string
		failed  int
		samples [][]float64 // [metric]
	}
	var groups []*group
	index := map[string]*group{}
	for _, row := range t.Rows {
		values := make([]string, len(byIdx))
		for i, c := range byIdx {
			values[i] = row.Fields[c]
		}
		key := strings.Join(values, "\x00")
		g := index[key]
		if g == nil {
			g = &group{values: values, samples: make([][]float64, len(metrics))}
			index[key] = g
			groups = append(groups, g)
		}
		if errIdx >= 0 && row.Fields[errIdx] != "" {
			g.failed++
			continue
		}
		for m, name := range metrics {
			text := row.Fields[t.Column(name)]
			if text == "" {
				continue
			}
			v, err := strconv.ParseFloat(text, 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%s:%d: %s = %q is not a finite number", row.File, row.Line, name, text)
			}
			g.samples[m] = append(g.samples[m], v)
		}
	}
	s := &Summary{By: by, Confidence: opt.Confidence}
	for _, g := range groups {
		for m, name := range metrics {
			s.Rows = append(s.Rows, SummaryRow{
				Values: g.values, Metric: name, Failed: g.failed,
				Estimate: inference.Mean(g.samples[m], opt.Confidence),
			})
		}
	}
	return s, nil
}

// resolveBy returns the full names of the --by columns.
func (t *Table) resolveBy(by []string) ([]string, error) {
	params := t.Params()
	if by == nil {
		return params, nil
	}
	var out []string
	for _, b := range by {
		var found []string
		for _, p := range params {
			if p == b {
				found = []string{p}
				break
			}
			if strings.HasSuffix(p, "."+b) {
				found = append(found, p)
			}
		}
		switch {
		case len(params) == 0:
			return nil, fmt.Errorf("--by %s: the sweep has no parameter column", b)
		case len(found) == 0:
			return nil, fmt.Errorf("--by %s: no such parameter; the parameters are %s", b, strings.Join(params, ", "))
		case len(found) > 1:
			return nil, fmt.Errorf("--by %s is ambiguous: %s", b, strings.Join(found, ", "))
		case slices.Contains(out, found[0]):
			return nil, fmt.Errorf("--by %s given twice", found[0])
		}
		out = append(out, found[0])
	}
	return out, nil
}

// resolveMetrics returns the metric columns to summarize.
func (t *Table) resolveMetrics(names []string) ([]string, error) {
	var figures []string
	for _, c := range t.Columns {
		if !strings.Contains(c, ".") && !slices.Contains(metaColumns, c) {
			figures = append(figures, c)
		}
	}
	if names == nil {
		return figures, nil
	}
	for _, n := range names {
		if !slices.Contains(figures, n) {
			return nil, fmt.Errorf("--metric %s: the sweep has no such column; its figures are %s", n, strings.Join(figures, ", "))
		}
	}
	return names, nil
}

// checkCells refuses a table in which a cell appears twice.
func (t *Table) checkCells() error {
	ci := t.Column("cell")
	if ci < 0 {
		return nil
	}
	seen := map[string]TableRow{}
	for _, r := range t.Rows {
		if prev, ok := seen[r.Fields[ci]]; ok {
			return fmt.Errorf("cell %s appears twice (%s:%d and %s:%d): a file given twice, or a merged file with its own shards",
				r.Fields[ci], prev.File, prev.Line, r.File, r.Line)
		}
		seen[r.Fields[ci]] = r
	}
	return nil
}

// summaryColumns are the columns of a summary after the By columns.
var summaryColumns = []string{"metric", "n", "failed", "mean", "sd", "ci_low", "ci_high", "half_width"}

// WriteCSV writes the summary as CSV: the By columns, then metric, n,
// failed, mean, sd, ci_low, ci_high and half_width (FloatDecimals
// decimals; empty when undefined).
func (s *Summary) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(append(slices.Clone(s.By), summaryColumns...))
	for _, r := range s.Rows {
		cw.Write(append(slices.Clone(r.Values), r.fields()...))
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSONL writes one JSON object per row, with the keys of WriteCSV;
// the By values are strings, undefined figures null.
func (s *Summary) WriteJSONL(w io.Writer) error {
	var b bytes.Buffer
	for _, r := range s.Rows {
		b.WriteByte('{')
		for i, by := range s.By {
			b.Write(jsonString(by))
			b.WriteByte(':')
			b.Write(jsonString(r.Values[i]))
			b.WriteByte(',')
		}
		for i, f := range r.fields() {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(jsonString(summaryColumns[i]))
			b.WriteByte(':')
			switch {
			case i == 0:
				b.Write(jsonString(f))
			case f == "":
				b.WriteString("null")
			default:
				b.WriteString(f)
			}
		}
		b.WriteString("}\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

func (r SummaryRow) fields() []string {
	e := r.Estimate
	return []string{r.Metric, strconv.Itoa(e.N), strconv.Itoa(r.Failed),
		formatFloat(e.Mean), formatFloat(e.SD), formatFloat(e.Low()), formatFloat(e.High()), formatFloat(e.HalfWidth)}
}

// WriteText writes the summary for people: one line per combination and
// metric with the mean ± the interval's half-width, the standard
// deviation and n, rounded to the digits the interval supports.
func (s *Summary) WriteText(w io.Writer) error {
	fmt.Fprintf(w, "mean ± half-width of the %s%% Student-t interval over the seeds of each combination\n\n",
		strconv.FormatFloat(100*s.Confidence, 'f', -1, 64))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\n", strings.Join(append(slices.Clone(s.By), "metric", "mean ± half-width", "sd", "n", "failed"), "\t"))
	for _, r := range s.Rows {
		e := r.Estimate
		mean := "–"
		sd := "–"
		if !math.IsNaN(e.Mean) {
			d := inference.Decimals(e.HalfWidth, e.Mean, isWhole(e))
			mean = strconv.FormatFloat(e.Mean, 'f', d, 64)
			if !math.IsNaN(e.HalfWidth) {
				mean += " ± " + strconv.FormatFloat(e.HalfWidth, 'f', d, 64)
				sd = strconv.FormatFloat(e.SD, 'f', d, 64)
			}
		}
		fmt.Fprintf(tw, "%s\n", strings.Join(append(slices.Clone(r.Values), r.Metric, mean, sd, strconv.Itoa(e.N), strconv.Itoa(r.Failed)), "\t"))
	}
	return tw.Flush()
}

// isWhole reports whether an estimate with no spread has a whole mean.
func isWhole(e inference.Estimate) bool { return e.Mean == math.Trunc(e.Mean) }
