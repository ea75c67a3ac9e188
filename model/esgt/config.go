package esgt

import (
	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/kuramoto"
	"github.com/esgtsim/esgtsim/model/param"
)

// Config holds the coordinator's parameters. Start from [DefaultConfig];
// every field defaults to the model's value (docs/model.md §3). The
// embedded [Triggers], [Ignition] and [Hardening] are a scenario's
// [triggers], [ignition] and [hardening] tables; their tags name each
// key, its bounds and its one-line documentation.
type Config struct {
	Triggers  `toml:"triggers"`
	Ignition  `toml:"ignition"`
	Hardening `toml:"hardening"`

	// KeepHistory keeps each ignition's coherence history for observers.
	KeepHistory bool

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

	// Oscillator holds the Kuramoto parameters of every ignition.
	Oscillator kuramoto.Config
}

// Triggers are the conditions a request must meet to start an ignition
// (docs/model.md §3, trigger conditions).
type Triggers struct {
	MinSalience        float64        `toml:"min_salience" check:"prob" doc:"salience below which a request is refused"`
	MaxMeanLatency     clock.Duration `toml:"max_mean_latency" doc:"mean live link latency allowed"`
	MinAvailableNodes  int            `toml:"min_available_nodes" check:"pos" doc:"fewest free healthy nodes an ignition needs"`
	MinCPUCapacity     float64        `toml:"min_cpu_capacity" check:"prob" doc:"CPU capacity below which a request is refused"`
	DefaultCPUCapacity float64        `toml:"default_cpu_capacity" check:"prob" doc:"CPU capacity read when no CPU source is set"`
	RefractoryPeriod   clock.Duration `toml:"refractory_period" doc:"time after an ignition before the next may start"`
	MaxFrequencyHz     float64        `toml:"max_frequency_hz" check:"nonneg" doc:"most ignitions started per sliding second"`
	MinArousal         float64        `toml:"min_arousal" check:"prob" doc:"arousal below which a request is refused"`
	// FixedArousal is read when no arousal source is set (docs/model.md
	// §7.7).
	FixedArousal float64 `toml:"fixed_arousal" check:"prob" doc:"arousal read when [arousal] is disabled"`
	// FrequencyCounts is what the MaxFrequencyHz gate counts in its
	// sliding second: admitted requests (the model's) or also requests
	// that failed the trigger checks, as the original's event history
	// holds them (revision 2025-11-15).
	FrequencyCounts FrequencyCounting `toml:"frequency_counts" doc:"what the frequency gate counts: ignitions or attempts"`
}

// Ignition holds the parameters of an ignition's phases (docs/model.md §3,
// the five phases).
type Ignition struct {
	// PrepareCost is the time spent recruiting nodes (our choice).
	PrepareCost  clock.Duration `toml:"prepare_cost" doc:"time spent recruiting nodes (PREPARE)"`
	RecruitNodes int            `toml:"recruit_nodes" check:"nonneg" doc:"nodes per ignition; 0 recruits every free healthy node"`
	SyncTimeout  clock.Duration `toml:"sync_timeout" check:"pos" doc:"longest SYNCHRONIZE before the attempt fails"`
	// TargetCoherence is the coherence r regarded as synchronised, in (0, 1].
	TargetCoherence  float64        `toml:"target_coherence" check:"pos,prob" doc:"coherence r regarded as synchronised"`
	SustainDuration  clock.Duration `toml:"sustain" check:"pos" doc:"SUSTAIN duration, unless a request asks for another"`
	DissolveDuration clock.Duration `toml:"dissolve" check:"pos" doc:"DISSOLVE duration"`
	// DissolveCoupling is applied to K in DISSOLVE, for that ignition only.
	DissolveCoupling float64        `toml:"dissolve_coupling" check:"nonneg" doc:"factor applied to K during DISSOLVE"`
	SampleEvery      clock.Duration `toml:"sample_every" doc:"coherence history interval; 0 means every step"`
	// ESGTWeightsInCoupling lets the links' ESGT-mode weights (×1.5 during
	// SUSTAIN) enter the Kuramoto coupling; false couples every pair of
	// neighbours with weight 1, as the original does (revision 2025-11-15).
	ESGTWeightsInCoupling bool `toml:"esgt_weights_in_coupling" doc:"let the links' ESGT-mode weights enter the coupling"`
}

