package plots

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Figure sizes: every figure is figureWidth wide and panelHeight tall per
// panel.
const (
	figureWidth = 10 * vg.Inch
	panelHeight = 4.2 * vg.Inch
)

// sans is the font of every text in the figures.
const sans = "Sans"

// legendGap is the space between a panel's data area and its legend, which
// is drawn outside, to the right, so that it never hides data.
const legendGap = 10

// newPlot returns a plot with the package's title, axis labels, ticks and
// fonts.
func newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = 13
	p.Title.Padding = 6
	p.X.Label.Text, p.Y.Label.Text = xLabel, yLabel
	p.X.Label.TextStyle.Font.Size, p.Y.Label.TextStyle.Font.Size = 12, 12
	p.X.Tick.Label.Font.Size, p.Y.Tick.Label.Font.Size = 11, 11
	p.X.Tick.Marker, p.Y.Tick.Marker = linearTicks{}, linearTicks{}
	p.Legend.TextStyle.Font.Size = 11
	p.Legend.Padding = 3
	for _, f := range []*font.Font{
		&p.Title.TextStyle.Font, &p.X.Label.TextStyle.Font, &p.Y.Label.TextStyle.Font,
		&p.X.Tick.Label.Font, &p.Y.Tick.Label.Font, &p.Legend.TextStyle.Font,
	} {
		f.Variant = sans
	}
	return p
}

// render draws the panels one above the other, with aligned axes and their
// legends in a common strip on the right, on a canvas of the given format,
// and writes it to w.
func render(w io.Writer, f Format, panels ...*plot.Plot) error {
	c, err := draw.NewFormattedCanvas(figureWidth, panelHeight*vg.Length(len(panels)), string(f))
	if err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	dc := draw.New(c)
	var strip vg.Length
	for _, p := range panels {
		if r := p.Legend.Rectangle(dc); r.Size().X > 0 {
			strip = max(strip, r.Size().X+legendGap)
		}
	}
	for _, p := range panels {
		p.Legend.Left, p.Legend.Top, p.Legend.XOffs = false, true, strip
		p.Title.Text = wrap(p.Title.TextStyle, p.Title.Text, figureWidth-strip-40)
	}
	rows := make([][]*plot.Plot, len(panels))
	for i, p := range panels {
		rows[i] = []*plot.Plot{p}
	}
	tiles := draw.Tiles{Rows: len(panels), Cols: 1, PadTop: 4, PadBottom: 4, PadLeft: 4, PadRight: 8 + strip, PadY: 14}
	canvases := plot.Align(rows, tiles, dc)
	for i, p := range panels {
		p.Draw(canvases[i][0])
	}
	// Render to memory first so that a failure never leaves half a file.
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return fmt.Errorf("plots: encode %s: %w", f, err)
	}
	out := buf.Bytes()
	if f == SVG {
		out = withFontFallback(out)
	}
	_, err = w.Write(out)
	return err
}

// wrap breaks the lines of s at spaces so that none is wider than width in
// style sty (a single word wider than width stays whole).
func wrap(sty text.Style, s string, width vg.Length) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		cur := ""
		for _, word := range strings.Fields(line) {
			switch {
			case cur == "":
				cur = word
			case sty.Width(cur+" "+word) <= width:
				cur += " " + word
			default:
				out = append(out, cur)
				cur = word
			}
		}
		out = append(out, cur)
	}
	return strings.Join(out, "\n")
}

// lineStyle returns a solid line style.
func lineStyle(c color.Color, width vg.Length) draw.LineStyle {
	return draw.LineStyle{Color: c, Width: width}
}

