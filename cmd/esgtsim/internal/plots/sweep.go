package plots

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/esgtsim/esgtsim/inference"
	"github.com/esgtsim/esgtsim/internal/atomicfile"
)

// Spread is what the bars and band around a sweep plot's means show.
type Spread int

const (
	// CI is the Student-t confidence interval of the mean over seeds.
	CI Spread = iota
	// MinMax is the range of the values over seeds.
	MinMax
)

// ParseSpread parses "ci" or "minmax".
func ParseSpread(s string) (Spread, error) {
	switch s {
	case "ci":
		return CI, nil
	case "minmax":
		return MinMax, nil
	}
	return 0, fmt.Errorf("spread must be ci or minmax, got %q", s)
}

// SweepOptions says what a sweep plot draws.
type SweepOptions struct {
	// X is a parameter column's dotted name, or its last part when that is
	// unambiguous ("refractory_period"); Y is a figure column.
	X, Y   string
	Spread Spread
	// Confidence is the level of the CI spread; 0 means 0.95.
	Confidence float64
	// Title, when set, replaces the title's first line ("Y against X").
	Title string
	// Context, when set, names the scenario and its settings in the
	// title's second line, before the parameters that do not vary; by
	// default the scenario a shard trailer names, if any.
	Context string
}

// RenderSweep reads a sweep's CSV or JSON Lines from data and draws figure
// opt.Y against parameter opt.X in format f to w: the mean over seeds and
// its spread, one line per combination of the other parameters that vary.
// The title names the scenario (when a shard trailer does) and the
// parameters that do not vary. Rows with an error are skipped, and the
// plot says how many.
func RenderSweep(w io.Writer, f Format, data io.Reader, opt SweepOptions) error {
	if _, err := ParseFormat(string(f)); err != nil {
		return err
	}
	if opt.Confidence == 0 {
		opt.Confidence = 0.95
	}
	if err := inference.CheckConfidence(opt.Confidence); err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	t, err := readSweep(data)
	if err != nil {
		return err
	}
	x, err := t.param(opt.X)
	if err != nil {
		return err
	}
	y, err := t.figure(opt.Y)
	if err != nil {
		return err
	}
	d, err := t.collect(x, y)
	if err != nil {
		return err
	}
	d.scenario = t.scenario
	if opt.Context != "" {
		d.scenario = opt.Context
	}
	p, err := d.figure(opt)
	if err != nil {
		return err
	}
	return render(w, f, p)
}

