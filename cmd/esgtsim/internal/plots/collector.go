package plots

import (
	"cmp"
	"path/filepath"
	"strings"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/stats"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/scenarios/trace"
)

// Collector gathers what a run's figures need from its trace records. Its
// memory is bounded independently of the number of requests (see the
// package documentation). A Collector is not safe for concurrent use; a run
// calls OnEvent from one goroutine.
type Collector struct {
	name     string
	seed     uint64
	duration clock.Duration
	target   float64 // target coherence

	// arousalOn is whether the scenario has an arousal controller; without
	// one, fixedArousal and fixedThreshold are what the coordinator reads.
	arousalOn      bool
	fixedArousal   float64
	fixedThreshold float64

	reasons   []esgt.Reason
	latency   []stats.Sample // per reason, nanoseconds
	all       stats.Sample
	minPos    clock.Duration // smallest positive latency, 0 if none
	requests  uint64
	outcomes  *timeBins // rows: reasons, by arrival
	arousal   *series
	arTarget  *series
	threshold *series
	curves    *curves
	// syncStarts counts ignitions that entered SYNCHRONIZE, to tell "none"
	// from "histories not kept".
	syncStarts  uint64
	end         clock.Time // latest record
	lastArrival clock.Time
}

// NewCollector returns a collector for a run of sc. Use it as
//
//	c := plots.NewCollector(sc)
//	res, err := scenarios.Run(ctx, sc, scenarios.Options{OnEvent: c.OnEvent, KeepHistory: true})
//
// Without KeepHistory the coherence figure has no curves.
func NewCollector(sc *spec.Scenario) *Collector {
	s := &sc.Spec
	name := s.Name
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(sc.File), filepath.Ext(sc.File))
	}
	width := initialWidth(s.Duration)
	reasons := esgt.Reasons()
	return &Collector{
		name: name, seed: s.Seed, duration: s.Duration,
		target:    s.Ignition.TargetCoherence,
		arousalOn: s.Arousal.Enabled, fixedArousal: s.Triggers.FixedArousal,
		fixedThreshold: s.Triggers.MinSalience,
		reasons:        reasons,
		latency:        make([]stats.Sample, len(reasons)),
		outcomes:       newTimeBins(len(reasons), width),
		arousal:        newSeries(width), arTarget: newSeries(width), threshold: newSeries(width),
		curves: newCurves(cmp.Or(s.Ignition.SampleEvery, s.Oscillator.Step)),
	}
}

// OnEvent records what the figures need of ev. It has the signature of
// [scenarios.Options.OnEvent] and keeps no reference to ev.
func (c *Collector) OnEvent(ev *trace.Event) {
	c.end = max(c.end, ev.At)
	switch ev.Kind {
	case trace.EvOutcome:
		c.outcome(ev.Outcome)
	case trace.EvPhase:
		if ev.Phase == esgt.Synchronize {
			c.syncStarts++
		}
	case trace.EvArousal:
		c.arousal.add(ev.At, ev.Arousal)
		c.arTarget.add(ev.At, ev.Target)
		c.threshold.add(ev.At, ev.Threshold)
	}
}

func (c *Collector) outcome(o *esgt.Outcome) {
	if int(o.Reason) >= len(c.reasons) {
		return // a reason this package does not know: nothing to colour it by
	}
	c.requests++
	lat := o.Latency()
	c.latency[o.Reason].Add(int64(lat))
	c.all.Add(int64(lat))
	if lat > 0 && (c.minPos == 0 || lat < c.minPos) {
		c.minPos = lat
	}
	c.outcomes.add(int(o.Reason), o.Arrival)
	c.lastArrival = max(c.lastArrival, o.Arrival)
	if len(o.History) > 0 {
		c.curves.add(o)
	}
}

// span returns the virtual time the figures' time axes cover: the
// scenario's duration, or longer if records came later (the drain).
func (c *Collector) span() clock.Duration {
	return max(c.duration, clock.Duration(c.end))
}

// arrivals returns the virtual time over which requests arrive: the
// scenario's duration, or later if a request arrived later.
func (c *Collector) arrivals() clock.Duration {
	return max(c.duration, clock.Duration(c.lastArrival))
}

// footprint returns how many values the collector holds: a measure of its
// memory that must not grow with the number of requests beyond its bins.
func (c *Collector) footprint() int {
	n := c.all.Distinct()
	for i := range c.latency {
		n += c.latency[i].Distinct()
	}
	for _, r := range c.outcomes.counts {
		n += len(r)
	}
	n += 2 * (len(c.arousal.buckets) + len(c.arTarget.buckets) + len(c.threshold.buckets))
	for _, cv := range c.curves.kept() {
		n += len(cv.t)
	}
	return n + len(c.curves.meanSum)
}
