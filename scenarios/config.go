package scenarios

import (
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/bridge"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/model/kuramoto"
	"github.com/esgtsim/esgtsim/model/needs"
)

// The conversions below turn the file's tables into the model's configs.
// Enumerations were checked by validate, so their parse errors are ignored.

func (sc *Scenario) fabricConfig() fabric.Config {
	c := sc.Spec.Fabric.Config
	if sc.edges != nil {
		c.Nodes, c.MinDegree = sc.edges.Nodes, 1 // the generator is not used
	}
	return c
}

func (sc *Scenario) oscillatorConfig() kuramoto.Config {
	c := sc.Spec.Oscillator
	c.Target = sc.Spec.Ignition.TargetCoherence
	d := sc.Spec.Defects
	if d.IdenticalFrequencies {
		c.FreqDist, c.FreqSpreadHz = kuramoto.DistNone, 0
	}
	if d.UnscaledNoise {
		c.NoiseScaling = kuramoto.NoiseStep
	}
	if d.PhaseDamping {
		c.Damping = originalDamping
	}
	return c
}

// originalDamping is the d of the original's −d·(θ mod 2π) term at its
// revision of 2025-10-07, in 1/s.
const originalDamping = 0.1

// frequencyCountsName names what the frequency gate counts.
func frequencyCountsName(attempts bool) string {
	if attempts {
		return "attempts"
	}
	return "ignitions"
}

// parseFrequencyCounts reports whether name asks the frequency gate to
// count attempts.
func parseFrequencyCounts(name string) (bool, error) {
	switch name {
	case "ignitions":
		return false, nil
	case "attempts":
		return true, nil
	}
	return false, fmt.Errorf("unknown frequency count %q (want ignitions or attempts)", name)
}

func (sc *Scenario) esgtConfig() esgt.Config {
	t, ig, h := sc.Spec.Triggers, sc.Spec.Ignition, sc.Spec.Hardening
	c := esgt.DefaultConfig()
	c.MinSalience, c.MaxMeanLatency, c.MinAvailableNodes = t.MinSalience, t.MaxMeanLatency, t.MinAvailableNodes
	c.MinCPUCapacity, c.DefaultCPUCapacity = t.MinCPUCapacity, t.DefaultCPUCapacity
	c.RefractoryPeriod, c.MaxFrequencyHz = t.RefractoryPeriod, t.MaxFrequencyHz
	c.MinArousal, c.FixedArousal = t.MinArousal, t.FixedArousal
	c.PrepareCost, c.RecruitNodes, c.SyncTimeout = ig.PrepareCost, ig.RecruitNodes, ig.SyncTimeout
	c.TargetCoherence, c.SustainDuration, c.DissolveDuration = ig.TargetCoherence, ig.Sustain, ig.Dissolve
	c.DissolveCoupling, c.SampleEvery = ig.DissolveCoupling, ig.SampleEvery
	c.RateLimitHz, c.MaxConcurrent = h.RateLimitHz, h.MaxConcurrent
	c.BreakerThreshold, c.BreakerCooldown = h.BreakerThreshold, h.BreakerCooldown
	c.DegradedWindow, c.DegradedHorizon, c.DegradedMinSamples = h.DegradedWindow, h.DegradedHorizon, h.DegradedMinSamples
	c.DegradedEnter, c.DegradedExit, c.DegradedMinSalience = h.DegradedEnter, h.DegradedExit, h.DegradedMinSalience
	if !h.Enabled {
		c.RateLimitHz, c.MaxConcurrent, c.BreakerThreshold = 0, 0, 0
		c.DegradedWindow, c.DegradedMinSamples = 0, 0
	}
	c.BreakerCounting, _ = esgt.ParseBreakerCounting(h.BreakerCounting)
	c.TokenCharge, _ = esgt.ParseTokenCharge(h.TokenCharge)
	c.FrequencyCountsAttempts, _ = parseFrequencyCounts(t.FrequencyCounts)
	c.CouplingIgnoresWeights = !ig.ESGTWeightsInCoupling
	d := sc.Spec.Defects
	c.CouplingLeak, c.SyncToTimeout, c.BreakerNeverFed = d.CouplingLeak, d.SyncToTimeout, d.BreakerNeverFed
	c.Oscillator = sc.oscillatorConfig()
	return c
}

func (sc *Scenario) arousalConfig() arousal.Config {
	c := sc.Spec.Arousal.Config
	if sc.Spec.Defects.DropNeverApplied {
		c.RefractoryDrop.Mode = arousal.DropOff
	}
	return c
}

func (sc *Scenario) monitorConfig() needs.MonitorConfig {
	return needs.MonitorConfig{Interval: sc.Spec.Needs.Interval, Params: sc.Spec.Needs.Params}
}

// profile returns the metrics profile of [needs]; change kinds and metric
// names were checked by validate.
func (sc *Scenario) profile() *needs.Profile {
	n := sc.Spec.Needs
	p := &needs.Profile{Base: n.Base}
	for _, ch := range n.Changes {
		k, _ := needs.ParseMetric(ch.Metric)
		for r := range ch.Repeat {
			shift := clock.Duration(r) * ch.Period
			at := clock.Time(ch.At + shift)
			switch ch.Kind {
			case "step":
				p.Changes = append(p.Changes, needs.Step(k, at, ch.Value))
			case "ramp":
				p.Changes = append(p.Changes, needs.Ramp(k, at, clock.Time(ch.Until+shift), ch.Value))
			case "spike":
				p.Changes = append(p.Changes, needs.Spike(k, at, ch.Duration, ch.Value))
			}
		}
	}
	return p
}

// occurrences returns the instants of a repeated change or fault.
func occurrences(at clock.Duration, repeat int, period clock.Duration) []clock.Time {
	ts := make([]clock.Time, repeat)
	for r := range ts {
		ts[r] = clock.Time(at + clock.Duration(r)*period)
	}
	return ts
}

func (sc *Scenario) bridgeConfig() bridge.Config { return sc.Spec.Bridge.Config }
