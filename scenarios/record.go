package scenarios

import (
	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/stats"
	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/needs"
	"github.com/esgtsim/esgtsim/scenarios/check"
	"github.com/esgtsim/esgtsim/scenarios/trace"
)

// recorder sees every event of a run. It hashes each into the digest,
// hands it to the trace, the invariant checker and the caller's callback
// when present, and accumulates the summary and the latency probes. Long
// runs keep only these accumulators, never the events themselves.
type recorder struct {
	w        *world
	digest   *trace.Digest
	trace    *trace.Writer
	check    *check.Checker // nil unless checking
	checking bool
	onEvent  func(*trace.Event)
	ev       trace.Event // reused for every record
	err      error       // first trace write error

	checkpoints trace.Checkpoints

	// Requests and outcomes.
	firstArrival, lastDone clock.Time
	anyRequest             bool
	latency, okLatency     stats.Sample
	timeToSync             stats.Sample
	intervals              stats.Sample // between successive successful ignition starts
	lastSuccessStart       clock.Time
	successes              uint64
	minGap                 clock.Duration
	attempts               uint64 // admitted requests
	inFlight, maxInFlight  int
	halves                 [2]half
	peakSum, peakMin       float64
	aboveSum               clock.Duration
	dissolveSum            float64
	syncAttempts           uint64

	// Arousal and needs.
	arousalN                   uint64
	arousalMin, arousalMax     float64
	arousalSum, thresholdSum   float64
	thresholdMin, thresholdMax float64
	levelChanges               int
	lastLevel                  arousal.Level
	needsN                     uint64
	needsMax, needsLast        needs.Needs
	lastNeedsAt                clock.Time
	faults                     int
	modulations                int
	afterLastFault             uint64 // ignitions of requests that arrived after the last fault
	lastFaultAt                clock.Time

	// Bursts and batches whose outcomes are not all known yet.
	bursts         []burstSpan
	burstDurations stats.Sample

	retainedInitial int // the model's retained values when the run starts
	retainedCycled  int // and after the first full fabric cycle, 0 before
	recreations     int

	// Probes.
	modProbes      []modProbe
	modResponse    stats.Sample
	pipelineProbes []clock.Time // stimuli awaiting an arousal update that reflects them
	pipeline       stats.Sample
	endToEndProbes []clock.Time // stimuli awaiting a successful ignition
	endToEnd       stats.Sample
	modUnanswered  int
}

// half accumulates one half of the run, split by arrival time, for the
// degradation check of the original's full load test.
type half struct {
	requests, successes uint64
	okLatency           stats.Sample
}

// burstSpan is a burst or batch of requests issued at one instant, with
// consecutive IDs first..last (last is unknown while it is being issued).
type burstSpan struct {
	at          clock.Time
	first, last uint64
	issuing     bool
	done        uint64
	end         clock.Time
}

// modProbe is a modulation waiting for arousal to move by half its delta
// (or to change level in its direction).
type modProbe struct {
	at    clock.Time
	from  float64
	delta float64
	level arousal.Level
}

func newRecorder(opts *Options) *recorder {
	r := &recorder{digest: trace.NewDigest(), onEvent: opts.OnEvent, minGap: -1, peakMin: 1}
	if opts.Trace != nil {
		r.trace = trace.NewWriter(opts.Trace)
	}
	r.checking = opts.Check
	return r
}

// attach connects the recorder to w's coordinator and probes.
func (r *recorder) attach(w *world) {
	r.w = w
	w.coord.OnRequested(r.Requested)
	w.coord.OnAdmitted(r.Admitted)
	w.coord.OnPhase(r.PhaseStarted)
	w.coord.OnFinished(r.Finished)
	for _, ch := range w.sc.Spec.Needs.Changes {
		if ch.Probe {
			ts := ch.Occurrences()
			r.pipelineProbes = append(r.pipelineProbes, ts...)
			r.endToEndProbes = append(r.endToEndProbes, ts...)
		}
	}
	if r.checking {
		cfg := w.coord.Config()
		limits := check.Limits{Refractory: cfg.RefractoryPeriod, MaxConcurrent: cfg.MaxConcurrent, MaxFrequencyHz: cfg.MaxFrequencyHz}
		r.check = check.New(limits, func() check.Fabric { return w.fab })
	}
}

// emit records r.ev.
func (r *recorder) emit() {
	h := r.digest.Add(&r.ev)
	r.ev.Seq, r.ev.Hash = r.digest.Records(), h
	r.checkpoints.Add(&r.ev)
	if r.trace != nil && r.err == nil {
		r.err = r.trace.Write(&r.ev)
	}
	if r.check != nil {
		if err := r.check.Event(&r.ev); err != nil {
			r.w.fail(err)
		}
	}
	if r.onEvent != nil {
		r.onEvent(&r.ev)
	}
}

