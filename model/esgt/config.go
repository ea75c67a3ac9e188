package esgt

import (
	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/kuramoto"
	"github.com/esgtsim/esgtsim/model/param"
)

// Config holds the coordinator's parameters. Start from [DefaultConfig];
// every field defaults to the model's value (docs/model.md §3).
type Config struct {
	// Trigger conditions.
	MinSalience        float64        // 0.60
	MaxMeanLatency     clock.Duration // 5 ms: mean live link latency allowed
	MinAvailableNodes  int            // 8
	MinCPUCapacity     float64        // 0.40
	DefaultCPUCapacity float64        // 0.60: used when no CPU source is set
	RefractoryPeriod   clock.Duration // 200 ms
	MaxFrequencyHz     float64        // 5: ignitions started per sliding second
	MinArousal         float64        // 0.40
	FixedArousal       float64        // 0.70: used when no arousal source is set (docs/model.md §7.7)

	// Phases.
	PrepareCost      clock.Duration // recruitment cost; 1 ms (our choice)
	RecruitNodes     int            // nodes per ignition; 0 recruits every free healthy node
	SyncTimeout      clock.Duration // 300 ms
	TargetCoherence  float64        // 0.70
	SustainDuration  clock.Duration // 200 ms, unless a request asks for another
	DissolveDuration clock.Duration // 50 ms
	DissolveCoupling float64        // 0.5: factor applied to K in DISSOLVE, for that ignition only
	SampleEvery      clock.Duration // coherence history interval; 0 means every step
	KeepHistory      bool           // keep each ignition's coherence history for observers

	// Hardening. A zero limit disables its mechanism.
	RateLimitHz         float64        // 10: token bucket, capacity one second of tokens
	MaxConcurrent       int            // 3
	BreakerThreshold    int            // 5 consecutive failed ignitions open the breaker
	BreakerCooldown     clock.Duration // 10 s until half-open
	DegradedWindow      int            // 10 recent synchronisation attempts
	DegradedHorizon     clock.Duration // 30 s: older attempts no longer count; 0 keeps them
	DegradedMinSamples  int            // 5 attempts before degraded mode can be judged
	DegradedEnter       float64        // 0.65: mean peak coherence below this enters
	DegradedExit        float64        // 0.70: mean peak coherence at or above this leaves
	DegradedMinSalience float64        // 0.85

	// How the hardening counts and charges (the model's choices by
	// default; the original's at its revision of 2025-11-15 otherwise).
	BreakerCounting BreakerCounting // Consecutive
	TokenCharge     TokenCharge     // ChargeAdmitted
	// FrequencyCountsAttempts makes the frequency gate count every request
	// that reached the trigger checks, failed ones included, as the
	// original's event history does; by default it counts admissions.
	FrequencyCountsAttempts bool
	// CouplingIgnoresWeights couples every pair of neighbours with weight 1,
	// so the ESGT-mode link weights never enter the coupling (the original);
	// by default the links' current weights do, during SUSTAIN.
	CouplingIgnoresWeights bool

	// The original's defects, off by default.
	//
	// CouplingLeak: each DISSOLVE multiplies a coupling strength shared by
	// every ignition by DissolveCoupling once per oscillator, and nothing
	// restores it; every later ignition starts from it.
	CouplingLeak bool
	// SyncToTimeout: SYNCHRONIZE always runs to SyncTimeout, even after
	// reaching the target, and succeeds when coherence at the timeout is at
	// or above the target.
	SyncToTimeout bool
	// BreakerNeverFed: no outcome is ever recorded in the circuit breaker,
	// so it never opens.
	BreakerNeverFed bool

	Oscillator kuramoto.Config // the Kuramoto parameters of every ignition
}

// DefaultConfig returns the model's defaults.
func DefaultConfig() Config {
	return Config{
		MinSalience:         0.60,
		MaxMeanLatency:      5 * clock.Millisecond,
		MinAvailableNodes:   8,
		MinCPUCapacity:      0.40,
		DefaultCPUCapacity:  0.60,
		RefractoryPeriod:    200 * clock.Millisecond,
		MaxFrequencyHz:      5,
		MinArousal:          0.40,
		FixedArousal:        0.70,
		PrepareCost:         clock.Millisecond,
		SyncTimeout:         300 * clock.Millisecond,
		TargetCoherence:     0.70,
		SustainDuration:     200 * clock.Millisecond,
		DissolveDuration:    50 * clock.Millisecond,
		DissolveCoupling:    0.5,
		RateLimitHz:         10,
		MaxConcurrent:       3,
		BreakerThreshold:    5,
		BreakerCooldown:     10 * clock.Second,
		DegradedWindow:      10,
		DegradedHorizon:     30 * clock.Second,
		DegradedMinSamples:  5,
		DegradedEnter:       0.65,
		DegradedExit:        0.70,
		DegradedMinSalience: 0.85,
		Oscillator:          kuramoto.DefaultConfig(),
	}
}

