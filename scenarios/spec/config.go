package spec

import (
	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/bridge"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/model/kuramoto"
	"github.com/esgtsim/esgtsim/model/needs"
)

// The conversions below turn the file's tables into the model's configs:
// validation checks the very configs a run is built from.

// FabricConfig returns the fabric's config; with fabric.edges, the node
// count is the list's and the generator is not used.
func (sc *Scenario) FabricConfig() fabric.Config {
	c := sc.Spec.Fabric.Config
	if sc.edges != nil {
		c.Nodes, c.MinDegree = sc.edges.Nodes, 1 // the generator is not used
	}
	return c
}

// OscillatorConfig returns the oscillators' config: [oscillator], the
// target of [ignition] and the defects that change the dynamics.
func (sc *Scenario) OscillatorConfig() kuramoto.Config {
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

// ESGTConfig returns the coordinator's config. It is the one place where
// scenario-level switches ([hardening] enabled, [defects]) adjust it.
func (sc *Scenario) ESGTConfig() esgt.Config {
	s := &sc.Spec
	c := esgt.DefaultConfig()
	c.Triggers, c.Ignition, c.Hardening = s.Triggers, s.Ignition, s.Hardening.config()
	d := s.Defects
	c.CouplingLeak, c.SyncToTimeout, c.BreakerNeverFed = d.CouplingLeak, d.SyncToTimeout, d.BreakerNeverFed
	c.Oscillator = sc.OscillatorConfig()
	return c
}

// ArousalConfig returns the arousal controller's config, without the
// post-ignition drop when that defect is on.
func (sc *Scenario) ArousalConfig() arousal.Config {
	c := sc.Spec.Arousal.Config
	if sc.Spec.Defects.DropNeverApplied {
		c.RefractoryDrop.Mode = arousal.DropOff
	}
	return c
}

// MonitorConfig returns the needs monitor's config.
func (sc *Scenario) MonitorConfig() needs.MonitorConfig {
	return needs.MonitorConfig{Sampling: sc.Spec.Needs.Sampling, Params: sc.Spec.Needs.Params}
}

// Profile returns the metrics profile of [needs]; change kinds and metric
// names were checked by validation.
func (sc *Scenario) Profile() *needs.Profile {
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

// Occurrences returns the instants of a change, repeat times period apart.
func (c *ChangeSpec) Occurrences() []clock.Time { return occurrences(c.At, c.Repeat, c.Period) }

// Occurrences returns the instants of a fault, repeat times period apart.
func (f *FaultSpec) Occurrences() []clock.Time { return occurrences(f.At, f.Repeat, f.Period) }

// occurrences returns the instants of a repeated change or fault.
func occurrences(at clock.Duration, repeat int, period clock.Duration) []clock.Time {
	ts := make([]clock.Time, repeat)
	for r := range ts {
		ts[r] = clock.Time(at + clock.Duration(r)*period)
	}
	return ts
}

// BridgeConfig returns the bridge's config.
func (sc *Scenario) BridgeConfig() bridge.Config { return sc.Spec.Bridge.Config }