// Requested records a request's arrival (the coordinator's OnRequested).
func (r *recorder) Requested(id uint64, at clock.Time, salience float64) {
	if !r.anyRequest {
		r.firstArrival, r.anyRequest = at, true
	}
	r.halves[r.halfOf(at)].requests++
	r.ev = trace.Event{Kind: trace.EvRequest, At: at, ID: id, Salience: salience}
	r.emit()
}

// Admitted records the start of an admitted request's ignition (the
// coordinator's OnAdmitted).
func (r *recorder) Admitted(id uint64, at clock.Time, gap clock.Duration) {
	r.attempts++
	r.inFlight++
	r.maxInFlight = max(r.maxInFlight, r.inFlight)
	if gap >= 0 && (r.minGap < 0 || gap < r.minGap) {
		r.minGap = gap
	}
	r.ev = trace.Event{Kind: trace.EvAdmitted, At: at, ID: id, Gap: gap}
	r.emit()
}

// PhaseStarted records a phase transition (the coordinator's OnPhase).
func (r *recorder) PhaseStarted(id uint64, at clock.Time, p esgt.Phase) {
	r.ev = trace.Event{Kind: trace.EvPhase, At: at, ID: id, Phase: p}
	r.emit()
}

// Finished records a request's outcome (the coordinator's OnFinished).
func (r *recorder) Finished(o *esgt.Outcome) {
	r.lastDone = o.Done
	lat := int64(o.Latency())
	r.latency.Add(lat)
	if o.Reason.Admitted() {
		r.inFlight--
		if o.PhaseTime[esgt.Synchronize] > 0 || o.Synced {
			r.syncAttempts++
			r.peakSum += o.PeakR
			r.peakMin = min(r.peakMin, o.PeakR)
		}
	}
	if o.Reason == esgt.Success {
		r.successes++
		r.okLatency.Add(lat)
		r.timeToSync.Add(int64(o.TimeToSync))
		r.aboveSum += o.TimeAbove
		r.dissolveSum += o.Dissolve
		if r.successes > 1 {
			r.intervals.Add(int64(o.Arrival.Sub(r.lastSuccessStart)))
		}
		r.lastSuccessStart = o.Arrival
		if r.faults > 0 && o.Arrival >= r.lastFaultAt {
			r.afterLastFault++
		}
		h := &r.halves[r.halfOf(o.Arrival)]
		h.successes++
		h.okLatency.Add(lat)
		r.endToEndDone(o)
	}
	r.burstOutcome(o.ID, o.Done)
	r.ev = trace.Event{Kind: trace.EvOutcome, At: o.Done, ID: o.ID, Outcome: o}
	r.emit()
	for _, wl := range r.w.workloads {
		wl.outcome(o.ID, o.Done)
	}
}

func (r *recorder) halfOf(at clock.Time) int {
	if at < clock.Time(r.w.sc.Spec.Duration/2) {
		return 0
	}
	return 1
}

// endToEndDone closes the end-to-end probes answered by a successful
// ignition: its request arrived at or after the stimulus, and the latency
// runs to the moment it synchronised (success is decided there).
func (r *recorder) endToEndDone(o *esgt.Outcome) {
	synced := o.Arrival.Add(o.PhaseTime[esgt.Prepare] + o.PhaseTime[esgt.Synchronize])
	kept := r.endToEndProbes[:0]
	for _, at := range r.endToEndProbes {
		if o.Arrival >= at {
			r.endToEnd.Add(int64(synced.Sub(at)))
		} else {
			kept = append(kept, at)
		}
	}
	r.endToEndProbes = kept
}

// arousalUpdated is the arousal controller's update callback.
func (r *recorder) arousalUpdated(now clock.Time, a, target float64) {
	threshold := r.w.coord.MinSalience()
	level := r.w.ctrl.Level()
	if r.arousalN == 0 {
		r.arousalMin, r.arousalMax, r.thresholdMin, r.thresholdMax = a, a, threshold, threshold
	} else if level != r.lastLevel {
		r.levelChanges++
	}
	r.lastLevel = level
	r.arousalN++
	r.arousalMin, r.arousalMax = min(r.arousalMin, a), max(r.arousalMax, a)
	r.thresholdMin, r.thresholdMax = min(r.thresholdMin, threshold), max(r.thresholdMax, threshold)
	r.arousalSum += a
	r.thresholdSum += threshold
	r.modulationProbes(now, a, level)
	// A needs sample taken at or after a stimulus has reached the target.
	kept := r.pipelineProbes[:0]
	for _, at := range r.pipelineProbes {
		if r.needsN > 0 && r.lastNeedsAt >= at {
			r.pipeline.Add(int64(now.Sub(at)))
		} else {
			kept = append(kept, at)
		}
	}
	r.pipelineProbes = kept
	r.ev = trace.Event{Kind: trace.EvArousal, At: now, Arousal: a, Target: target, Threshold: threshold, Level: level}
	r.emit()
}

