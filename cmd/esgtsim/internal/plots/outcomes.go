package plots

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/esgtsim/esgtsim/model/esgt"
)

// outcomesFigure returns the raster of requests by outcome reason over
// virtual time and the stacked request rate by reason below it.
func (c *Collector) outcomesFigure() ([]*plot.Plot, error) {
	b := c.outcomes
	width := b.width.Seconds()
	// Rows of the raster, bottom up: the reasons that occurred, success at
	// the bottom as in the stacked rate below it.
	var rows []esgt.Reason
	for _, r := range c.reasons {
		if b.total(int(r)) > 0 {
			rows = append(rows, r)
		}
	}
	title := fmt.Sprintf("%s (seed %d): requests by outcome over virtual time (by arrival), %s requests",
		c.name, c.seed, formatCount(c.requests))
	raster := newPlot(title+fmt.Sprintf("\nraster: one row per outcome, bins of %s, darker = more requests in the bin (log scale)", formatSeconds(width)),
		"virtual time of arrival (s)", "")
	rate := newPlot("request rate by outcome (stacked)", "virtual time of arrival (s)", "requests/s")
	for _, p := range []*plot.Plot{raster, rate} {
		p.X.Min, p.X.Max = 0, c.span().Seconds()
	}
	if len(rows) == 0 {
		for _, p := range []*plot.Plot{raster, rate} {
			empty(p, "no requests")
		}
		return []*plot.Plot{raster, rate}, nil
	}

	labels := make([]string, len(rows))
	cells := &rasterCells{Width: width}
	for y, r := range rows {
		labels[y] = fmt.Sprintf("%s (%s)", r, formatCount(b.total(int(r))))
		cells.Rows = append(cells.Rows, b.counts[r])
		cells.Colors = append(cells.Colors, reasonColor(r))
	}
	raster.NominalY(labels...)
	raster.Y.Min, raster.Y.Max = -0.5, float64(len(rows))-0.5
	raster.Add(cells)

	// Stacked rate: the raster's bins merged so that a bar holds about
	// rateRequestsPerBar requests on average, within [minRateBars,
	// maxRateBars] bars.
	n := b.bins()
	bars := clamp(int(c.requests/rateRequestsPerBar), minRateBars, maxRateBars)
	k := max((n+bars-1)/bars, 1)
	barWidth := width * float64(k)
	stack := &stackedBars{Edges: make([]float64, (n+k-1)/k+1)}
	for i := range stack.Edges {
		stack.Edges[i] = float64(i) * barWidth
	}
	// The last bar ends with the arrivals, not with its bin: its rate is
	// over the time it covers.
	last := len(stack.Edges) - 1
	stack.Edges[last] = math.Max(math.Min(stack.Edges[last], c.arrivals().Seconds()), stack.Edges[last-1]+width)
	var names []string
	for _, r := range rows {
		vs := make([]float64, len(stack.Edges)-1)
		for i := range n {
			vs[i/k] += float64(b.at(int(r), i))
		}
		for i := range vs {
			vs[i] /= stack.Edges[i+1] - stack.Edges[i]
		}
		stack.Values = append(stack.Values, vs)
		stack.Colors = append(stack.Colors, reasonColor(r))
		names = append(names, r.String())
	}
	addStackLegend(rate, stack, names)
	rate.Title.Text = fmt.Sprintf("request rate by outcome, stacked, over bins of %s", formatSeconds(barWidth))
	rate.Add(stack)
	return []*plot.Plot{raster, rate}, nil
}

// Bars of the request rate panel.
const (
	rateRequestsPerBar = 20
	minRateBars        = 10
	maxRateBars        = 100
)

// clamp returns v limited to [lo, hi].
func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

// formatSeconds formats a bin width given in seconds.
func formatSeconds(s float64) string {
	if s < 1 {
		return formatMs(s * 1000)
	}
	return formatNumber(s) + " s"
}

// rasterCells draws, for row y and bin i with a non-zero count, a cell of
// the row's colour over [i·Width, (i+1)·Width), its opacity growing with the
// logarithm of the count relative to the row's largest.
type rasterCells struct {
	Rows   [][]uint64 // counts per bin
	Colors []color.NRGBA
	Width  float64
}

// Plot implements plot.Plotter.
func (r *rasterCells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for y, row := range r.Rows {
		var top uint64
		for _, n := range row {
			top = max(top, n)
		}
		y0, y1 := trY(float64(y)-0.4), trY(float64(y)+0.4)
		for i, n := range row {
			if n == 0 {
				continue
			}
			x0, x1 := trX(float64(i)*r.Width), trX(float64(i+1)*r.Width)
			if x1-x0 < 1 {
				x1 = x0 + 1 // at least a point wide
			}
			a := 1.0
			if top > 1 {
				a = 0.3 + 0.7*math.Log1p(float64(n))/math.Log1p(float64(top))
			}
			pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
			c.FillPolygon(withAlpha(r.Colors[y], a), c.ClipPolygonXY(pts))
		}
	}
}
