package plots

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"

	"github.com/esgtsim/esgtsim/model/esgt"
)

// arousalFigure returns the panel of arousal, its target and the salience
// threshold over virtual time, with successful ignitions as ticks.
func (c *Collector) arousalFigure() ([]*plot.Plot, error) {
	title := fmt.Sprintf("%s (seed %d): arousal and salience threshold over virtual time", c.name, c.seed)
	if !c.arousalOn || c.arousal.empty() {
		title += fmt.Sprintf("\nno arousal controller (arousal.enabled = false): fixed arousal %g, fixed threshold %g",
			c.fixedArousal, c.fixedThreshold)
	}
	p := newPlot(title, "virtual time (s)", "arousal, salience threshold (0–1)")
	p.X.Min, p.X.Max = 0, c.span().Seconds()
	p.Y.Min, p.Y.Max = 0, 1

	if c.arousalOn && !c.arousal.empty() {
		for _, s := range []struct {
			name  string
			s     *series
			style draw.LineStyle
		}{
			{"arousal target", c.arTarget, dashed(targetColor, 1.2)},
			{"arousal", c.arousal, lineStyle(arousalColor, 1.8)},
			{"salience threshold (min_salience)", c.threshold, lineStyle(thresholdColor, 1.8)},
		} {
			pts := s.s.points()
			xs, ys := make([]float64, len(pts)), make([]float64, len(pts))
			for i, pt := range pts {
				xs[i], ys[i] = pt.t.Seconds(), pt.v
			}
			l, err := newLine(xs, ys, s.style)
			if err != nil {
				return nil, err
			}
			p.Add(l)
			p.Legend.Add(s.name, l)
		}
	} else {
		a := &hLine{Y: c.fixedArousal, Style: lineStyle(arousalColor, 1.8)}
		th := &hLine{Y: c.fixedThreshold, Style: lineStyle(thresholdColor, 1.8)}
		p.Add(a, th)
		p.Legend.Add("fixed arousal (triggers.fixed_arousal)", a)
		p.Legend.Add("fixed threshold (triggers.min_salience)", th)
	}

	ok := int(esgt.Success)
	ticks := &binTicks{Width: c.outcomes.width.Seconds(), Height: 0.05, Style: lineStyle(reasonColor(esgt.Success), 1.2)}
	for i := range c.outcomes.bins() {
		if c.outcomes.at(ok, i) > 0 {
			ticks.Bins = append(ticks.Bins, i)
		}
	}
	p.Add(ticks)
	p.Legend.Add(fmt.Sprintf("successful ignitions (%s), by start", formatCount(c.outcomes.total(ok))), ticks)
	return []*plot.Plot{p}, nil
}

// binTicks draws a vertical tick from y = 0 to Height at the centre of
// each listed time bin.
type binTicks struct {
	Bins   []int
	Width  float64 // of a bin, in x units
	Height float64
	Style  draw.LineStyle
}

// Plot implements plot.Plotter.
func (t *binTicks) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	y0, y1 := trY(0), trY(t.Height)
	for _, i := range t.Bins {
		x := trX((float64(i) + 0.5) * t.Width)
		c.StrokeLine2(t.Style, x, y0, x, y1)
	}
}

// Thumbnail implements plot.Thumbnailer.
func (t *binTicks) Thumbnail(c *draw.Canvas) {
	x := (c.Min.X + c.Max.X) / 2
	c.StrokeLine2(t.Style, x, c.Min.Y, x, c.Max.Y)
}
