package plots

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/stats"
	"github.com/esgtsim/esgtsim/model/esgt"
)

// Latency figure parameters.
const (
	latencyBins   = 50  // histogram bins
	cdfPoints     = 400 // points of each CDF curve
	logSpanFactor = 20  // positive latencies spanning more than this get a log axis
)

// latencyFigure returns the histogram and CDF panels of the latency from
// arrival to outcome.
func (c *Collector) latencyFigure() ([]*plot.Plot, error) {
	zero := c.all.Histogram([]int64{1})[0] // latencies of exactly 0
	head := fmt.Sprintf("%s (seed %d): latency from arrival to outcome, %s requests", c.name, c.seed, formatCount(c.requests))
	if zero > 0 {
		head += fmt.Sprintf("\n%s (%s) rejected at arrival (0 ms) are left out; the CDF of all requests starts at %.3g",
			formatCount(zero), percent(zero, c.requests), float64(zero)/float64(c.requests))
	}
	hist := newPlot(head, "latency (ms)", "requests per bin")
	hist.Y.Tick.Marker = linearTicks{Integer: true}
	cdf := newPlot("cumulative distribution (CDF)", "latency (ms)", "fraction of requests ≤ latency")
	cdf.Y.Min, cdf.Y.Max = 0, 1
	if c.minPos == 0 {
		msg := "no requests"
		if c.requests > 0 {
			msg = fmt.Sprintf("all %s requests were rejected at arrival (0 ms)", formatCount(c.requests))
		}
		for _, p := range []*plot.Plot{hist, cdf} {
			empty(p, msg)
		}
		return []*plot.Plot{hist, cdf}, nil
	}

	lo, hi := c.minPos.Milliseconds(), clock.Duration(c.all.Max()).Milliseconds()
	logX := hi/lo > logSpanFactor
	edges := latencyEdges(lo, hi, logX)
	for _, p := range []*plot.Plot{hist, cdf} {
		p.X.Min, p.X.Max = edges[0], edges[len(edges)-1]
		if logX {
			p.X.Scale, p.X.Tick.Marker = plot.LogScale{}, logTicks{}
			p.X.Label.Text = "latency (ms, log scale)"
		}
	}

	// Histogram: one stacked layer per reason with positive latencies.
	bounds := toNanos(edges)
	bars := &stackedBars{Edges: edges}
	var names []string
	for _, r := range c.reasons {
		s := &c.latency[r]
		counts := s.Histogram(bounds) // counts[0] is below edges[0]: the zeros
		var vs []float64
		var n uint64
		for _, k := range counts[1:len(edges)] {
			vs, n = append(vs, float64(k)), n+k
		}
		if n == 0 {
			continue
		}
		bars.Values = append(bars.Values, vs)
		bars.Colors = append(bars.Colors, reasonColor(r))
		names = append(names, fmt.Sprintf("%s (%s)", r, formatCount(n)))
	}
	hist.Add(bars)
	addStackLegend(hist, bars, names)
	hist.Y.Max *= 1.25 // headroom for the percentile labels

	// CDFs: every request (from the share rejected at arrival), and the
	// successful ignitions alone.
	grid := latencyGrid(edges[0], edges[len(edges)-1], logX)
	all, err := newLine(grid, cdfAt(&c.all, grid), lineStyle(color.Black, 2))
	if err != nil {
		return nil, err
	}
	cdf.Add(all)
	cdf.Legend.Add("all requests", all)
	if ok := &c.latency[esgt.Success]; ok.N() > 0 {
		l, err := newLine(grid, cdfAt(ok, grid), lineStyle(reasonColor(esgt.Success), 2))
		if err != nil {
			return nil, err
		}
		cdf.Add(l)
		cdf.Legend.Add("successful ignitions", l)
		cdf.Title.Text += fmt.Sprintf("\nsuccessful ignitions alone: P50 %s, P95 %s, P99 %s",
			formatMs(quantileMs(ok, 0.5)), formatMs(quantileMs(ok, 0.95)), formatMs(quantileMs(ok, 0.99)))
	}

	// P50, P95 and P99 of every request, as the run report gives them.
	marks, zeros := percentileMarks(&c.all)
	if zeros != "" {
		hist.Title.Text += "; " + zeros + " = 0 ms"
	}
	hist.Add(marks)
	if len(marks.Xs) > 0 {
		cdf.Title.Text += "; dashed: P50, P95, P99 of all requests"
	}
	cdf.Add(&markLines{Xs: marks.Xs, Labels: make([]string, len(marks.Xs)), Style: marks.Style}) // labelled above
	return []*plot.Plot{hist, cdf}, nil
}

