package needs

import "github.com/esgtsim/esgtsim/model/param"

// Params are the coefficients of the needs formula ([Params.Compute]).
// [DefaultParams] returns docs/model.md §5's values, which are the original's.
// Percent metrics enter as fractions (percent / 100).
type Params struct {
	// Rest = CPUWeight·cpu + MemoryWeight·memory, as fractions.
	CPUWeight    float64 // 0.6
	MemoryWeight float64 // 0.4

	// Repair = max(errors/ErrorRateCritical, exceptions/ExceptionsCritical).
	ErrorRateCritical  float64 // 10 errors per minute give repair 1
	ExceptionsCritical float64 // 10 exceptions give repair 1

	// Efficiency = max((temperature − TemperatureWarningC)/TemperatureSpanC,
	// (power − PowerBaselineW)/PowerSpanW), each term only when measured.
	TemperatureWarningC float64 // 80 °C
	TemperatureSpanC    float64 // 20 °C
	PowerBaselineW      float64 // 100 W
	PowerSpanW          float64 // 100 W

	// Connectivity = max((latency − LatencyWarningMS)/LatencySpanMS,
	// packet loss as a fraction).
	LatencyWarningMS float64 // 100 ms
	LatencySpanMS    float64 // 100 ms

	// Curiosity grows by CuriosityGrowth per sample while the idle fraction
	// is above IdleCuriosityFraction, and resets to 0 otherwise.
	IdleCuriosityFraction float64 // 0.70
	CuriosityGrowth       float64 // 0.01

	// Learning is LearningBelow while throughput < LearningThroughput and
	// LearningAbove otherwise.
	LearningThroughput float64 // 10 ops/s
	LearningBelow      float64 // 0.5
	LearningAbove      float64 // 0.1
}

// DefaultParams returns the formula of docs/model.md §5.
func DefaultParams() Params {
	return Params{
		CPUWeight:             0.6,
		MemoryWeight:          0.4,
		ErrorRateCritical:     10,
		ExceptionsCritical:    10,
		TemperatureWarningC:   80,
		TemperatureSpanC:      20,
		PowerBaselineW:        100,
		PowerSpanW:            100,
		LatencyWarningMS:      100,
		LatencySpanMS:         100,
		IdleCuriosityFraction: 0.70,
		CuriosityGrowth:       0.01,
		LearningThroughput:    10,
		LearningBelow:         0.5,
		LearningAbove:         0.1,
	}
}

// Validate reports the first invalid parameter as a [*param.FieldError]
// naming its key ("cpu_weight"). Weights and thresholds must be finite,
// spans and critical levels positive, and fractions and drive levels in
// [0, 1].
func (p Params) Validate() error {
	return param.CheckFloats(
		param.Float{Key: "cpu_weight", Value: p.CPUWeight, Range: param.Finite},
		param.Float{Key: "memory_weight", Value: p.MemoryWeight, Range: param.Finite},
		param.Float{Key: "error_rate_critical", Value: p.ErrorRateCritical, Range: param.Pos},
		param.Float{Key: "exceptions_critical", Value: p.ExceptionsCritical, Range: param.Pos},
		param.Float{Key: "temperature_warning_c", Value: p.TemperatureWarningC, Range: param.Finite},
		param.Float{Key: "temperature_span_c", Value: p.TemperatureSpanC, Range: param.Pos},
		param.Float{Key: "power_baseline_w", Value: p.PowerBaselineW, Range: param.Finite},
		param.Float{Key: "power_span_w", Value: p.PowerSpanW, Range: param.Pos},
		param.Float{Key: "latency_warning_ms", Value: p.LatencyWarningMS, Range: param.Finite},
		param.Float{Key: "latency_span_ms", Value: p.LatencySpanMS, Range: param.Pos},
		param.Float{Key: "idle_curiosity_fraction", Value: p.IdleCuriosityFraction, Range: param.Unit},
		param.Float{Key: "curiosity_growth", Value: p.CuriosityGrowth, Range: param.Unit},
		param.Float{Key: "learning_throughput", Value: p.LearningThroughput, Range: param.Finite},
		param.Float{Key: "learning_below", Value: p.LearningBelow, Range: param.Unit},
		param.Float{Key: "learning_above", Value: p.LearningAbove, Range: param.Unit},
	)
}
