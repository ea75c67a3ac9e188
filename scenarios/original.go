package scenarios

import (
	"math"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/needs"
	"github.com/esgtsim/esgtsim/scenarios/spec"
)

// The original's StressMonitor constants (mcea/stress.py).
const (
	runawayArousal     = 0.95 // a stress sample above it counts toward runaway
	runawayFraction    = 0.8  // runaway: more than this fraction of stress samples above
	runawayMinSamples  = 10   // fewer stress samples never count as runaway
	slowRecovery       = 60   // seconds: slower recovery costs 10 points
	unstableCV         = 0.3  // arousal cv above it costs 10 points
	passRecoverySecond = 120  // a test passes only if recovery took less
)

// OriginalInfo is the report's "original" object.
type OriginalInfo struct {
	MCEAThreshold *MCEAThresholdInfo `json:"mcea_threshold,omitempty"`
	Needs         *UrgencyInfo       `json:"needs,omitempty"`
	Resilience    *ResilienceInfo    `json:"resilience,omitempty"`
}

// MCEAThresholdInfo summarises MCEA's unclamped threshold over the
// controller's updates, beside the bridge's clamped one.
type MCEAThresholdInfo struct {
	Min  float64 `json:"min"`
	Max  float64 `json:"max"`
	Mean float64 `json:"mean"`
	// UpdatesAboveOne counts updates at which no salience could pass it.
	UpdatesAboveOne uint64 `json:"updates_above_one"`
	// BridgeMin and BridgeMax are the coordinator's threshold over the
	// same updates, as the bridge clamped it.
	BridgeMin float64 `json:"bridge_min"`
	BridgeMax float64 `json:"bridge_max"`
}

// UrgencyInfo summarises the needs samples as the original's MMEI classes
// them, and what its goal generator made of them.
type UrgencyInfo struct {
	// MostUrgent counts samples by the class of their most urgent need.
	MostUrgent map[string]uint64 `json:"most_urgent"`
	// CriticalSamples counts samples with a critical deficit need (>= 0.80);
	// OverflowSamples those with three or more.
	CriticalSamples uint64            `json:"critical_samples"`
	OverflowSamples uint64            `json:"overflow_samples"`
	GoalsCreated    map[string]uint64 `json:"goals_created"`
	GoalsSatisfied  uint64            `json:"goals_satisfied"`
	GoalsExpired    uint64            `json:"goals_expired"`
	GoalsActive     int               `json:"goals_active_at_end"`
	GoalsMaxActive  int               `json:"goals_max_active"`
	// AtCapacity counts samples that created no goal because ten were
	// active.
	AtCapacity uint64 `json:"goals_at_capacity"`
}

// ResilienceInfo is the StressMonitor's verdict on the run.
type ResilienceInfo struct {
	Score           float64 `json:"score"`
	Passed          bool    `json:"passed"`
	Runaway         bool    `json:"runaway"`
	Recovered       bool    `json:"recovered"`
	RecoverySeconds float64 `json:"recovery_seconds"`
	ArousalCV       float64 `json:"arousal_cv"`
	InitialArousal  float64 `json:"initial_arousal"`
	PeakArousal     float64 `json:"peak_arousal"`
	StressSamples   int     `json:"stress_samples"`
	RecoverySamples int     `json:"recovery_samples"`
}

// originalModels runs the [original] models on a world's callbacks.
type originalModels struct {
	spec spec.OriginalSpec
	w    *world

	thr                MCEAThresholdInfo
	thrSum             float64
	thrN               uint64
	bridgeSet          bool
	urgency            [5]uint64
	critical, overflow uint64
	goals              *needs.GoalGenerator
	initial, peak      float64
	stress, recovery   []float64 // arousal samples of each phase
	recoveredAt        clock.Time
	recovered          bool
}

// attachOriginal registers the [original] models the scenario switches on.
func attachOriginal(w *world) *originalModels {
	orig := w.sc.Spec.Original
	if !orig.MCEAThreshold && !orig.Goals && !orig.Resilience.Enabled {
		return nil
	}
	o := &originalModels{spec: orig, w: w}
	if orig.Goals && w.monitor != nil {
		o.goals = needs.NewGoalGenerator(needs.DefaultGoalConfig())
		w.monitor.OnSample(o.needsSampled)
	}
	if w.ctrl != nil && (orig.MCEAThreshold || orig.Resilience.Enabled) {
		w.ctrl.OnUpdate(o.arousalUpdated)
	}
	return o
}

