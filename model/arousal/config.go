package arousal

import (
	"math"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
)

// Config configures a [Controller]. [DefaultConfig] returns docs/model.md §4's
// values, which are the original's defaults (docs/configuration.md lists
// them).
//
// The tags name each field's key in a scenario's [arousal] table, its
// bounds and its one-line documentation.
type Config struct {
	Baseline float64 `toml:"baseline" check:"prob" doc:"resting arousal"`
	// Initial is the arousal at the start of the run, in [0, 1]; NaN (the
	// default) means Baseline.
	Initial        float64        `toml:"initial" check:"prob" doc:"arousal at the start of the run; the baseline unless set"`
	UpdateInterval clock.Duration `toml:"update_interval" check:"pos" doc:"virtual time between updates"`
	RisePerSecond  float64        `toml:"rise_per_second" check:"nonneg" doc:"fastest rise toward the target, per second"`
	FallPerSecond  float64        `toml:"fall_per_second" check:"nonneg" doc:"fastest fall toward the target, per second"`

	NeedWeights NeedWeights  `toml:"need_weights"` // how needs move the target
	Stress      StressConfig `toml:"stress"`       // stress build-up and recovery

	// Circadian adds CircadianAmplitude·sin(2π·hour/24 − π/2) on virtual
	// time of day: StartOfDay at t = 0, then advancing with the virtual
	// clock. Off by default, as in the original.
	Circadian          bool    `toml:"circadian" doc:"add the circadian term to the target"`
	CircadianAmplitude float64 `toml:"circadian_amplitude" check:"nonneg" doc:"amplitude of the circadian term"`
	// CircadianHourly truncates the hour to a whole number, reproducing the
	// original (which read the host's tm_hour); false uses the exact time
	// of day, a smooth curve.
	CircadianHourly bool `toml:"circadian_hourly" doc:"truncate the hour to a whole number, as the original"`
	// StartOfDay is the virtual time of day at t = 0, in [0, 24h); 06:00,
	// where the circadian term is 0 and rising, so enabling it does not
	// displace the starting target and a 10-minute run moves it by less
	// than 0.005.
	StartOfDay clock.Duration `toml:"start_of_day" doc:"virtual time of day at t = 0, in [0, 24h)"`

	RefractoryDrop RefractoryDrop `toml:"refractory_drop"` // the post-ignition drop; see its type

	// MaxModulations bounds the active modulations, so that a runaway
	// source cannot grow memory without bound: Modulate fails with
	// ErrTooManyModulations beyond it. 0 means no bound.
	MaxModulations int `toml:"max_modulations" check:"nonneg" doc:"most active modulations; 0 means no bound"`

	// The threshold mapping: ThresholdFactor = FactorBase + FactorSlope·a
	// and EffectiveThreshold = BaseThreshold / ThresholdFactor.
	BaseThreshold float64 `toml:"base_threshold" check:"pos,prob" doc:"threshold = base_threshold / (factor_base + factor_slope·arousal)"`
	FactorBase    float64 `toml:"factor_base" check:"pos" doc:"threshold factor at arousal 0"`
	FactorSlope   float64 `toml:"factor_slope" check:"nonneg" doc:"growth of the threshold factor per unit of arousal"`
}

// NeedWeights turn [needs.Needs] into the needs term of the target:
// Σ weight·need. The original weighs only the first four; Curiosity and
// Learning default to 0. The tags name the keys of a scenario's
// [arousal.need_weights].
type NeedWeights struct {
	Repair       float64 `toml:"repair" doc:"weight of the repair need in the target"`
	Rest         float64 `toml:"rest" doc:"weight of the rest need in the target"`
	Efficiency   float64 `toml:"efficiency" doc:"weight of the efficiency need in the target"`
	Connectivity float64 `toml:"connectivity" doc:"weight of the connectivity need in the target"`
	Curiosity    float64 `toml:"curiosity" doc:"weight of the curiosity need in the target"`
	Learning     float64 `toml:"learning" doc:"weight of the learning need in the target"`
}

// StressConfig is the slow stress accumulator. At each update, before
// arousal moves, stress grows by BuildPerSecond·interval if arousal is
// above BuildAbove, shrinks by RelievePerSecond·interval if it is below
// RelieveBelow, and is clamped to [0, 1]; it adds Gain·stress to the
// target. The tags name the keys of a scenario's [arousal.stress].
type StressConfig struct {
	BuildAbove       float64 `toml:"build_above" check:"prob" doc:"arousal above which stress builds"`
	RelieveBelow     float64 `toml:"relieve_below" check:"prob" doc:"arousal below which stress relieves"`
	BuildPerSecond   float64 `toml:"build_per_second" check:"nonneg" doc:"stress build-up per second"`
	RelievePerSecond float64 `toml:"relieve_per_second" check:"nonneg" doc:"stress relief per second"`
	Gain             float64 `toml:"gain" check:"nonneg" doc:"weight of stress in the target"`
}

// DefaultConfig returns docs/model.md §4's controller.
func DefaultConfig() Config {
	return Config{
		Baseline:       0.6,
		Initial:        math.NaN(),
		UpdateInterval: 100 * clock.Millisecond,
		RisePerSecond:  0.05,
		FallPerSecond:  0.02,
		NeedWeights: NeedWeights{
			Repair:       0.3,
			Rest:         -0.2,
			Efficiency:   0.1,
			Connectivity: 0.15,
		},
		Stress: StressConfig{
			BuildAbove:       0.7,
			RelieveBelow:     0.5,
			BuildPerSecond:   0.01,
			RelievePerSecond: 0.005,
			Gain:             0.2,
		},
		CircadianAmplitude: 0.1,
		StartOfDay:         6 * clock.Hour,
		RefractoryDrop:     DefaultRefractoryDrop(),
		MaxModulations:     1024,
		BaseThreshold:      0.70,
		FactorBase:         0.5,
		FactorSlope:        1.5,
	}
}

// Validate reports the first invalid field as a [*param.FieldError]
// naming its key ("stress.relieve_below"): the bounds of the tags
// ([param.Check]; a NaN Initial means Baseline), then what they cannot
// say.
func (c Config) Validate() error {
	tagged := c
	if math.IsNaN(tagged.Initial) {
		tagged.Initial = c.Baseline // NaN means Baseline
	}
	if err := param.Check(tagged); err != nil {
		return err
	}
	switch {
	case c.Stress.RelieveBelow > c.Stress.BuildAbove:
		return &param.FieldError{Key: "stress.relieve_below", Value: c.Stress.RelieveBelow, Reason: "must not exceed",
			Other: "stress.build_above", OtherValue: c.Stress.BuildAbove}
	case c.StartOfDay >= day:
		return &param.FieldError{Key: "start_of_day", Value: c.StartOfDay, Reason: "must be in [0, 24h)"}
	}
	return c.RefractoryDrop.validate()
}

// ThresholdFactor returns FactorBase + FactorSlope·a (0.5 + 1.5·a by
// default: 0.5 at arousal 0, 2 at arousal 1).
func (c Config) ThresholdFactor(a float64) float64 {
	return c.FactorBase + float64(c.FactorSlope*a)
}

// EffectiveThreshold returns BaseThreshold / ThresholdFactor(a) (0.70 /
// (0.5 + 1.5·a) by default: 1.4 at arousal 0, 0.5 at 0.6, 0.35 at 1). It is
// not clamped; the bridge to the coordinator clamps it to its own range.
func (c Config) EffectiveThreshold(a float64) float64 {
	return c.BaseThreshold / c.ThresholdFactor(a)
}