// latencyEdges returns the histogram bin edges, in ms, covering [lo, hi]:
// geometric on a log axis, round-width on a linear one.
func latencyEdges(lo, hi float64, logX bool) []float64 {
	if logX {
		a, b := math.Log(lo/1.05), math.Log(hi*1.05)
		edges := make([]float64, latencyBins+1)
		for i := range edges {
			edges[i] = math.Exp(a + (b-a)*float64(i)/latencyBins)
		}
		return edges
	}
	w := niceCeil(math.Max((hi-lo)/latencyBins, hi/1000))
	k0, k1 := math.Floor(lo/w)-1, math.Floor(hi/w)+2
	var edges []float64
	if k0 < 1 {
		// Zero is no edge: bins start above 0 so that the requests
		// rejected at arrival stay out of them.
		edges, k0 = append(edges, lo/2), 1
	}
	for k := k0; k <= k1; k++ {
		edges = append(edges, k*w)
	}
	return edges
}

// latencyGrid returns cdfPoints values from a to b, evenly spaced on the
// axis's scale.
func latencyGrid(a, b float64, logX bool) []float64 {
	xs := make([]float64, cdfPoints)
	for i := range xs {
		f := float64(i) / (cdfPoints - 1)
		if logX {
			xs[i] = a * math.Pow(b/a, f)
		} else {
			xs[i] = a + (b-a)*f
		}
	}
	return xs
}

// toNanos converts millisecond edges to nanosecond bounds, rounding up so
// that a latency equal to an edge falls in the bin that starts there.
func toNanos(ms []float64) []int64 {
	out := make([]int64, len(ms))
	for i, v := range ms {
		out[i] = int64(math.Ceil(v * float64(clock.Millisecond)))
	}
	return out
}

// cdfAt returns the fraction of s's observations at or below each x (ms).
func cdfAt(s *stats.Sample, xs []float64) []float64 {
	bounds := make([]int64, len(xs))
	for i, x := range xs {
		bounds[i] = int64(math.Floor(x*float64(clock.Millisecond))) + 1 // ≤ x
	}
	counts := s.Histogram(bounds)
	ys := make([]float64, len(xs))
	var cum uint64
	for i := range xs {
		cum += counts[i]
		ys[i] = float64(cum) / float64(s.N())
	}
	return ys
}

// quantileMs returns s's p-quantile in milliseconds.
func quantileMs(s *stats.Sample, p float64) float64 {
	return clock.Duration(s.Quantile(p)).Milliseconds()
}

// percentileMarks returns labelled vertical lines at the P50, P95 and P99
// of s (one line per distinct value, naming every percentile at it), and
// the names of those equal to 0, which a log axis cannot show ("P50 = P95").
func percentileMarks(s *stats.Sample) (*markLines, string) {
	m := &markLines{Style: dashed(color.Gray{Y: 0x20}, 1.2)}
	var names [][]string // per line
	var zeros []string
	for _, q := range []struct {
		name string
		p    float64
	}{{"P50", 0.5}, {"P95", 0.95}, {"P99", 0.99}} {
		ms := quantileMs(s, q.p)
		switch n := len(m.Xs); {
		case ms == 0:
			zeros = append(zeros, q.name)
		case n > 0 && m.Xs[n-1] == ms:
			names[n-1] = append(names[n-1], q.name)
		default:
			m.Xs, names = append(m.Xs, ms), append(names, []string{q.name})
		}
	}
	for i, ns := range names {
		m.Labels = append(m.Labels, strings.Join(ns, " = ")+" "+formatMs(m.Xs[i]))
	}
	return m, strings.Join(zeros, " = ")
}