func (o *originalModels) needsSampled(now clock.Time, _ needs.Metrics, n needs.Needs) {
	_, _, u := n.MostUrgent()
	o.urgency[u]++
	if c := len(n.Critical()); c > 0 {
		o.critical++
		if c >= 3 {
			o.overflow++
		}
	}
	o.goals.Generate(now, n)
}

func (o *originalModels) arousalUpdated(now clock.Time, a, _ float64) {
	if o.spec.MCEAThreshold {
		t := o.w.ctrl.EffectiveThreshold()
		b := o.w.coord.MinSalience()
		if o.thrN == 0 {
			o.thr.Min, o.thr.Max, o.thr.BridgeMin, o.thr.BridgeMax = t, t, b, b
		}
		o.thr.Min, o.thr.Max = min(o.thr.Min, t), max(o.thr.Max, t)
		o.thr.BridgeMin, o.thr.BridgeMax = min(o.thr.BridgeMin, b), max(o.thr.BridgeMax, b)
		if t > 1 {
			o.thr.UpdatesAboveOne++
		}
		o.thrSum += t
		o.thrN++
	}
	if r := o.spec.Resilience; r.Enabled {
		at := clock.Duration(now)
		if at <= r.StressStart {
			o.initial = a
		}
		switch {
		case at < r.StressStart:
		case at < r.StressEnd:
			o.stress = append(o.stress, a)
			o.peak = max(o.peak, a)
		case at < r.StressEnd+r.Recovery:
			o.recovery = append(o.recovery, a)
			if !o.recovered && math.Abs(a-o.initial) < r.Tolerance {
				o.recovered, o.recoveredAt = true, now
			}
		}
	}
}

// summary returns the report's "original" object.
func (o *originalModels) summary() *OriginalInfo {
	info := &OriginalInfo{}
	if o.spec.MCEAThreshold && o.thrN > 0 {
		t := o.thr
		t.Mean = o.thrSum / float64(o.thrN)
		info.MCEAThreshold = &t
	}
	if o.goals != nil {
		s := o.goals.Stats()
		u := &UrgencyInfo{
			MostUrgent: map[string]uint64{}, GoalsCreated: map[string]uint64{},
			CriticalSamples: o.critical, OverflowSamples: o.overflow,
			GoalsSatisfied: s.Satisfied, GoalsExpired: s.Expired, GoalsActive: o.goals.Active(),
			GoalsMaxActive: s.MaxActive, AtCapacity: s.AtCapacity,
		}
		for c, n := range o.urgency {
			u.MostUrgent[needs.Urgency(c).String()] = n
		}
		for k, n := range s.Created {
			u.GoalsCreated[needs.GoalType(k).String()] = n
		}
		info.Needs = u
	}
	if o.spec.Resilience.Enabled {
		info.Resilience = o.resilience()
	}
	return info
}

// resilience computes StressResponse.get_resilience_score from the
// samples: 100, minus 40 for runaway arousal, 15 if arousal never came
// back within tolerance of its initial value (else 10 if that took more
// than 60 s), 10 if the arousal's coefficient of variation exceeds 0.3;
// goal-generation failure and coherence collapse are never set by the
// original and cost nothing here either.
func (o *originalModels) resilience() *ResilienceInfo {
	r := o.spec.Resilience
	info := &ResilienceInfo{
		InitialArousal: o.initial, PeakArousal: o.peak,
		StressSamples: len(o.stress), RecoverySamples: len(o.recovery), Recovered: o.recovered,
		RecoverySeconds: r.Recovery.Seconds(), // never recovered: the whole phase, as the original sets it
	}
	if o.recovered {
		info.RecoverySeconds = o.recoveredAt.Sub(clock.Time(r.StressEnd)).Seconds()
	}
	if len(o.stress) >= runawayMinSamples {
		high := 0
		for _, a := range o.stress {
			if a > runawayArousal {
				high++
			}
		}
		info.Runaway = float64(high)/float64(len(o.stress)) > runawayFraction
	}
	all := append(append([]float64(nil), o.stress...), o.recovery...)
	if len(all) > 0 {
		var sum, sq float64
		for _, a := range all {
			sum += a
		}
		mean := sum / float64(len(all))
		for _, a := range all {
			d := a - mean
			sq += float64(d * d)
		}
		if mean != 0 {
			info.ArousalCV = math.Sqrt(sq/float64(len(all))) / mean
		}
	}
	score := 100.0
	if info.Runaway {
		score -= 40
	}
	switch {
	case !info.Recovered:
		score -= 15
	case info.RecoverySeconds > slowRecovery:
		score -= 10
	}
	if info.ArousalCV > unstableCV {
		score -= 10
	}
	info.Score = max(score, 0)
	info.Passed = !info.Runaway && info.RecoverySeconds < passRecoverySecond
	return info
}
