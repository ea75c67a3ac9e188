package plots

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/esgtsim/esgtsim/inference"
	"github.com/esgtsim/esgtsim/internal/strictoml"
	"github.com/esgtsim/esgtsim/sweep"
)

// ErrColumn is wrapped by the errors of [RenderSweep] and [WriteSweep]
// when x or y names no column of the CSV: a mistake in the request rather
// than in the data.
var ErrColumn = errors.New("no such column")

// Columns of a sweep CSV that are neither parameters nor figures.
var sweepMetaColumns = []string{"cell", "seed", "digest", "error"}

// sweepTable is a sweep's output: a header, then one record per cell.
// Parameter columns are those whose name holds a dot (a scenario key
// path).
type sweepTable struct {
	header   []string
	params   []string
	rows     [][]string
	lines    []int  // line of each row in the file, for errors
	scenario string // from a shard trailer, when there is one
}

// readSweep reads a sweep's CSV or JSON Lines (see sweep.Table), merged
// or one shard.
func readSweep(r io.Reader) (*sweepTable, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("plots: %w", err)
	}
	var tab sweep.Table
	if err := tab.ReadTable("sweep file", data); err != nil {
		return nil, fmt.Errorf("plots: %w", err)
	}
	t := &sweepTable{header: tab.Columns, params: tab.Params()}
	for _, row := range tab.Rows {
		t.rows, t.lines = append(t.rows, row.Fields), append(t.lines, row.Line)
	}
	if len(tab.Shards) > 0 {
		t.scenario = tab.Shards[0].Scenario
	}
	return t, nil
}

// column returns the index of the column named name, or −1.
func (t *sweepTable) column(name string) int { return slices.Index(t.header, name) }

// param resolves x to a parameter column: its full dotted name, or the
// part after the last dot when that names exactly one parameter.
func (t *sweepTable) param(x string) (string, error) {
	if slices.Contains(t.params, x) {
		return x, nil
	}
	var found []string
	for _, p := range t.params {
		if strings.HasSuffix(p, "."+x) {
			found = append(found, p)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return "", fmt.Errorf("plots: parameter %q is ambiguous: %s: %w", x, strings.Join(found, ", "), ErrColumn)
	case len(t.params) == 0:
		return "", fmt.Errorf("plots: sweep CSV has no parameter column (a column whose name holds a dot): %w", ErrColumn)
	}
	return "", fmt.Errorf("plots: sweep CSV has no parameter %q%s (parameters: %s): %w", x, didYouMean(x, t.params), strings.Join(t.params, ", "), ErrColumn)
}

// figure checks that y names a figure column.
func (t *sweepTable) figure(y string) (string, error) {
	if t.column(y) >= 0 && !strings.Contains(y, ".") && !slices.Contains(sweepMetaColumns, y) {
		return y, nil
	}
	var figs []string
	for _, h := range t.header {
		if !strings.Contains(h, ".") && !slices.Contains(sweepMetaColumns, h) {
			figs = append(figs, h)
		}
	}
	return "", fmt.Errorf("plots: sweep CSV has no figure %q%s (figures: %s): %w", y, didYouMean(y, figs), strings.Join(figs, ", "), ErrColumn)
}

// didYouMean returns ", did you mean X?" for the column nearest to name,
// or "".
func didYouMean(name string, columns []string) string {
	if best, ok := strictoml.Closest(name, columns); ok {
		return fmt.Sprintf("; did you mean %s?", best)
	}
	return ""
}

// xKind is how a parameter's values are placed on the x axis.
type xKind int

const (
	xNumber   xKind = iota // plain numbers
	xDuration              // Go durations ("50ms"), shown in milliseconds
	xCategory              // anything else, one evenly spaced slot per value
)

// classify returns how the values of a parameter are plotted.
func classify(values []string) xKind {
	number, duration := true, true
	for _, v := range values {
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			number = false
		}
		if _, err := time.ParseDuration(v); err != nil {
			duration = false
		}
	}
	switch {
	case number:
		return xNumber
	case duration:
		return xDuration
	}
	return xCategory
}

// xValue converts a parameter value of kind k to its x coordinate;
// categories are numbered by first appearance in order.
func xValue(v string, k xKind, order []string) float64 {
	switch k {
	case xNumber:
		f, _ := strconv.ParseFloat(v, 64)
		return f
	case xDuration:
		d, _ := time.ParseDuration(v)
		return float64(d) / float64(time.Millisecond)
	}
	return float64(slices.Index(order, v))
}

// aggregate is the values of a figure over the seeds of one x value of
// one line.
type aggregate struct {
	x        float64
	values   []float64
	min, max float64
}