// modulationProbes closes the modulation probes answered at this update.
func (r *recorder) modulationProbes(now clock.Time, a float64, level arousal.Level) {
	kept := r.modProbes[:0]
	for _, p := range r.modProbes {
		moved := a - p.from
		answered := (p.delta > 0 && (moved >= p.delta/2 || level > p.level)) ||
			(p.delta < 0 && (moved <= p.delta/2 || level < p.level)) || p.delta == 0
		if answered {
			r.modResponse.Add(int64(now.Sub(p.at)))
		} else {
			kept = append(kept, p)
		}
	}
	r.modProbes = kept
}

// needsSampled is the needs monitor's sample callback.
func (r *recorder) needsSampled(now clock.Time, _ needs.Metrics, n needs.Needs) {
	r.needsN++
	r.lastNeedsAt = now
	r.needsLast = n
	m := &r.needsMax
	m.Rest, m.Repair, m.Efficiency = max(m.Rest, n.Rest), max(m.Repair, n.Repair), max(m.Efficiency, n.Efficiency)
	m.Connectivity, m.Curiosity, m.Learning = max(m.Connectivity, n.Connectivity), max(m.Curiosity, n.Curiosity), max(m.Learning, n.Learning)
	r.ev = trace.Event{Kind: trace.EvNeeds, At: now, Needs: n}
	r.emit()
}

// burstOpened starts a burst of requests issued at now, the first of
// which will have ID first; burstClosed ends it after its last request.
func (r *recorder) burstOpened(now clock.Time, first uint64) {
	r.bursts = append(r.bursts, burstSpan{at: now, first: first, issuing: true})
}

func (r *recorder) burstClosed(last uint64) {
	b := &r.bursts[len(r.bursts)-1]
	b.last, b.issuing = last, false
	r.burstDone(len(r.bursts) - 1)
}

// burstOutcome counts an outcome towards its burst, if any.
func (r *recorder) burstOutcome(id uint64, done clock.Time) {
	for i := range r.bursts {
		b := &r.bursts[i]
		if id >= b.first && (b.issuing || id <= b.last) {
			b.done++
			b.end = max(b.end, done)
			r.burstDone(i)
			return
		}
	}
}

// burstDone records burst i's duration once every request has its outcome.
func (r *recorder) burstDone(i int) {
	b := r.bursts[i]
	if b.issuing || b.done < b.last+1-b.first {
		return
	}
	if b.last >= b.first {
		r.burstDurations.Add(int64(b.end.Sub(b.at)))
	}
	r.bursts = append(r.bursts[:i], r.bursts[i+1:]...)
}

// fabricCycled notes the model's retained values after a fabric
// re-creation. The baseline of the growth over cycles is taken at the
// second: the fabric created by the first re-creation has lived a whole
// cycle (created, used, destroyed), so the model's pools are warm.
func (r *recorder) fabricCycled(retained int) {
	r.recreations++
	if r.recreations == 2 {
		r.retainedCycled = retained
	}
}

// faultApplied records a fault as it happens.
func (r *recorder) faultApplied(kind string, node, peer int) {
	r.faults++
	r.lastFaultAt = r.w.sim.Now()
	r.afterLastFault = 0
	r.ev = trace.Event{Kind: trace.EvFault, At: r.w.sim.Now(), Fault: kind, Node: node, Peer: peer}
	r.emit()
}

// modulated records a modulation request and opens its response probe.
func (r *recorder) modulated(now clock.Time, m arousal.Modulation, a float64, level arousal.Level) {
	r.modulations++
	r.modProbes = append(r.modProbes, modProbe{at: now, from: a, delta: m.Delta, level: level})
	r.ev = trace.Event{Kind: trace.EvModulation, At: now, Delta: m.Delta, Decay: m.Duration, Priority: m.Priority}
	r.emit()
}

// finish flushes the trace and counts the probes left unanswered.
func (r *recorder) finish() error {
	r.modUnanswered = len(r.modProbes)
	if r.trace != nil {
		if err := r.trace.Flush(); err != nil && r.err == nil {
			r.err = err
		}
	}
	return r.err
}