// dashed returns a dashed line style.
func dashed(c color.Color, width vg.Length) draw.LineStyle {
	return draw.LineStyle{Color: c, Width: width, Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
}

// textStyle returns the default text style at size points.
func textStyle(size vg.Length, c color.Color) text.Style {
	return text.Style{
		Color:   c,
		Font:    font.Font{Typeface: plot.DefaultFont.Typeface, Variant: sans, Size: size},
		Handler: plot.DefaultTextHandler,
	}
}

// markLines are vertical lines across the data area at Xs, each with its
// label (if not empty) written along it, near the top edge. A label goes
// on the left of its line, or on the right if it would overlap the
// previous label.
type markLines struct {
	Xs     []float64
	Labels []string
	Style  draw.LineStyle
}

// Plot implements plot.Plotter.
func (m *markLines) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	sty := textStyle(10, m.Style.Color)
	sty.Rotation = math.Pi / 2 // reads upwards, along the line
	prevRight := c.Min.X - 1000
	for i, v := range m.Xs {
		x := trX(v)
		if !c.ContainsX(x) {
			continue
		}
		c.StrokeLine2(m.Style, x, c.Min.Y, x, c.Max.Y)
		label := m.Labels[i]
		if label == "" {
			continue
		}
		w, h := sty.Width(label), sty.Height(label)
		left := x - 2 - h
		if left < prevRight+1 || left < c.Min.X {
			left = x + 2
		}
		prevRight = left + h
		// Unrotated, the text runs right from its anchor; rotated a quarter
		// turn, it runs up from it, to 3 points below the top.
		y0 := c.Max.Y - 3 - w
		box := []vg.Point{{X: left - 1, Y: y0 - 1}, {X: left + h + 1, Y: y0 - 1}, {X: left + h + 1, Y: y0 + w + 1}, {X: left - 1, Y: y0 + w + 1}}
		c.FillPolygon(color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xd8}, box)
		st := sty
		st.XAlign, st.YAlign = draw.XLeft, draw.YTop
		c.FillText(st, vg.Point{X: left, Y: y0}, label)
	}
}

// hLine is a horizontal line across the data area at Y.
type hLine struct {
	Y     float64
	Style draw.LineStyle
}

// Plot implements plot.Plotter.
func (l *hLine) Plot(c draw.Canvas, p *plot.Plot) {
	_, trY := p.Transforms(&c)
	if y := trY(l.Y); c.ContainsY(y) {
		c.StrokeLine2(l.Style, c.Min.X, y, c.Max.X, y)
	}
}

// DataRange implements plot.DataRanger, so that the line is always in view.
func (l *hLine) DataRange() (xmin, xmax, ymin, ymax float64) {
	return math.Inf(1), math.Inf(-1), l.Y, l.Y
}

// Thumbnail implements plot.Thumbnailer.
func (l *hLine) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	c.StrokeLine2(l.Style, c.Min.X, y, c.Max.X, y)
}

// xSpan shades the data area between X0 and X1, with an optional label at
// the bottom.
type xSpan struct {
	X0, X1 float64
	Color  color.Color
	Label  string
}

// Plot implements plot.Plotter.
func (s *xSpan) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	x0, x1 := max(trX(s.X0), c.Min.X), min(trX(s.X1), c.Max.X)
	if x1 <= x0 {
		return
	}
	c.FillPolygon(s.Color, []vg.Point{{X: x0, Y: c.Min.Y}, {X: x1, Y: c.Min.Y}, {X: x1, Y: c.Max.Y}, {X: x0, Y: c.Max.Y}})
	if s.Label != "" {
		sty := textStyle(9, color.Gray{Y: 0x55})
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YBottom
		if sty.Width(s.Label) < x1-x0 {
			c.FillText(sty, vg.Point{X: (x0 + x1) / 2, Y: c.Min.Y + 3}, s.Label)
		}
	}
}

// Thumbnail implements plot.Thumbnailer.
func (s *xSpan) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.Color, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
}

// note writes Text in the middle of the data area: what a reader must know
// when a panel has no data or its data needs a caveat.
type note struct {
	Text string
}

// Plot implements plot.Plotter.
func (n *note) Plot(c draw.Canvas, _ *plot.Plot) {
	sty := textStyle(13, color.Gray{Y: 0x40})
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	c.FillText(sty, c.Center(), n.Text)
}

// empty makes p a panel without data: unit ranges, no tick labels, and msg
// in the middle saying why.
func empty(p *plot.Plot, msg string) {
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.X.Tick.Marker, p.Y.Tick.Marker = plot.ConstantTicks{}, plot.ConstantTicks{}
	p.Add(&note{Text: msg})
}

// legendSwatch is a filled square for legend entries of filled areas.
type legendSwatch struct{ Color color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s legendSwatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.Color, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
}

// newLine returns a line plotter through xs and ys.
func newLine(xs, ys []float64, sty draw.LineStyle) (*plotter.Line, error) {
	xy := make(plotter.XYs, len(xs))
	for i := range xs {
		xy[i] = plotter.XY{X: xs[i], Y: ys[i]}
	}
	l, err := plotter.NewLine(xy)
	if err != nil {
		return nil, fmt.Errorf("plots: %w", err)
	}
	l.LineStyle = sty
	return l, nil
}
