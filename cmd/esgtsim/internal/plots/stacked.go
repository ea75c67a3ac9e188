package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// stackedBars draws bars over bins [Edges[i], Edges[i+1]), one stacked
// layer per colour: layer l of bin i spans Values[l][i] on top of the layers
// below it.
type stackedBars struct {
	Edges  []float64
	Values [][]float64 // Values[layer][bin]
	Colors []color.Color
}

// Plot implements plot.Plotter.
func (s *stackedBars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i := range len(s.Edges) - 1 {
		x0, x1 := trX(s.Edges[i]), trX(s.Edges[i+1])
		base := 0.0
		for l, vs := range s.Values {
			v := vs[i]
			if v <= 0 {
				continue
			}
			y0, y1 := trY(base), trY(base+v)
			base += v
			if y1-y0 < 0.5 {
				y1 = y0 + 0.5 // keep a non-zero count visible
			}
			pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
			c.FillPolygon(s.Colors[l], c.ClipPolygonXY(pts))
		}
	}
}

// DataRange implements plot.DataRanger.
func (s *stackedBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	top := 0.0
	for i := range len(s.Edges) - 1 {
		sum := 0.0
		for _, vs := range s.Values {
			sum += vs[i]
		}
		top = math.Max(top, sum)
	}
	return s.Edges[0], s.Edges[len(s.Edges)-1], 0, top
}

// addStackLegend adds one legend entry per layer of s, named by names, from
// the top layer down: in the order a reader sees them.
func addStackLegend(p *plot.Plot, s *stackedBars, names []string) {
	for l := len(names) - 1; l >= 0; l-- {
		p.Legend.Add(names[l], legendSwatch{s.Colors[l]})
	}
}