// WriteSweep is RenderSweep to the file path, whose extension (.svg or
// .png) gives the format; the file is written whole or not at all.
func WriteSweep(path string, data io.Reader, opt SweepOptions) error {
	f, err := FormatOf(path)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := RenderSweep(&buf, f, data, opt); err != nil {
		return err
	}
	if err := atomicfile.Write(path, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	return nil
}

// logSweepFactor: positive x values spanning more than this factor get a
// log axis.
const logSweepFactor = 50

// figure draws the sweep: per line, the mean over seeds with points, its
// spread (confidence interval or min–max) as error bars and a shaded band.
func (d *sweepData) figure(opt SweepOptions) (*plot.Plot, error) {
	spread := strconv.FormatFloat(100*opt.Confidence, 'f', -1, 64) + "% confidence interval of the mean"
	if opt.Spread == MinMax {
		spread = "min–max over seeds"
	}
	if d.kind == xCategory {
		spread += " (bars)"
	} else {
		spread += " (bars and band)"
	}
	notes := []string{plural(d.rows, "row")}
	if d.seeds > 0 {
		notes = append(notes, plural(d.seeds, "seed"))
	}
	if d.failed > 0 {
		notes = append(notes, plural(d.failed, "failed cell")+" skipped")
	}
	if d.missing > 0 {
		notes = append(notes, plural(d.missing, "row")+" without a value skipped")
	}
	head := opt.Title
	if head == "" {
		head = fmt.Sprintf("%s against %s", d.y, d.x)
	}
	var context []string
	if d.scenario != "" {
		context = append(context, d.scenario)
	}
	if len(d.fixed) > 0 {
		context = append(context, strings.Join(d.fixed, ", "))
	}
	if len(context) > 0 {
		head += "\n" + strings.Join(context, "; ")
	}
	title := fmt.Sprintf("%s\nmean over seeds (points), %s; %s", head, spread, strings.Join(notes, ", "))
	xLabel := d.x
	if d.kind == xDuration {
		xLabel += " (ms)"
	}
	p := newPlot(title, xLabel, d.y+figureUnit(d.y))

	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range d.lines {
		for _, a := range l.points {
			lo, hi = math.Min(lo, a.x), math.Max(hi, a.x)
		}
	}
	switch {
	case d.kind == xCategory:
		p.NominalX(d.order...)
		p.X.Min, p.X.Max = -0.5, float64(len(d.order))-0.5
	case lo > 0 && hi/lo > logSweepFactor:
		p.X.Scale, p.X.Tick.Marker = plot.LogScale{}, logTicks{}
		p.X.Label.Text += ", log scale"
	}

	for i, l := range d.lines {
		col := seriesColors[i%len(seriesColors)]
		mean := make(plotter.XYs, len(l.points))
		errs := make(plotter.YErrors, len(l.points))
		var band plotter.XYs
		// Categories are not a continuum: no line or band joins them, and
		// the lines' points are set side by side around each category.
		dodge := 0.0
		if d.kind == xCategory {
			dodge = (float64(i) - float64(len(d.lines)-1)/2) * math.Min(0.08, 0.6/float64(len(d.lines)))
		}
		highs := make([]float64, len(l.points))
		for k, a := range l.points {
			m := a.mean()
			lo, hi := a.spread(opt.Spread, opt.Confidence)
			mean[k] = plotter.XY{X: a.x + dodge, Y: m}
			errs[k].Low, errs[k].High = m-lo, hi-m
			band = append(band, plotter.XY{X: a.x, Y: lo})
			highs[k] = hi
		}
		for k := len(l.points) - 1; k >= 0; k-- {
			band = append(band, plotter.XY{X: l.points[k].x, Y: highs[k]})
		}
		if len(l.points) > 1 && d.kind != xCategory {
			poly, err := plotter.NewPolygon(band)
			if err != nil {
				return nil, fmt.Errorf("plots: %w", err)
			}
			poly.Color, poly.LineStyle.Width = withAlpha(col, 0.18), 0
			p.Add(poly)
		}
		bars, err := plotter.NewYErrorBars(struct {
			plotter.XYer
			plotter.YErrorer
		}{mean, errs})
		if err != nil {
			return nil, fmt.Errorf("plots: %w", err)
		}
		bars.LineStyle = lineStyle(col, 1)
		bars.CapWidth = 6
		line, pts, err := plotter.NewLinePoints(mean)
		if err != nil {
			return nil, fmt.Errorf("plots: %w", err)
		}
		line.LineStyle = lineStyle(col, 2)
		pts.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
		p.Add(bars)
		thumbs := []plot.Thumbnailer{pts}
		if d.kind != xCategory {
			p.Add(line)
			thumbs = append(thumbs, line)
		}
		p.Add(pts)
		label := l.label
		if label == "" {
			label = "mean over seeds"
		}
		p.Legend.Add(label, thumbs...)
	}
	roundRange(&p.Y)
	if d.kind != xCategory && p.X.Scale == (plot.LinearScale{}) {
		roundRange(&p.X)
	}
	return p, nil
}

// roundRange widens a linear axis's range to the nearest labelled ticks, so
// that its ends are labelled too.
func roundRange(a *plot.Axis) {
	if !(a.Max > a.Min) {
		return
	}
	step := niceCeil((a.Max - a.Min) / 8)
	a.Min, a.Max = math.Floor(a.Min/step)*step, math.Ceil(a.Max/step)*step
}

// plural returns "1 row", "2 rows".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// figureUnit returns the unit of a sweep figure, from its name, for the
// axis label.
func figureUnit(y string) string {
	switch {
	case strings.HasSuffix(y, "_ms"):
		return " (ms)"
	case strings.HasSuffix(y, "_rate"):
		return " (fraction, 0–1)"
	case strings.HasPrefix(y, "arousal"):
		return " (0–1)"
	}
	return " (count)"
}
