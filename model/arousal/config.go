package arousal

import (
	"math"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
)

// Config configures a [Controller]. [DefaultConfig] returns docs/model.md §4's
// values, which are the original's defaults; the comment on each field
// gives its default.
type Config struct {
	Baseline float64 // resting arousal, in [0, 1]; 0.6
	// Initial is the arousal at the start of the run, in [0, 1]; NaN (the
	// default) means Baseline.
	Initial        float64
	UpdateInterval clock.Duration // virtual time between updates; 100 ms
	RisePerSecond  float64        // fastest rise toward the target; 0.05/s
	FallPerSecond  float64        // fastest fall toward the target; 0.02/s

	NeedWeights NeedWeights  // how needs move the target
	Stress      StressConfig // stress build-up and recovery

	// Circadian adds CircadianAmplitude·sin(2π·hour/24 − π/2) on virtual
	// time of day: StartOfDay at t = 0, then advancing with the virtual
	// clock. Off by default, as in the original.
	Circadian          bool
	CircadianAmplitude float64 // 0.1
	// StartOfDay is the virtual time of day at t = 0, in [0, 24h); 06:00,
	// where the circadian term is 0 and rising, so enabling it does not
	// displace the starting target and a 10-minute run moves it by less
	// than 0.005.
	StartOfDay clock.Duration
	// CircadianHourly truncates the hour to a whole number, reproducing the
	// original (which read the host's tm_hour); false uses the exact time
	// of day, a smooth curve.
	CircadianHourly bool

	RefractoryDrop RefractoryDrop // the post-ignition drop; see its type

	// MaxModulations bounds the active modulations, so that a runaway
	// source cannot grow memory without bound: Modulate fails with
	// ErrTooManyModulations beyond it. 0 means no bound. 1024.
	MaxModulations int

	// The threshold mapping: ThresholdFactor = FactorBase + FactorSlope·a
	// and EffectiveThreshold = BaseThreshold / ThresholdFactor.
	BaseThreshold float64 // 0.70
	FactorBase    float64 // 0.5
	FactorSlope   float64 // 1.5
}

// NeedWeights turn [needs.Needs] into the needs term of the target:
// Σ weight·need. The original weighs only the first four; Curiosity and
// Learning default to 0.
type NeedWeights struct {
	Repair       float64 // 0.3
	Rest         float64 // −0.2
	Efficiency   float64 // 0.1
	Connectivity float64 // 0.15
	Curiosity    float64 // 0
	Learning     float64 // 0
}

// StressConfig is the slow stress accumulator. At each update, before
// arousal moves, stress grows by BuildPerSecond·interval if arousal is
// above BuildAbove, shrinks by RelievePerSecond·interval if it is below
// RelieveBelow, and is clamped to [0, 1]; it adds Gain·stress to the
// target.
type StressConfig struct {
	BuildAbove       float64 // 0.7
	RelieveBelow     float64 // 0.5
	BuildPerSecond   float64 // 0.01
	RelievePerSecond float64 // 0.005
	Gain             float64 // 0.2
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
// naming its key ("stress.relieve_below").
func (c Config) Validate() error {
	initial := c.Initial
	if math.IsNaN(initial) {
		initial = c.Baseline // NaN means Baseline
	}
	err := param.CheckFloats(
		param.Float{Key: "baseline", Value: c.Baseline, Range: param.Unit},
		param.Float{Key: "initial", Value: initial, Range: param.Unit},
		param.Float{Key: "rise_per_second", Value: c.RisePerSecond, Range: param.NonNeg},
		param.Float{Key: "fall_per_second", Value: c.FallPerSecond, Range: param.NonNeg},
		param.Float{Key: "need_weights.repair", Value: c.NeedWeights.Repair, Range: param.Finite},
		param.Float{Key: "need_weights.rest", Value: c.NeedWeights.Rest, Range: param.Finite},
		param.Float{Key: "need_weights.efficiency", Value: c.NeedWeights.Efficiency, Range: param.Finite},
		param.Float{Key: "need_weights.connectivity", Value: c.NeedWeights.Connectivity, Range: param.Finite},
		param.Float{Key: "need_weights.curiosity", Value: c.NeedWeights.Curiosity, Range: param.Finite},
		param.Float{Key: "need_weights.learning", Value: c.NeedWeights.Learning, Range: param.Finite},
		param.Float{Key: "stress.build_above", Value: c.Stress.BuildAbove, Range: param.Unit},
		param.Float{Key: "stress.relieve_below", Value: c.Stress.RelieveBelow, Range: param.Unit},
		param.Float{Key: "stress.build_per_second", Value: c.Stress.BuildPerSecond, Range: param.NonNeg},
		param.Float{Key: "stress.relieve_per_second", Value: c.Stress.RelievePerSecond, Range: param.NonNeg},
		param.Float{Key: "stress.gain", Value: c.Stress.Gain, Range: param.Finite},
		param.Float{Key: "circadian_amplitude", Value: c.CircadianAmplitude, Range: param.Finite},
		param.Float{Key: "base_threshold", Value: c.BaseThreshold, Range: param.Pos},
		param.Float{Key: "factor_base", Value: c.FactorBase, Range: param.Pos},
		param.Float{Key: "factor_slope", Value: c.FactorSlope, Range: param.Finite},
	)
	switch {
	case err != nil:
		return err
	case c.UpdateInterval <= 0:
		return &param.FieldError{Key: "update_interval", Value: c.UpdateInterval, Reason: "must be > 0"}
	case c.Stress.RelieveBelow > c.Stress.BuildAbove:
		return &param.FieldError{Key: "stress.relieve_below", Value: c.Stress.RelieveBelow, Reason: "must not exceed",
			Other: "stress.build_above", OtherValue: c.Stress.BuildAbove}
	case c.StartOfDay < 0 || c.StartOfDay >= day:
		return &param.FieldError{Key: "start_of_day", Value: c.StartOfDay, Reason: "must be in [0, 24h)"}
	case c.MaxModulations < 0:
		return &param.FieldError{Key: "max_modulations", Value: c.MaxModulations, Reason: "must be >= 0 (0 means no bound)"}
	case !(c.FactorBase+c.FactorSlope > 0):
		return &param.FieldError{Key: "factor_slope", Value: c.FactorSlope, Reason: "must exceed (for a positive factor at arousal 1) the negative of",
			Other: "factor_base", OtherValue: c.FactorBase}
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