// Hardening holds the admission controls the original gained after its
// revision of 2025-10-07; a zero limit disables its mechanism.
type Hardening struct {
	// BreakerCounting and TokenCharge are how the hardening counts and
	// charges: the model's choices by default, the original's at its
	// revision of 2025-11-15 otherwise.
	BreakerCounting     BreakerCounting `toml:"breaker_counting" doc:"what opens the breaker: consecutive or total failures"`
	TokenCharge         TokenCharge     `toml:"token_charge" doc:"who spends a token: admitted requests or every_call"`
	RateLimitHz         float64         `toml:"rate_limit_hz" check:"nonneg" doc:"token bucket rate; 0 disables it"`
	MaxConcurrent       int             `toml:"max_concurrent" check:"nonneg" doc:"most ignitions in flight; 0 disables the limit"`
	BreakerThreshold    int             `toml:"breaker_threshold" check:"nonneg" doc:"failures that open the circuit breaker; 0 disables it"`
	BreakerCooldown     clock.Duration  `toml:"breaker_cooldown" doc:"time until an open breaker is half-open"`
	DegradedWindow      int             `toml:"degraded_window" check:"nonneg" doc:"recent synchronisation attempts judged for degraded mode; 0 disables it"`
	DegradedHorizon     clock.Duration  `toml:"degraded_horizon" doc:"age after which an attempt no longer counts; 0 keeps them"`
	DegradedMinSamples  int             `toml:"degraded_min_samples" check:"nonneg" doc:"attempts before degraded mode can be judged"`
	DegradedEnter       float64         `toml:"degraded_enter" check:"prob" doc:"mean peak coherence below which degraded mode starts"`
	DegradedExit        float64         `toml:"degraded_exit" check:"prob" doc:"mean peak coherence at or above which degraded mode ends"`
	DegradedMinSalience float64         `toml:"degraded_min_salience" check:"prob" doc:"salience a request needs in degraded mode"`
}

// DefaultConfig returns the model's defaults.
func DefaultConfig() Config {
	return Config{
		Triggers: Triggers{
			MinSalience:        0.60,
			MaxMeanLatency:     5 * clock.Millisecond,
			MinAvailableNodes:  8,
			MinCPUCapacity:     0.40,
			DefaultCPUCapacity: 0.60,
			RefractoryPeriod:   200 * clock.Millisecond,
			MaxFrequencyHz:     5,
			MinArousal:         0.40,
			FixedArousal:       0.70,
		},
		Ignition: Ignition{
			PrepareCost:           clock.Millisecond,
			SyncTimeout:           300 * clock.Millisecond,
			TargetCoherence:       0.70,
			SustainDuration:       200 * clock.Millisecond,
			DissolveDuration:      50 * clock.Millisecond,
			DissolveCoupling:      0.5,
			ESGTWeightsInCoupling: true,
		},
		Hardening: Hardening{
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
		},
		Oscillator: kuramoto.DefaultConfig(),
	}
}

// Validate reports the first invalid parameter as a [*param.FieldError]
// naming its key as a scenario file spells it: "triggers.min_salience",
// "ignition.sustain", "hardening.degraded_exit", "oscillator.coupling".
// It checks the bounds of the tags ([param.Check]), then one key against
// another, the enumerations and the oscillator.
func (c Config) Validate() error {
	type fe = param.FieldError
	if err := param.Check(c); err != nil {
		return err
	}
	switch {
	case c.RecruitNodes != 0 && c.RecruitNodes < c.MinAvailableNodes:
		return &fe{Key: "ignition.recruit_nodes", Value: c.RecruitNodes, Reason: "is below", Other: "triggers.min_available_nodes", OtherValue: c.MinAvailableNodes}
	case c.DegradedExit < c.DegradedEnter:
		return &fe{Key: "hardening.degraded_exit", Value: c.DegradedExit, Reason: "must be >=", Other: "hardening.degraded_enter", OtherValue: c.DegradedEnter}
	case c.BreakerCounting > Total:
		return &fe{Key: "hardening.breaker_counting", Value: uint8(c.BreakerCounting), Reason: "is no breaker counting"}
	case c.TokenCharge > ChargeEveryCall:
		return &fe{Key: "hardening.token_charge", Value: uint8(c.TokenCharge), Reason: "is no token charge"}
	case c.FrequencyCounts > CountAttempts:
		return &fe{Key: "triggers.frequency_counts", Value: uint8(c.FrequencyCounts), Reason: "is no frequency counting"}
	case c.Oscillator.Step > c.SyncTimeout:
		// An ignition must be able to take a step before it times out.
		return &fe{Key: "oscillator.step", Value: c.Oscillator.Step, Reason: "exceeds", Other: "ignition.sync_timeout", OtherValue: c.SyncTimeout}
	case c.DegradedMinSamples > c.DegradedWindow:
		return &fe{Key: "hardening.degraded_min_samples", Value: c.DegradedMinSamples, Reason: "exceeds", Other: "hardening.degraded_window", OtherValue: c.DegradedWindow}
	}
	return param.Under("oscillator.", c.Oscillator.Validate())
}
