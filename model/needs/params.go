package needs

import "github.com/esgtsim/esgtsim/model/param"

// Params are the coefficients of the needs formula ([Params.Compute]),
// a scenario's [needs.params] table (the tags).
// [DefaultParams] returns docs/model.md §5's values, which are the original's.
// Percent metrics enter as fractions (percent / 100).
type Params struct {
	// Rest = CPUWeight·cpu + MemoryWeight·memory, as fractions.
	CPUWeight    float64 `toml:"cpu_weight" check:"nonneg" doc:"rest = cpu_weight·cpu + memory_weight·memory, as fractions"`
	MemoryWeight float64 `toml:"memory_weight" check:"nonneg" doc:"weight of memory use in rest"`

	// Repair = max(errors/ErrorRateCritical, exceptions/ExceptionsCritical).
	ErrorRateCritical  float64 `toml:"error_rate_critical" check:"pos" doc:"errors per minute that give repair 1"`
	ExceptionsCritical float64 `toml:"exceptions_critical" check:"pos" doc:"exceptions that give repair 1"`

	// Efficiency = max((temperature − TemperatureWarningC)/TemperatureSpanC,
	// (power − PowerBaselineW)/PowerSpanW), each term only when measured.
	TemperatureWarningC float64 `toml:"temperature_warning_c" doc:"°C above which efficiency rises"`
	TemperatureSpanC    float64 `toml:"temperature_span_c" check:"pos" doc:"°C above the warning that give efficiency 1"`
	PowerBaselineW      float64 `toml:"power_baseline_w" check:"nonneg" doc:"watts above which efficiency rises"`
	PowerSpanW          float64 `toml:"power_span_w" check:"pos" doc:"watts above the baseline that give efficiency 1"`

	// Connectivity = max((latency − LatencyWarningMS)/LatencySpanMS,
	// packet loss as a fraction).
	LatencyWarningMS float64 `toml:"latency_warning_ms" check:"nonneg" doc:"milliseconds of latency above which connectivity rises"`
	LatencySpanMS    float64 `toml:"latency_span_ms" check:"pos" doc:"milliseconds above the warning that give connectivity 1"`

	// Curiosity grows by CuriosityGrowth per sample while the idle fraction
	// is above IdleCuriosityFraction, and resets to 0 otherwise.
	IdleCuriosityFraction float64 `toml:"idle_curiosity_fraction" check:"prob" doc:"idle fraction above which curiosity grows"`
	CuriosityGrowth       float64 `toml:"curiosity_growth" check:"prob" doc:"growth of curiosity per sample while idle"`

	// Learning is LearningBelow while throughput < LearningThroughput and
	// LearningAbove otherwise.
	LearningThroughput float64 `toml:"learning_throughput" check:"nonneg" doc:"ops/s below which learning is learning_below"`
	LearningBelow      float64 `toml:"learning_below" check:"prob" doc:"learning while throughput is low"`
	LearningAbove      float64 `toml:"learning_above" check:"prob" doc:"learning otherwise"`
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

// Validate reports the first parameter out of the bounds of its tag
// ([param.Check]) as a [*param.FieldError] naming its key ("cpu_weight").
func (p Params) Validate() error { return param.Check(p) }
