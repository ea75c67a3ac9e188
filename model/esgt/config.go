package esgt

import (
	"fmt"
	"math"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/kuramoto"
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

// Validate reports the first invalid parameter, naming it.
func (c Config) Validate() error {
	type check struct {
		name string
		v    float64
		lo   float64
		hi   float64
	}
	for _, k := range []check{
		{"min_salience", c.MinSalience, 0, 1},
		{"min_cpu_capacity", c.MinCPUCapacity, 0, 1},
		{"default_cpu_capacity", c.DefaultCPUCapacity, 0, 1},
		{"min_arousal", c.MinArousal, 0, 1},
		{"fixed_arousal", c.FixedArousal, 0, 1},
		{"target_coherence", c.TargetCoherence, 0, 1},
		{"dissolve_coupling", c.DissolveCoupling, 0, math.MaxFloat64},
		{"max_frequency_hz", c.MaxFrequencyHz, 0, math.MaxFloat64},
		{"rate_limit_hz", c.RateLimitHz, 0, math.MaxFloat64},
		{"degraded_enter", c.DegradedEnter, 0, 1},
		{"degraded_exit", c.DegradedExit, 0, 1},
		{"degraded_min_salience", c.DegradedMinSalience, 0, 1},
	} {
		if math.IsNaN(k.v) || k.v < k.lo || k.v > k.hi {
			return fmt.Errorf("esgt: %s must be in [%v, %v], got %v", k.name, k.lo, k.hi, k.v)
		}
	}
	for _, d := range []struct {
		name string
		v    clock.Duration
	}{
		{"max_mean_latency", c.MaxMeanLatency}, {"refractory_period", c.RefractoryPeriod},
		{"prepare_cost", c.PrepareCost}, {"sample_every", c.SampleEvery},
		{"breaker_cooldown", c.BreakerCooldown}, {"degraded_horizon", c.DegradedHorizon},
	} {
		if d.v < 0 {
			return fmt.Errorf("esgt: %s must not be negative, got %v", d.name, d.v)
		}
	}
	for _, d := range []struct {
		name string
		v    clock.Duration
	}{{"sync_timeout", c.SyncTimeout}, {"sustain_duration", c.SustainDuration}, {"dissolve_duration", c.DissolveDuration}} {
		if d.v <= 0 {
			return fmt.Errorf("esgt: %s must be positive, got %v", d.name, d.v)
		}
	}
	for _, n := range []struct {
		name string
		v    int
	}{
		{"min_available_nodes", c.MinAvailableNodes}, {"recruit_nodes", c.RecruitNodes},
		{"max_concurrent", c.MaxConcurrent}, {"breaker_threshold", c.BreakerThreshold},
		{"degraded_window", c.DegradedWindow}, {"degraded_min_samples", c.DegradedMinSamples},
	} {
		if n.v < 0 {
			return fmt.Errorf("esgt: %s must not be negative, got %d", n.name, n.v)
		}
	}
	switch {
	case c.MinAvailableNodes < 1:
		return fmt.Errorf("esgt: min_available_nodes must be at least 1, got %d", c.MinAvailableNodes)
	case c.RecruitNodes != 0 && c.RecruitNodes < c.MinAvailableNodes:
		return fmt.Errorf("esgt: recruit_nodes %d is below min_available_nodes %d", c.RecruitNodes, c.MinAvailableNodes)
	case c.DegradedExit < c.DegradedEnter:
		return fmt.Errorf("esgt: degraded_exit %v must be >= degraded_enter %v", c.DegradedExit, c.DegradedEnter)
	case c.BreakerCounting > Total:
		return fmt.Errorf("esgt: unknown breaker counting %d", c.BreakerCounting)
	case c.TokenCharge > ChargeEveryCall:
		return fmt.Errorf("esgt: unknown token charge %d", c.TokenCharge)
	case c.DegradedMinSamples > c.DegradedWindow:
		return fmt.Errorf("esgt: degraded_min_samples %d exceeds degraded_window %d", c.DegradedMinSamples, c.DegradedWindow)
	}
	return c.Oscillator.Validate()
}
