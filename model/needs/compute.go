package needs

// Needs are the six abstract needs, each in [0, 1] (1 = most urgent).
type Needs struct {
	Rest         float64 `json:"rest"`         // computational fatigue: CPU and memory pressure
	Repair       float64 `json:"repair"`       // integrity: errors and exceptions
	Efficiency   float64 `json:"efficiency"`   // thermal and power stress
	Connectivity float64 `json:"connectivity"` // network latency and packet loss
	Curiosity    float64 `json:"curiosity"`    // accumulated idleness
	Learning     float64 `json:"learning"`     // under-used throughput
}

// Compute returns the needs for metrics m, given the curiosity of the
// previous sample, by docs/model.md §5 (percentages as fractions, each need clamped
// to [0, 1]):
//
//	rest         = CPUWeight·cpu + MemoryWeight·memory
//	repair       = max(errors/ErrorRateCritical, exceptions/ExceptionsCritical)
//	efficiency   = max((T − TemperatureWarningC)/TemperatureSpanC,
//	                   (P − PowerBaselineW)/PowerSpanW, 0), unknown (NaN) terms skipped
//	connectivity = max((latency − LatencyWarningMS)/LatencySpanMS, loss)
//	curiosity    = min(prev + CuriosityGrowth, 1) if idle > IdleCuriosityFraction, else 0
//	learning     = LearningBelow if throughput < LearningThroughput, else LearningAbove
//
// Compute never returns NaN: an invalid (NaN) input contributes nothing.
// It allocates nothing.
func (p *Params) Compute(m Metrics, prevCuriosity float64) Needs {
	cpu := unit(m.CPUPercent / 100)
	mem := unit(m.MemoryPercent / 100)
	loss := unit(m.PacketLossPercent / 100)
	idle := unit(m.IdlePercent / 100)

	var n Needs
	n.Rest = unit(float64(p.CPUWeight*cpu) + float64(p.MemoryWeight*mem))
	n.Repair = max(excess(m.ErrorRatePerMin, 0, p.ErrorRateCritical),
		excess(m.Exceptions, 0, p.ExceptionsCritical))
	n.Efficiency = max(excess(m.TemperatureC, p.TemperatureWarningC, p.TemperatureSpanC),
		excess(m.PowerW, p.PowerBaselineW, p.PowerSpanW))
	n.Connectivity = max(excess(m.NetworkLatencyMS, p.LatencyWarningMS, p.LatencySpanMS), loss)
	if idle > p.IdleCuriosityFraction {
		n.Curiosity = unit(unit(prevCuriosity) + p.CuriosityGrowth)
	}
	n.Learning = p.LearningAbove
	if m.ThroughputOpsPerSec < p.LearningThroughput {
		n.Learning = p.LearningBelow
	}
	return n
}

// excess returns (x − threshold)/span clamped to [0, 1], and 0 when x is NaN
// (unknown or invalid) or at most threshold.
func excess(x, threshold, span float64) float64 {
	if !(x > threshold) {
		return 0
	}
	return unit((x - threshold) / span)
}

// unit clamps x to [0, 1], mapping NaN to 0.
func unit(x float64) float64 {
	switch {
	case x > 1:
		return 1
	case x > 0:
		return x
	}
	return 0 // x <= 0 or NaN
}
