package scenarios

import (
	"encoding/json"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/stats"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/needs"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/scenarios/trace"
	"github.com/esgtsim/esgtsim/scenarios/verdict"
	"github.com/esgtsim/esgtsim/sim"
)

// Summary is what a run produced: only deterministic figures, so the same
// scenario and seed always give the same Summary, bit for bit. Times are
// virtual. Wall-clock figures live in [Result.Stats].
//
// A statistic of an empty sample (the mean latency of a run without
// requests, the peak coherence without an attempt) has no value: it is nil
// here and null in JSON, never 0.
type Summary struct {
	Scenario string `json:"scenario"`
	Seed     uint64 `json:"seed"`
	// Complete is false when the run stopped before its end (interrupted,
	// or an invariant violated under Options.Check): the figures then
	// cover the VirtualSeconds reached.
	Complete       bool    `json:"complete"`
	VirtualSeconds float64 `json:"virtual_seconds"`
	// Model says in words what the run follows (ModelDescription): a
	// revision of the original, or the project's model. Revision is the
	// revision the scenario names (empty: none, the project's model), and
	// Defects the original's defects it switched back on, by key.
	Model    string   `json:"model"`
	Revision string   `json:"revision,omitempty"`
	Defects  []string `json:"defects,omitempty"`
	// CouplingLeak, with that defect on, is the coupling strength the run
	// started from and what the leak left of it at the end.
	CouplingLeak *CouplingLeak `json:"coupling_leak,omitempty"`
	// Original holds the figures of the [original] models switched on.
	Original *OriginalInfo `json:"original,omitempty"`
	// Health is what the fabric's health loop did, when enabled.
	Health *HealthInfo `json:"health,omitempty"`

	Requests         Requests  `json:"requests"`
	LatencyMs        Quantiles `json:"latency_ms"`         // every request, arrival to outcome
	SuccessLatencyMs Quantiles `json:"success_latency_ms"` // successful ignitions only
	TimeToSyncMs     Quantiles `json:"time_to_sync_ms"`    // successful ignitions
	LatencyHistogram []Bucket  `json:"latency_histogram"`
	Ignitions        Ignitions `json:"ignitions"`
	Coherence        Coherence `json:"coherence"`
	Halves           Halves    `json:"halves"`
	MakespanMs       *float64  `json:"makespan_ms"` // first arrival to last outcome
	// BurstsMs is the duration of each burst or batch of simultaneous
	// requests: from their common arrival to the last of their outcomes.
	BurstsMs     Quantiles  `json:"bursts_ms"`
	Arousal      *Arousal   `json:"arousal,omitempty"`
	Needs        *NeedsInfo `json:"needs,omitempty"`
	Probes       *Probes    `json:"probes,omitempty"`
	Fabric       Fabric     `json:"fabric"`
	Faults       int        `json:"faults"`
	Modulations  int        `json:"modulations"`
	TraceRecords uint64     `json:"trace_records"`
	Digest       string     `json:"digest"` // hash of the full event trace
	// Checkpoints are the running digest at up to 64 evenly spaced records,
	// so that two runs with different digests can be bisected to a window
	// of records without their traces.
	Checkpoints []trace.Checkpoint `json:"checkpoints,omitempty"`
	// Memory is the model's retained memory at the start and at the end.
	Memory Memory `json:"memory"`
	// Criteria are the scenario's criteria judged on this report.
	Criteria []verdict.Result `json:"criteria"`
}

// CouplingLeak is the shared coupling strength K, in rad/s, at the start
// and at the end of a run with the coupling leak.
type CouplingLeak struct {
	Initial float64 `json:"initial"`
	Final   float64 `json:"final"`
}

// Requests counts outcomes.
type Requests struct {
	Total     uint64            `json:"total"`
	Succeeded uint64            `json:"succeeded"`
	Failed    map[string]uint64 `json:"failed"` // by reason, only reasons that occurred
	// SuccessRate is Succeeded / Total; null without requests.
	SuccessRate *float64 `json:"success_rate"`
	// WithoutOutcome counts requests that never got an outcome: 0 unless a
	// run was cut short.
	WithoutOutcome uint64 `json:"without_outcome"`
}

