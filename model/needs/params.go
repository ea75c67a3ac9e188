package needs

import "math"

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

// Validate reports the first invalid parameter as a [*FieldError] naming
// it. Weights and thresholds must be finite, spans and critical levels
// positive, and fractions and drive levels in [0, 1].
func (p Params) Validate() error {
	checks := []struct {
		name string
		v    float64
		kind check
	}{
		{"CPUWeight", p.CPUWeight, finite},
		{"MemoryWeight", p.MemoryWeight, finite},
		{"ErrorRateCritical", p.ErrorRateCritical, positive},
		{"ExceptionsCritical", p.ExceptionsCritical, positive},
		{"TemperatureWarningC", p.TemperatureWarningC, finite},
		{"TemperatureSpanC", p.TemperatureSpanC, positive},
		{"PowerBaselineW", p.PowerBaselineW, finite},
		{"PowerSpanW", p.PowerSpanW, positive},
		{"LatencyWarningMS", p.LatencyWarningMS, finite},
		{"LatencySpanMS", p.LatencySpanMS, positive},
		{"IdleCuriosityFraction", p.IdleCuriosityFraction, inUnit},
		{"CuriosityGrowth", p.CuriosityGrowth, inUnit},
		{"LearningThroughput", p.LearningThroughput, finite},
		{"LearningBelow", p.LearningBelow, inUnit},
		{"LearningAbove", p.LearningAbove, inUnit},
	}
	for _, c := range checks {
		if reason := c.kind.test(c.v); reason != "" {
			return &FieldError{Field: c.name, Value: c.v, Reason: reason}
		}
	}
	return nil
}

// check is a class of valid float values.
type check uint8

const (
	finite   check = iota // any finite value
	positive              // finite and > 0
	inUnit                // in [0, 1]
)

// test returns why v fails the check, or "".
func (c check) test(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "must be finite"
	case c == positive && v <= 0:
		return "must be > 0"
	case c == inUnit && (v < 0 || v > 1):
		return "must be in [0, 1]"
	}
	return ""
}