// Validate reports the first invalid parameter as a [*param.FieldError]
// naming its key as a scenario file spells it: "triggers.min_salience",
// "ignition.sustain", "hardening.degraded_exit", "oscillator.coupling".
func (c Config) Validate() error {
	type fe = param.FieldError
	if err := param.CheckFloats(
		param.Float{Key: "triggers.min_salience", Value: c.MinSalience, Range: param.Unit},
		param.Float{Key: "triggers.min_cpu_capacity", Value: c.MinCPUCapacity, Range: param.Unit},
		param.Float{Key: "triggers.default_cpu_capacity", Value: c.DefaultCPUCapacity, Range: param.Unit},
		param.Float{Key: "triggers.min_arousal", Value: c.MinArousal, Range: param.Unit},
		param.Float{Key: "triggers.fixed_arousal", Value: c.FixedArousal, Range: param.Unit},
		param.Float{Key: "triggers.max_frequency_hz", Value: c.MaxFrequencyHz, Range: param.NonNeg},
		param.Float{Key: "ignition.dissolve_coupling", Value: c.DissolveCoupling, Range: param.NonNeg},
		param.Float{Key: "hardening.rate_limit_hz", Value: c.RateLimitHz, Range: param.NonNeg},
		param.Float{Key: "hardening.degraded_enter", Value: c.DegradedEnter, Range: param.Unit},
		param.Float{Key: "hardening.degraded_exit", Value: c.DegradedExit, Range: param.Unit},
		param.Float{Key: "hardening.degraded_min_salience", Value: c.DegradedMinSalience, Range: param.Unit},
	); err != nil {
		return err
	}
	if !(c.TargetCoherence > 0 && c.TargetCoherence <= 1) {
		return &fe{Key: "ignition.target_coherence", Value: c.TargetCoherence, Reason: "must be in (0, 1]"}
	}
	for _, d := range []struct {
		key string
		v   clock.Duration
	}{
		{"triggers.max_mean_latency", c.MaxMeanLatency}, {"triggers.refractory_period", c.RefractoryPeriod},
		{"ignition.prepare_cost", c.PrepareCost}, {"ignition.sample_every", c.SampleEvery},
		{"hardening.breaker_cooldown", c.BreakerCooldown}, {"hardening.degraded_horizon", c.DegradedHorizon},
	} {
		if d.v < 0 {
			return &fe{Key: d.key, Value: d.v, Reason: "must be >= 0"}
		}
	}
	for _, d := range []struct {
		key string
		v   clock.Duration
	}{{"ignition.sync_timeout", c.SyncTimeout}, {"ignition.sustain", c.SustainDuration}, {"ignition.dissolve", c.DissolveDuration}} {
		if d.v <= 0 {
			return &fe{Key: d.key, Value: d.v, Reason: "must be > 0"}
		}
	}
	for _, n := range []struct {
		key string
		v   int
	}{
		{"ignition.recruit_nodes", c.RecruitNodes},
		{"hardening.max_concurrent", c.MaxConcurrent}, {"hardening.breaker_threshold", c.BreakerThreshold},
		{"hardening.degraded_window", c.DegradedWindow}, {"hardening.degraded_min_samples", c.DegradedMinSamples},
	} {
		if n.v < 0 {
			return &fe{Key: n.key, Value: n.v, Reason: "must be >= 0"}
		}
	}
	switch {
	case c.MinAvailableNodes < 1:
		return &fe{Key: "triggers.min_available_nodes", Value: c.MinAvailableNodes, Reason: "must be >= 1"}
	case c.RecruitNodes != 0 && c.RecruitNodes < c.MinAvailableNodes:
		return &fe{Key: "ignition.recruit_nodes", Value: c.RecruitNodes, Reason: "is below", Other: "triggers.min_available_nodes", OtherValue: c.MinAvailableNodes}
	case c.DegradedExit < c.DegradedEnter:
		return &fe{Key: "hardening.degraded_exit", Value: c.DegradedExit, Reason: "must be >=", Other: "hardening.degraded_enter", OtherValue: c.DegradedEnter}
	case c.BreakerCounting > Total:
		return &fe{Key: "hardening.breaker_counting", Value: uint8(c.BreakerCounting), Reason: "is no breaker counting"}
	case c.TokenCharge > ChargeEveryCall:
		return &fe{Key: "hardening.token_charge", Value: uint8(c.TokenCharge), Reason: "is no token charge"}
	case c.DegradedMinSamples > c.DegradedWindow:
		return &fe{Key: "hardening.degraded_min_samples", Value: c.DegradedMinSamples, Reason: "exceeds", Other: "hardening.degraded_window", OtherValue: c.DegradedWindow}
	}
	return param.Under("oscillator.", c.Oscillator.Validate())
}