// Quantiles summarises a distribution of virtual durations in milliseconds.
// With Count 0 the statistics are meaningless (0 here) and null in JSON.
type Quantiles struct {
	Count uint64  `json:"count"`
	Mean  float64 `json:"mean"`
	P50   float64 `json:"p50"`
	P90   float64 `json:"p90"`
	P95   float64 `json:"p95"`
	P99   float64 `json:"p99"`
	P999  float64 `json:"p999"`
	Max   float64 `json:"max"`
	Exact bool    `json:"exact"` // false once beyond stats.MaxDistinct distinct values
}

// Empty reports whether the sample was empty; its statistics other than
// the count are then meaningless, and criteria see them as null.
func (q Quantiles) Empty() bool { return q.Count == 0 }

// MarshalJSON writes the quantiles, with null statistics for an empty
// sample.
func (q Quantiles) MarshalJSON() ([]byte, error) {
	type out struct {
		Count uint64   `json:"count"`
		Mean  *float64 `json:"mean"`
		P50   *float64 `json:"p50"`
		P90   *float64 `json:"p90"`
		P95   *float64 `json:"p95"`
		P99   *float64 `json:"p99"`
		P999  *float64 `json:"p999"`
		Max   *float64 `json:"max"`
		Exact bool     `json:"exact"`
	}
	o := out{Count: q.Count, Exact: q.Exact}
	if q.Count > 0 {
		o.Mean, o.P50, o.P90, o.P95, o.P99, o.P999, o.Max = &q.Mean, &q.P50, &q.P90, &q.P95, &q.P99, &q.P999, &q.Max
	}
	return json.Marshal(o)
}

func quantiles(s *stats.Sample) Quantiles {
	ms := func(v int64) float64 { return clock.Duration(v).Milliseconds() }
	return Quantiles{
		Count: s.N(), Mean: s.Mean() / float64(clock.Millisecond),
		P50: ms(s.Quantile(0.5)), P90: ms(s.Quantile(0.9)), P95: ms(s.Quantile(0.95)),
		P99: ms(s.Quantile(0.99)), P999: ms(s.Quantile(0.999)), Max: ms(s.Max()), Exact: s.Exact(),
	}
}

// Bucket is one bin of the fixed latency histogram: requests whose latency
// is below UpToMs (and at or above the previous bound); the last bin, the
// overflow, has no upper bound (nil, null in JSON) and holds everything at
// or above the last bound.
type Bucket struct {
	UpToMs *float64 `json:"up_to_ms"`
	Count  uint64   `json:"count"`
}

// histogramBoundsMs are the fixed latency histogram bounds.
var histogramBoundsMs = []float64{1, 10, 50, 100, 200, 300, 400, 500, 1000}

// Ignitions describes refractory behaviour. An ignition is a successful
// synchronisation; an attempt is any admitted request.
type Ignitions struct {
	Count    uint64 `json:"count"`
	Attempts uint64 `json:"attempts"`
	// MinGapMs is the shortest time from the end of a successful ignition
	// to the start of the next attempt; null before any ignition ended.
	MinGapMs             *float64  `json:"min_gap_ms"`
	IntervalMs           Quantiles `json:"interval_ms"` // between starts of successive ignitions
	RefractoryRejections uint64    `json:"refractory_rejections"`
	MaxInFlight          int       `json:"max_in_flight"`
	// AfterLastFault counts the ignitions of requests that arrived after
	// the last fault was applied (recovery); null in a run without faults.
	AfterLastFault *uint64 `json:"after_last_fault"`
}

