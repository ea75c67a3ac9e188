package plots

import (
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/kuramoto"
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/trace"
)

// feed sends n synthetic outcomes to c, arrivals spread evenly over span,
// with latencies from a fixed set, every tenth a success with a coherence
// history of histLen samples 5 ms apart, and an arousal update per outcome.
func feed(c *Collector, n int, span clock.Duration, histLen int) {
	hist := make([]kuramoto.Sample, histLen)
	latencies := []clock.Duration{0, 0, 0, 300 * clock.Millisecond, 471 * clock.Millisecond}
	for i := range n {
		at := clock.Time(int64(span) / int64(n) * int64(i))
		o := esgt.Outcome{ID: uint64(i + 1), Arrival: at, Reason: esgt.InsufficientNodes}
		lat := latencies[i%len(latencies)]
		o.Done = at.Add(lat)
		if i%10 == 4 {
			o.Reason, o.Synced, o.TimeToSync = esgt.Success, true, 200*clock.Millisecond
			for k := range hist {
				hist[k] = kuramoto.Sample{At: at.Add(clock.Duration(k) * 5 * clock.Millisecond), R: float64(k) / float64(histLen)}
			}
			o.History = hist
		}
		c.OnEvent(&trace.Event{Kind: trace.EvOutcome, At: o.Done, ID: o.ID, Outcome: &o})
		c.OnEvent(&trace.Event{Kind: trace.EvArousal, At: at, Arousal: 0.5 + 0.1*math.Sin(float64(i)), Threshold: 0.5})
	}
}

func syntheticCollector(t *testing.T) *Collector {
	t.Helper()
	sc, err := scenarios.Load("memory-pressure", nil)
	if err != nil {
		t.Fatal(err)
	}
	return NewCollector(sc)
}

// TestCollectorBounded: the collector's size does not grow with the number
// of requests, only with what its bins and kept curves hold.
func TestCollectorBounded(t *testing.T) {
	span := 120 * clock.Second
	small, large := syntheticCollector(t), syntheticCollector(t)
	feed(small, 10_000, span, 100)
	feed(large, 200_000, span, 100)
	if s, l := small.footprint(), large.footprint(); l > s {
		t.Errorf("footprint grew from %d to %d values with 20 times the requests", s, l)
	}
	if large.requests != 200_000 {
		t.Errorf("counted %d requests, want 200000", large.requests)
	}

	// Far beyond the scenario's duration, bins merge instead of growing.
	long := syntheticCollector(t)
	feed(long, 20_000, 1000*span, 2500)
	if n := long.outcomes.bins(); n > maxBins {
		t.Errorf("%d outcome bins, at most %d", n, maxBins)
	}
	if n := len(long.arousal.points()); n > 2*maxBins {
		t.Errorf("%d arousal points, at most %d", n, 2*maxBins)
	}
	kept := long.curves.kept()
	if len(kept) != 2*keptCurves {
		t.Errorf("kept %d curves, want %d", len(kept), 2*keptCurves)
	}
	for _, k := range kept {
		if len(k.t) > maxCurvePoints+1 {
			t.Errorf("curve %d keeps %d points, at most %d", k.id, len(k.t), maxCurvePoints+1)
		}
	}
	if kept[len(kept)-1].id != 19_995 {
		t.Errorf("latest kept curve is request %d, want 19995 (the last success)", kept[len(kept)-1].id)
	}
}

// TestBuiltinCollectorBounded: high-load's 600,000 requests fit in a few
// thousand values.
func TestBuiltinCollectorBounded(t *testing.T) {
	c := builtin(t, "high-load")
	if c.requests != 600_000 {
		t.Fatalf("high-load: %d requests, want 600000", c.requests)
	}
	if n := c.footprint(); n > 20_000 {
		t.Errorf("high-load collector holds %d values", n)
	}
}

func TestTimeBinsCoarsenKeepsTotals(t *testing.T) {
	b := newTimeBins(2, clock.Millisecond)
	for i := range 5000 {
		b.add(i%2, clock.Time(i)*clock.Time(clock.Millisecond))
	}
	if b.bins() > maxBins {
		t.Errorf("%d bins, at most %d", b.bins(), maxBins)
	}
	if b.width != 8*clock.Millisecond {
		t.Errorf("width %v, want 8ms after three merges", b.width)
	}
	for row := range 2 {
		if got := b.total(row); got != 2500 {
			t.Errorf("row %d holds %d events, want 2500", row, got)
		}
	}
	if got := b.at(0, 0) + b.at(1, 0); got != 8 {
		t.Errorf("first bin holds %d events, want 8", got)
	}
}

// TestSeriesKeepsExtremes: decimation keeps the extreme samples of every
// bin, in time order.
func TestSeriesKeepsExtremes(t *testing.T) {
	s := newSeries(clock.Millisecond)
	const n = 100_000
	for i := range n {
		v := math.Sin(float64(i) / 1000)
		if i == 77_777 {
			v = 5 // a spike
		}
		s.add(clock.Time(i)*clock.Time(clock.Millisecond), v)
	}
	pts := s.points()
	if len(pts) > 2*maxBins {
		t.Errorf("%d points, at most %d", len(pts), 2*maxBins)
	}
	spike, lo := false, math.Inf(1)
	for i, p := range pts {
		if i > 0 && p.t < pts[i-1].t {
			t.Fatalf("points out of time order at %d", i)
		}
		spike = spike || p.v == 5
		lo = math.Min(lo, p.v)
	}
	if !spike {
		t.Error("the spike was decimated away")
	}
	if lo > -0.9999 {
		t.Errorf("lowest kept value %v, want the series' minimum near -1", lo)
	}
}

func TestInitialWidth(t *testing.T) {
	for _, tc := range []struct {
		d, want clock.Duration
	}{
		{10 * clock.Second, 50 * clock.Millisecond},
		{10 * clock.Minute, 2 * clock.Second},
		{2 * clock.Second, 5 * clock.Millisecond},
		{1, 1},
	} {
		if got := initialWidth(tc.d); got != tc.want {
			t.Errorf("initialWidth(%v) = %v, want %v", tc.d, got, tc.want)
		}
	}
}