func (a *aggregate) add(v float64) {
	if len(a.values) == 0 {
		a.min, a.max = v, v
	}
	a.values = append(a.values, v)
	a.min, a.max = math.Min(a.min, v), math.Max(a.max, v)
}

func (a *aggregate) mean() float64 { return inference.Mean(a.values, 0.95).Mean }

// spread returns the low and high ends of the bars and band around the
// mean: the confidence interval of the mean (no spread from one value),
// or the minimum and maximum.
func (a *aggregate) spread(s Spread, confidence float64) (lo, hi float64) {
	if s == MinMax {
		return a.min, a.max
	}
	e := inference.Mean(a.values, confidence)
	if math.IsNaN(e.HalfWidth) {
		return e.Mean, e.Mean
	}
	return e.Low(), e.High()
}

// sweepLine is one line of the sweep plot: a combination of the other
// parameters' values, with its points in x order.
type sweepLine struct {
	label  string
	points []*aggregate
}

// sweepData is what the sweep plot draws.
type sweepData struct {
	x, y     string
	kind     xKind
	order    []string // category values, for xCategory
	lines    []*sweepLine
	fixed    []string // "name=value" of the parameters with one value
	scenario string   // the scenario's name, when the file says it
	rows     int      // rows plotted
	seeds    int      // distinct seeds among them
	failed   int      // rows skipped for their error
	missing  int      // rows without a value of x or y
}

// collect groups the rows by the other parameters and aggregates y over
// seeds at each value of x.
func (t *sweepTable) collect(x, y string) (*sweepData, error) {
	xi, yi, ei, si := t.column(x), t.column(y), t.column("error"), t.column("seed")
	d := &sweepData{x: x, y: y}
	var xs []string
	var keep []int
	for i, rec := range t.rows {
		switch {
		case ei >= 0 && rec[ei] != "":
			d.failed++
		case rec[xi] == "" || rec[yi] == "":
			d.missing++
		default:
			keep = append(keep, i)
			if !slices.Contains(xs, rec[xi]) {
				xs = append(xs, rec[xi])
			}
		}
	}
	if len(keep) == 0 {
		return nil, fmt.Errorf("plots: no row of the sweep CSV has a value of both %s and %s (%d failed, %d missing)", x, y, d.failed, d.missing)
	}
	d.kind = classify(xs)
	if d.kind == xCategory {
		d.order = xs
	}
	var others []string
	for _, p := range t.params {
		if p != x && len(t.distinct(p, keep)) > 1 {
			others = append(others, p)
		}
	}
	for _, p := range t.params {
		if vs := t.distinct(p, keep); p != x && len(vs) == 1 {
			d.fixed = append(d.fixed, shortName(p, t.params)+"="+vs[0])
		}
	}
	lines := map[string]*sweepLine{}
	points := map[string]*aggregate{}
	seeds := map[string]bool{}
	for _, i := range keep {
		rec := t.rows[i]
		v, err := strconv.ParseFloat(rec[yi], 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("plots: sweep CSV line %d: %s = %q is not a finite number", t.lines[i], y, rec[yi])
		}
		var parts []string
		for _, p := range others {
			parts = append(parts, shortName(p, t.params)+"="+rec[t.column(p)])
		}
		key := strings.Join(parts, ", ")
		l, ok := lines[key]
		if !ok {
			l = &sweepLine{label: key}
			lines[key] = l
			d.lines = append(d.lines, l)
		}
		pk := key + "\x00" + rec[xi]
		a, ok := points[pk]
		if !ok {
			a = &aggregate{x: xValue(rec[xi], d.kind, d.order)}
			points[pk] = a
			l.points = append(l.points, a)
		}
		a.add(v)
		d.rows++
		if si >= 0 {
			seeds[rec[si]] = true
		}
	}
	for _, l := range d.lines {
		slices.SortStableFunc(l.points, func(a, b *aggregate) int { return cmp.Compare(a.x, b.x) })
	}
	d.seeds = len(seeds)
	return d, nil
}

// distinct returns the distinct values of column p among rows, in order.
func (t *sweepTable) distinct(p string, rows []int) []string {
	c := t.column(p)
	var vs []string
	for _, i := range rows {
		if v := t.rows[i][c]; !slices.Contains(vs, v) {
			vs = append(vs, v)
		}
	}
	return vs
}

// shortName returns the part of a parameter path after its last dot, or
// the whole path if another parameter ends the same way.
func shortName(p string, params []string) string {
	short := p[strings.LastIndex(p, ".")+1:]
	for _, q := range params {
		if q != p && strings.HasSuffix(q, "."+short) {
			return p
		}
	}
	return short
}