// Coherence summarises synchronisation attempts; the peaks are nil without
// an attempt, the per-ignition figures without a successful ignition.
type Coherence struct {
	Attempts        uint64   `json:"attempts"`           // attempts that reached SYNCHRONIZE
	PeakMean        *float64 `json:"peak_mean"`          // mean peak r over attempts
	PeakMin         *float64 `json:"peak_min"`           // lowest peak r
	TimeAboveMeanMs *float64 `json:"time_above_mean_ms"` // per successful ignition
	DissolutionMean *float64 `json:"dissolution_mean"`   // r per second at the end, per success
}

// Halves compares the first and second half of the run (by arrival), the
// original full load test's degradation check. A rate is nil for a half
// without requests, a mean for a half without successes.
type Halves struct {
	FirstSuccessRate    *float64 `json:"first_success_rate"`
	SecondSuccessRate   *float64 `json:"second_success_rate"`
	FirstSuccessMeanMs  *float64 `json:"first_success_mean_ms"`
	SecondSuccessMeanMs *float64 `json:"second_success_mean_ms"`
	// Degradation is the relative change of the success-latency mean from
	// the first half to the second, (second − first) / first, as the
	// original's full load test computed it; null unless both halves have
	// a success.
	Degradation *float64 `json:"degradation"`
}

// Arousal summarises the arousal controller and the salience threshold.
// The statistics over updates are nil when there was none.
type Arousal struct {
	Updates       uint64   `json:"updates"`
	Min           *float64 `json:"min"`
	Max           *float64 `json:"max"`
	Mean          *float64 `json:"mean"`
	Final         float64  `json:"final"`
	FinalLevel    string   `json:"final_level"`
	LevelChanges  int      `json:"level_changes"`
	Stress        float64  `json:"final_stress"`
	ThresholdMin  *float64 `json:"threshold_min"`
	ThresholdMax  *float64 `json:"threshold_max"`
	ThresholdMean *float64 `json:"threshold_mean"`
	Warnings      int      `json:"warnings"`
}

// NeedsInfo summarises the interoception monitor.
type NeedsInfo struct {
	Samples  uint64      `json:"samples"`
	Warnings int         `json:"warnings"`
	Final    needs.Needs `json:"final"`
	Max      needs.Needs `json:"max"`
}

// Probes are the original's planned latency benchmarks, in virtual time.
type Probes struct {
	ModulationResponseMs Quantiles `json:"modulation_response_ms"`
	ModulationUnanswered int       `json:"modulation_unanswered"`
	PipelineMs           Quantiles `json:"pipeline_ms"`
	PipelineUnanswered   int       `json:"pipeline_unanswered"`
	EndToEndMs           Quantiles `json:"end_to_end_ms"`
	EndToEndUnanswered   int       `json:"end_to_end_unanswered"`
}

// Fabric describes the fabric: its structure as built at the start of the
// run (Nodes to ArticulationPoints), and what became of it by the end
// (Recreations, FinalHealthy, FinalLinksOffRest).
type Fabric struct {
	Nodes                 int     `json:"nodes"`
	Edges                 int     `json:"edges"`
	Density               float64 `json:"density"`
	Clustering            float64 `json:"clustering"`
	PathLength            float64 `json:"path_length"`
	Efficiency            float64 `json:"efficiency"`
	AlgebraicConnectivity float64 `json:"algebraic_connectivity"`
	ArticulationPoints    int     `json:"articulation_points"`
	Recreations           int     `json:"recreations"`         // times the fabric was rebuilt during the run
	FinalHealthy          int     `json:"final_healthy_nodes"` // healthy nodes at the end of the run
	// FinalLinksOffRest counts the links of the final fabric whose weight
	// is not back at rest (1) at the end: ESGT mode left them raised.
	FinalLinksOffRest int `json:"final_links_off_rest"`
}

