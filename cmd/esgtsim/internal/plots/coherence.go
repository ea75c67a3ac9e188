package plots

import (
	"fmt"
	"image/color"
	"slices"

	"gonum.org/v1/plot"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/esgt"
)

// coherenceFigure returns the panel of coherence r(t) from the start of
// SYNCHRONIZE.
func (c *Collector) coherenceFigure() ([]*plot.Plot, error) {
	cv := c.curves
	kept := cv.kept()
	title := fmt.Sprintf("%s (seed %d): coherence r(t) of synchronisation attempts", c.name, c.seed)
	if len(kept) > 0 {
		if uint64(len(kept)) == cv.seen {
			title += fmt.Sprintf("\ncurves: every attempt (%d)", len(kept))
		} else {
			title += fmt.Sprintf("\ncurves: the first %d and the latest %d of %s attempts",
				keptCurves, len(kept)-keptCurves, formatCount(cv.seen))
		}
	}
	p := newPlot(title, "time since the start of SYNCHRONIZE (ms)", "coherence r (order parameter)")
	p.Y.Min, p.Y.Max = 0, 1
	if len(kept) == 0 {
		msg := "no request reached SYNCHRONIZE"
		if c.syncStarts > 0 {
			msg = fmt.Sprintf("%s attempts reached SYNCHRONIZE, but no coherence history was kept (run with KeepHistory)", formatCount(c.syncStarts))
		}
		empty(p, msg)
		return []*plot.Plot{p}, nil
	}

	for _, s := range phaseSpans(kept) {
		p.Add(s)
		p.Legend.Add(fmt.Sprintf("%s, median %s", s.Label, formatMs(s.X1-s.X0)), s)
	}
	inLegend := map[esgt.Reason]bool{}
	for _, k := range kept {
		l, err := newLine(msOf(k.t), k.r, lineStyle(withAlpha(reasonColor(k.reason), 0.7), 1))
		if err != nil {
			return nil, err
		}
		p.Add(l)
		if !inLegend[k.reason] {
			inLegend[k.reason] = true
			p.Legend.Add(k.reason.String()+" (kept attempt)", l)
		}
	}
	if ts, rs := cv.mean(); len(ts) > 0 {
		l, err := newLine(msOf(ts), rs, lineStyle(color.Black, 2.5))
		if err != nil {
			return nil, err
		}
		p.Add(l)
		p.Legend.Add(fmt.Sprintf("mean of all %s successful ignitions", formatCount(cv.okCount)), l)
	}
	target := &hLine{Y: c.target, Style: dashed(thresholdColor, 1.5)}
	p.Add(target)
	p.Legend.Add(fmt.Sprintf("target coherence %g", c.target), target)
	return []*plot.Plot{p}, nil
}

// phaseSpans shades the phases of the median successful kept ignition:
// each phase's median duration, laid end to end.
func phaseSpans(kept []*curve) []*xSpan {
	var durs [4][]clock.Duration
	for _, k := range kept {
		if k.reason == esgt.Success {
			for i, d := range k.phases {
				durs[i] = append(durs[i], d)
			}
		}
	}
	if len(durs[0]) == 0 {
		return nil
	}
	var spans []*xSpan
	start := 0.0
	for i, ph := range []esgt.Phase{esgt.Synchronize, esgt.Broadcast, esgt.Sustain, esgt.Dissolve} {
		slices.Sort(durs[i])
		end := start + durs[i][len(durs[i])/2].Milliseconds()
		spans = append(spans, &xSpan{X0: start, X1: end, Color: phaseColors[ph], Label: upper(ph.String())})
		start = end
	}
	return spans
}

// msOf converts durations to milliseconds.
func msOf(ds []clock.Duration) []float64 {
	out := make([]float64, len(ds))
	for i, d := range ds {
		out[i] = d.Milliseconds()
	}
	return out
}

// upper returns s in ASCII upper case (phase names).
func upper(s string) string {
	b := []byte(s)
	for i, ch := range b {
		if 'a' <= ch && ch <= 'z' {
			b[i] = ch - 'a' + 'A'
		}
	}
	return string(b)
}
