package spec

import "github.com/esgtsim/esgtsim/clock"

// OriginalSpec is the [original] table: models of mechanisms of the
// original that esgtsim's model does not act on, each adding its figures
// to the report (under "original") when switched on. All are off by
// default.
type OriginalSpec struct {
	// MCEAThreshold reports MCEA's own salience threshold, 0.70 / (0.5 +
	// 1.5·arousal) unclamped (above 1.0 when arousal is below 0.133: no
	// salience passes), beside the bridge's clamped one. Needs [arousal].
	MCEAThreshold bool `toml:"mcea_threshold" doc:"the original's MCEA threshold mapping"`
	// Goals classes every needs sample by the urgency of its most urgent
	// need, counts critical needs, and runs the original's autonomous goal
	// generator on the samples. Needs [needs].
	Goals bool `toml:"goals" doc:"the original's goal generation from needs"`
	// Resilience scores the run as the original's StressMonitor scores a
	// stress test. Needs [arousal].
	Resilience ResilienceSpec `toml:"resilience"`
}

// ResilienceSpec is [original.resilience]: the phases of a stress test
// whose arousal samples (one per controller update) the StressMonitor's
// resilience score is computed from.
type ResilienceSpec struct {
	Enabled bool `toml:"enabled" doc:"judge resilience as the original did"`
	// StressStart and StressEnd bound the stress phase; the arousal at
	// StressStart is the baseline recovery is measured against.
	StressStart clock.Duration `toml:"stress_start" doc:"start of the stress window"`
	StressEnd   clock.Duration `toml:"stress_end" doc:"end of the stress window"`
	// Recovery is how long after StressEnd recovery is looked for (the
	// original gives up after 60 s).
	Recovery clock.Duration `toml:"recovery" doc:"time allowed to recover after the stress"`
	// Tolerance is how close to the baseline arousal counts as recovered.
	Tolerance float64 `toml:"tolerance" check:"prob" doc:"relative shortfall still counted as recovered"`
}

// validateOriginal checks that each [original] model has what it reads.
func (sc *Scenario) validateOriginal() error {
	o, s := sc.Spec.Original, &sc.Spec
	if o.MCEAThreshold && !s.Arousal.Enabled {
		return sc.errorf("original.mcea_threshold", "MCEA's threshold needs [arousal] enabled = true")
	}
	if o.Goals && !s.Needs.Enabled {
		return sc.errorf("original.goals", "urgency classes and goals need [needs] enabled = true")
	}
	if r := o.Resilience; r.Enabled {
		switch {
		case !s.Arousal.Enabled:
			return sc.errorf("original.resilience.enabled", "the resilience score needs [arousal] enabled = true")
		case r.StressEnd <= r.StressStart:
			return sc.errorf("original.resilience.stress_end", "the stress phase must end (%v) after it starts (%v)", r.StressEnd, r.StressStart)
		case r.Recovery <= 0:
			return sc.errorf("original.resilience.recovery", "the recovery phase must be positive")
		case r.StressEnd+r.Recovery > s.Duration:
			return sc.errorf("original.resilience.recovery", "the recovery phase ends (%v) after the run (%v)", r.StressEnd+r.Recovery, s.Duration)
		}
	}
	return nil
}
