package needs

import (
	"fmt"
	"math"

	"github.com/esgtsim/esgtsim/model/param"
)

// Metrics is one reading of the physical state, in the units its field
// names say. TemperatureC and PowerW are NaN when not measured.
// The tags name each field's key in a scenario's [needs.base] table.
type Metrics struct {
	CPUPercent          float64 `toml:"cpu_percent" check:"nonneg" doc:"CPU use, percent"`
	MemoryPercent       float64 `toml:"memory_percent" check:"nonneg" doc:"memory use, percent"`
	ErrorRatePerMin     float64 `toml:"error_rate_per_min" check:"nonneg" doc:"errors per minute"`
	Exceptions          float64 `toml:"exceptions" check:"nonneg" doc:"recent exception count"`
	TemperatureC        float64 `toml:"temperature_c" doc:"°C, >= -273.15; not measured (NaN) unless set"`
	PowerW              float64 `toml:"power_w" check:"nonneg" doc:"watts; not measured (NaN) unless set"`
	NetworkLatencyMS    float64 `toml:"network_latency_ms" check:"nonneg" doc:"network latency, milliseconds"`
	PacketLossPercent   float64 `toml:"packet_loss_percent" check:"nonneg" doc:"packet loss, percent"`
	IdlePercent         float64 `toml:"idle_percent" check:"nonneg" doc:"idle CPU time, percent"`
	ThroughputOpsPerSec float64 `toml:"throughput_ops_per_sec" check:"nonneg" doc:"operations per second"`
}

// Unmeasured returns the metrics of an idle machine whose temperature and
// power are unknown: every field zero except TemperatureC and PowerW, which
// are NaN. It is the Monitor's reading before its first sample.
func Unmeasured() Metrics {
	return Metrics{TemperatureC: math.NaN(), PowerW: math.NaN()}
}

// Metric names one field of [Metrics], for profiles and scenario files.
type Metric uint8

// The metrics, in the order of the fields of [Metrics].
const (
	CPUPercent Metric = iota
	MemoryPercent
	ErrorRatePerMin
	Exceptions
	TemperatureC
	PowerW
	NetworkLatencyMS
	PacketLossPercent
	IdlePercent
	ThroughputOpsPerSec
	numMetrics
)

// metricInfo is the name and valid range of each Metric.
var metricInfo = [numMetrics]struct {
	name    string // snake_case, for scenario files
	lo, hi  float64
	unknown bool // NaN means "not measured" and is valid
	capped  bool // above hi is a reading the monitor caps at hi, as the original does
}{
	CPUPercent:          {"cpu_percent", 0, 100, false, true},
	MemoryPercent:       {"memory_percent", 0, 100, false, true},
	ErrorRatePerMin:     {"error_rate_per_min", 0, math.MaxFloat64, false, false},
	Exceptions:          {"exceptions", 0, math.MaxFloat64, false, false},
	TemperatureC:        {"temperature_c", -273.15, math.MaxFloat64, true, false},
	PowerW:              {"power_w", 0, math.MaxFloat64, true, false},
	NetworkLatencyMS:    {"network_latency_ms", 0, math.MaxFloat64, false, false},
	PacketLossPercent:   {"packet_loss_percent", 0, 100, false, true},
	IdlePercent:         {"idle_percent", 0, 100, false, true},
	ThroughputOpsPerSec: {"throughput_ops_per_sec", 0, math.MaxFloat64, false, false},
}

// String returns the metric's snake_case name, e.g. "cpu_percent".
func (k Metric) String() string {
	if k >= numMetrics {
		return fmt.Sprintf("Metric(%d)", uint8(k))
	}
	return metricInfo[k].name
}

// Valid reports whether k names a metric.
func (k Metric) Valid() bool { return k < numMetrics }

// Range returns the closed interval of finite values valid for k. Unbounded
// metrics have hi = math.MaxFloat64.
func (k Metric) Range() (lo, hi float64) {
	if k >= numMetrics {
		return math.NaN(), math.NaN()
	}
	return metricInfo[k].lo, metricInfo[k].hi
}

// AllowsUnknown reports whether NaN is a valid value of k, meaning "not
// measured" (true for TemperatureC and PowerW).
func (k Metric) AllowsUnknown() bool { return k < numMetrics && metricInfo[k].unknown }

// CappedAbove reports whether a finite reading of k above its range is a
// reading to cap rather than a mistake: the percentages (CPU, memory,
// packet loss, idle), which the original's normalize() caps at 100 %
// (min(x/100, 1.0)). A profile may hold such values; the monitor clamps
// them and counts each, as it holds and counts NaN.
func (k Metric) CappedAbove() bool { return k < numMetrics && metricInfo[k].capped }

// metricNames are the metrics' names, in order.
var metricNames = func() []string {
	names := make([]string, numMetrics)
	for k := range numMetrics {
		names[k] = metricInfo[k].name
	}
	return names
}()

// ParseMetric returns the Metric whose [Metric.String] is s.
func ParseMetric(s string) (Metric, error) {
	var k Metric
	if err := k.UnmarshalText([]byte(s)); err != nil {
		return 0, fmt.Errorf("needs: metric: %w", err)
	}
	return k, nil
}

// MarshalText implements [encoding.TextMarshaler].
func (k Metric) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("needs: invalid metric %d", uint8(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown name is
// an [*param.UnknownNameError], which the reader reports at its key.
func (k *Metric) UnmarshalText(b []byte) error { return param.SetByName(k, b, metricNames) }

// Get returns the value of metric k in m, or NaN if k is not a metric.
func (m *Metrics) Get(k Metric) float64 {
	if p := m.field(k); p != nil {
		return *p
	}
	return math.NaN()
}

// Set sets metric k of m to v. It does nothing if k is not a metric.
func (m *Metrics) Set(k Metric, v float64) {
	if p := m.field(k); p != nil {
		*p = v
	}
}

// field returns a pointer to the field k names, or nil.
func (m *Metrics) field(k Metric) *float64 {
	switch k {
	case CPUPercent:
		return &m.CPUPercent
	case MemoryPercent:
		return &m.MemoryPercent
	case ErrorRatePerMin:
		return &m.ErrorRatePerMin
	case Exceptions:
		return &m.Exceptions
	case TemperatureC:
		return &m.TemperatureC
	case PowerW:
		return &m.PowerW
	case NetworkLatencyMS:
		return &m.NetworkLatencyMS
	case PacketLossPercent:
		return &m.PacketLossPercent
	case IdlePercent:
		return &m.IdlePercent
	case ThroughputOpsPerSec:
		return &m.ThroughputOpsPerSec
	}
	return nil
}

// checkValue reports why v is not a valid value of metric k, or "" if it is.
func checkValue(k Metric, v float64) string {
	lo, hi := k.Range()
	switch {
	case math.IsNaN(v) && k.AllowsUnknown():
		return ""
	case math.IsNaN(v), math.IsInf(v, 0):
		return "must be finite"
	case v > hi && k.CappedAbove():
		return ""
	case (v < lo || v > hi) && hi == math.MaxFloat64:
		return fmt.Sprintf("must be >= %v", lo)
	case v < lo || v > hi:
		return fmt.Sprintf("must be in [%v, %v]", lo, hi)
	}
	return ""
}
