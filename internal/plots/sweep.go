package plots

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/esgtsim/esgtsim/internal/atomicfile"
)

// RenderSweep reads a sweep CSV from csvData and draws figure y against
// parameter x in format f to w. x is a parameter column's dotted name, or
// its last part when that is unambiguous ("refractory_period"); y is a
// figure column. Rows with an error are skipped, and the plot says how
// many.
func RenderSweep(w io.Writer, f Format, csvData io.Reader, x, y string) error {
	if _, err := ParseFormat(string(f)); err != nil {
		return err
	}
	t, err := readSweep(csvData)
	if err != nil {
		return err
	}
	if x, err = t.param(x); err != nil {
		return err
	}
	if y, err = t.figure(y); err != nil {
		return err
	}
	d, err := t.collect(x, y)
	if err != nil {
		return err
	}
	p, err := d.figure()
	if err != nil {
		return err
	}
	return render(w, f, p)
}

// WriteSweep is RenderSweep to the file path, whose extension (.svg or
// .png) gives the format; the file is written whole or not at all.
func WriteSweep(path string, csvData io.Reader, x, y string) error {
	f, err := FormatOf(path)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := RenderSweep(&buf, f, csvData, x, y); err != nil {
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

// figure draws the sweep: per line, the mean over seeds with points, the
// min–max range over seeds as error bars and a shaded band.
func (d *sweepData) figure() (*plot.Plot, error) {
	spread := "min–max over seeds (bars and band)"
	if d.kind == xCategory {
		spread = "min–max over seeds (bars)"
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
	title := fmt.Sprintf("%s against %s\nmean over seeds (points), %s; %s", d.y, d.x, spread, strings.Join(notes, ", "))
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
		for k, a := range l.points {
			m := a.mean()
			mean[k] = plotter.XY{X: a.x + dodge, Y: m}
			errs[k].Low, errs[k].High = m-a.min, a.max-m
			band = append(band, plotter.XY{X: a.x, Y: a.min})
		}
		for k := len(l.points) - 1; k >= 0; k-- {
			band = append(band, plotter.XY{X: l.points[k].x, Y: l.points[k].max})
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