// Memory is the model's retained memory, counted as the values held in
// the arrays of the fabric and the coordinator (per-node state, buffers,
// pooled ignitions with their oscillators): deterministic, unlike the Go
// heap, and what a leak would grow. See the Retained methods of
// fabric.Fabric and esgt.Coordinator.
type Memory struct {
	InitialValues int `json:"initial_values"` // when the run starts
	FinalValues   int `json:"final_values"`   // when it ends
	// Growth is (final − initial) / initial. It includes the warm-up:
	// the first ignition's buffers stay pooled for the next.
	Growth float64 `json:"growth"`
	// CycledValues is the count after the first full fabric cycle: at the
	// second fabric re-creation, when the fabric the first one created
	// has been used and destroyed and the model's pools are warm; 0 with
	// fewer than two re-creations.
	CycledValues int `json:"cycled_values"`
	// CycleGrowth is (final − cycled) / cycled: the growth over the
	// later fabric cycles, the original memory test's leak measure; null
	// with fewer than two re-creations.
	CycleGrowth *float64 `json:"cycle_growth"`
}

// Result is a run's outcome: its deterministic Summary and the kernel's
// statistics, which include wall time.
type Result struct {
	Summary Summary
	Stats   sim.Stats
}

// summarize builds the Summary at the end of a run.
func (r *recorder) summarize(initial Fabric) Summary {
	w := r.w
	counts := w.coord.Counts()
	s := Summary{
		Scenario: w.sc.Spec.Name, Seed: w.sc.Spec.Seed, VirtualSeconds: w.sim.Now().Seconds(),
		Model: spec.ModelDescription(w.sc.NamedRevision()), Revision: w.sc.NamedRevision(), Defects: w.sc.Spec.Defects.On(),
		Requests:         Requests{Total: w.coord.Requests(), Succeeded: counts[esgt.Success], Failed: map[string]uint64{}},
		LatencyMs:        quantiles(&r.latency),
		SuccessLatencyMs: quantiles(&r.okLatency),
		TimeToSyncMs:     quantiles(&r.timeToSync),
		Ignitions: Ignitions{
			Count: r.successes, Attempts: r.attempts, IntervalMs: quantiles(&r.intervals),
			RefractoryRejections: counts[esgt.Refractory], MaxInFlight: r.maxInFlight,
		},
		Fabric:       initial,
		Faults:       r.faults,
		Modulations:  r.modulations,
		TraceRecords: r.digest.Records(),
		Digest:       r.digest.String(),
		Checkpoints:  r.checkpoints.List(),
	}
	if w.orig != nil {
		s.Original = w.orig.summary()
	}
	if w.health != nil {
		s.Health = w.health.summary()
	}
	if w.sc.Spec.Defects.CouplingLeak {
		s.CouplingLeak = &CouplingLeak{Initial: w.sc.Spec.Oscillator.Coupling, Final: w.coord.Coupling()}
	}
	for _, reason := range esgt.Reasons()[1:] {
		if n := counts[reason]; n > 0 {
			s.Requests.Failed[reason.String()] = n
		}
	}
	bounds := make([]int64, len(histogramBoundsMs))
	for i, b := range histogramBoundsMs {
		bounds[i] = int64(b * float64(clock.Millisecond))
	}
	for i, n := range r.latency.Histogram(bounds) {
		b := Bucket{Count: n}
		if i < len(bounds) {
			b.UpToMs = &histogramBoundsMs[i]
		}
		s.LatencyHistogram = append(s.LatencyHistogram, b)
	}
	if r.minGap >= 0 {
		g := r.minGap.Milliseconds()
		s.Ignitions.MinGapMs = &g
	}
	s.Coherence.Attempts = r.syncAttempts
	if r.syncAttempts > 0 {
		s.Coherence.PeakMean, s.Coherence.PeakMin = value(r.peakSum/float64(r.syncAttempts)), value(r.peakMin)
	}
	if r.successes > 0 {
		s.Coherence.TimeAboveMeanMs = value(r.aboveSum.Milliseconds() / float64(r.successes))
		s.Coherence.DissolutionMean = value(r.dissolveSum / float64(r.successes))
	}
	rate := func(h *half) *float64 {
		if h.requests == 0 {
			return nil
		}
		return value(float64(h.successes) / float64(h.requests))
	}
	okMean := func(h *half) *float64 {
		if h.okLatency.N() == 0 {
			return nil
		}
		return value(h.okLatency.Mean() / float64(clock.Millisecond))
	}
	s.Halves = Halves{
		FirstSuccessRate: rate(&r.halves[0]), SecondSuccessRate: rate(&r.halves[1]),
		FirstSuccessMeanMs: okMean(&r.halves[0]), SecondSuccessMeanMs: okMean(&r.halves[1]),
	}
	if h0, h1 := s.Halves.FirstSuccessMeanMs, s.Halves.SecondSuccessMeanMs; h0 != nil && h1 != nil {
		s.Halves.Degradation = value((*h1 - *h0) / *h0)
	}
	if s.Requests.Total > 0 {
		rate := float64(s.Requests.Succeeded) / float64(s.Requests.Total)
		s.Requests.SuccessRate = &rate
	}
	s.Requests.WithoutOutcome = s.Requests.Total - r.latency.N()
	if r.faults > 0 {
		n := r.afterLastFault
		s.Ignitions.AfterLastFault = &n
	}
	s.BurstsMs = quantiles(&r.burstDurations)
	if r.anyRequest {
		s.MakespanMs = value(r.lastDone.Sub(r.firstArrival).Milliseconds())
	}
	if c := w.ctrl; c != nil {
		s.Arousal = &Arousal{
			Updates: r.arousalN, Final: c.Arousal(),
			FinalLevel: c.Level().String(), LevelChanges: r.levelChanges, Stress: c.Stress(),
			Warnings: c.Warnings(),
		}
		if r.arousalN > 0 {
			s.Arousal.Min, s.Arousal.Max = value(r.arousalMin), value(r.arousalMax)
			s.Arousal.ThresholdMin, s.Arousal.ThresholdMax = value(r.thresholdMin), value(r.thresholdMax)
			s.Arousal.Mean = value(r.arousalSum / float64(r.arousalN))
			s.Arousal.ThresholdMean = value(r.thresholdSum / float64(r.arousalN))
		}
	}
	if m := w.monitor; m != nil {
		s.Needs = &NeedsInfo{Samples: r.needsN, Warnings: m.Warnings(), Final: r.needsLast, Max: r.needsMax}
	}
	if r.modulations > 0 || len(w.sc.Spec.Needs.Changes) > 0 && r.hasProbes() {
		s.Probes = &Probes{
			ModulationResponseMs: quantiles(&r.modResponse), ModulationUnanswered: r.modUnanswered,
			PipelineMs: quantiles(&r.pipeline), PipelineUnanswered: len(r.pipelineProbes),
			EndToEndMs: quantiles(&r.endToEnd), EndToEndUnanswered: len(r.endToEndProbes),
		}
	}
	s.Fabric.Recreations = w.fabricGen - 1
	s.Fabric.FinalHealthy = w.fab.HealthyCount()
	for id := range w.fab.NumLinks() {
		if w.fab.Link(id).Weight != 1 {
			s.Fabric.FinalLinksOffRest++
		}
	}
	s.Memory = Memory{InitialValues: r.retainedInitial, FinalValues: w.retained()}
	if r.retainedInitial > 0 {
		s.Memory.Growth = float64(s.Memory.FinalValues-r.retainedInitial) / float64(r.retainedInitial)
	}
	if c := r.retainedCycled; c > 0 {
		s.Memory.CycledValues = c
		g := float64(s.Memory.FinalValues-c) / float64(c)
		s.Memory.CycleGrowth = &g
	}
	s.Criteria = verdict.Evaluate(&s, w.sc.Criteria())
	return s
}

func (r *recorder) hasProbes() bool {
	for _, ch := range r.w.sc.Spec.Needs.Changes {
		if ch.Probe {
			return true
		}
	}
	return false
}

// value returns a pointer to v, for statistics that may have none.
func value(v float64) *float64 { return &v }
