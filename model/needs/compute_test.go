package needs

import (
	"errors"
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/model/param"
)

func TestCompute(t *testing.T) {
	nan := math.NaN()
	with := func(f func(*Metrics)) Metrics { m := busy(); f(&m); return m }
	tests := []struct {
		name   string
		m      Metrics
		prev   float64
		want   Needs
		reason string
	}{
		{"busy", busy(), 0, Needs{Learning: 0.1}, "a busy machine needs nothing"},
		{"unmeasured", Unmeasured(), 0, Needs{Learning: 0.5}, "zero throughput raises learning to 0.5"},
		{"memory 90", with(func(m *Metrics) { m.MemoryPercent = 90 }), 0, Needs{Rest: 0.36, Learning: 0.1}, "rest = 0.4·0.9"},
		{"cpu 50 memory 50", with(func(m *Metrics) { m.CPUPercent, m.MemoryPercent = 50, 50 }), 0, Needs{Rest: 0.5, Learning: 0.1}, "rest = 0.6·0.5 + 0.4·0.5"},
		{"cpu and memory full", with(func(m *Metrics) { m.CPUPercent, m.MemoryPercent = 100, 100 }), 0, Needs{Rest: 1, Learning: 0.1}, "weights sum to 1"},
		{"errors 5/min", with(func(m *Metrics) { m.ErrorRatePerMin = 5 }), 0, Needs{Repair: 0.5, Learning: 0.1}, "10 errors/min is critical"},
		{"exceptions 3", with(func(m *Metrics) { m.Exceptions = 3 }), 0, Needs{Repair: 0.3, Learning: 0.1}, "10 exceptions is critical"},
		{"errors and exceptions", with(func(m *Metrics) { m.ErrorRatePerMin, m.Exceptions = 2, 7 }), 0, Needs{Repair: 0.7, Learning: 0.1}, "repair is the max"},
		{"errors saturate", with(func(m *Metrics) { m.ErrorRatePerMin = 500 }), 0, Needs{Repair: 1, Learning: 0.1}, "clamped to 1"},
		{"temperature at warning", with(func(m *Metrics) { m.TemperatureC = 80 }), 0, Needs{Learning: 0.1}, "only above 80 °C counts"},
		{"temperature 90", with(func(m *Metrics) { m.TemperatureC = 90 }), 0, Needs{Efficiency: 0.5, Learning: 0.1}, "(90−80)/20"},
		{"temperature 130", with(func(m *Metrics) { m.TemperatureC = 130 }), 0, Needs{Efficiency: 1, Learning: 0.1}, "saturates at +20 °C"},
		{"power 150, temperature unknown", with(func(m *Metrics) { m.PowerW = 150 }), 0, Needs{Efficiency: 0.5, Learning: 0.1}, "(150−100)/100; NaN temperature ignored"},
		{"temperature 90 and power 180", with(func(m *Metrics) { m.TemperatureC, m.PowerW = 90, 180 }), 0, Needs{Efficiency: 0.8, Learning: 0.1}, "efficiency is the max"},
		{"latency 100", with(func(m *Metrics) { m.NetworkLatencyMS = 100 }), 0, Needs{Learning: 0.1}, "only above 100 ms counts"},
		{"latency 150", with(func(m *Metrics) { m.NetworkLatencyMS = 150 }), 0, Needs{Connectivity: 0.5, Learning: 0.1}, "(150−100)/100"},
		{"packet loss 12.5 %", with(func(m *Metrics) { m.PacketLossPercent = 12.5 }), 0, Needs{Connectivity: 0.125, Learning: 0.1}, "percent becomes a fraction"},
		{"latency 150 and loss 60 %", with(func(m *Metrics) { m.NetworkLatencyMS, m.PacketLossPercent = 150, 60 }), 0, Needs{Connectivity: 0.6, Learning: 0.1}, "connectivity is the max"},
		{"idle 80, curiosity grows", with(func(m *Metrics) { m.IdlePercent = 80 }), 0.2, Needs{Curiosity: 0.21, Learning: 0.1}, "+0.01 per sample above 70 % idle"},
		{"idle 70, curiosity resets", with(func(m *Metrics) { m.IdlePercent = 70 }), 0.2, Needs{Learning: 0.1}, "70 % is not above 70 %"},
		{"curiosity saturates", with(func(m *Metrics) { m.IdlePercent = 100 }), 0.995, Needs{Curiosity: 1, Learning: 0.1}, "clamped to 1"},
		{"throughput just below 10", with(func(m *Metrics) { m.ThroughputOpsPerSec = 9.99 }), 0, Needs{Learning: 0.5}, "below 10 ops/s"},
		{"throughput 10", with(func(m *Metrics) { m.ThroughputOpsPerSec = 10 }), 0, Needs{Learning: 0.1}, "10 ops/s is not below 10"},
		{"NaN previous curiosity", with(func(m *Metrics) { m.IdlePercent = 90 }), nan, Needs{Curiosity: 0.01, Learning: 0.1}, "an invalid previous value counts as 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Log(tc.reason)
			checkNeeds(t, defaultNeeds(tc.m, tc.prev), tc.want)
		})
	}
}

// Compute is robust on its own: whatever it is given, every need is a number
// in [0, 1].
func TestComputeNeverReturnsNaN(t *testing.T) {
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), -1e300, 1e300} {
		var m Metrics
		for k := range numMetrics {
			m.Set(k, v)
		}
		n := defaultNeeds(m, v)
		for i, x := range []float64{n.Rest, n.Repair, n.Efficiency, n.Connectivity, n.Curiosity, n.Learning} {
			if !(x >= 0 && x <= 1) {
				t.Errorf("all metrics %v: need %d = %v, want a number in [0, 1]", v, i, x)
			}
		}
	}
}

func TestParamsCompute(t *testing.T) {
	p := DefaultParams()
	p.CPUWeight, p.MemoryWeight = 1, 0
	p.LatencyWarningMS, p.LatencySpanMS = 10, 40
	p.LearningBelow, p.LearningAbove = 0, 0
	m := busy()
	m.CPUPercent, m.MemoryPercent, m.NetworkLatencyMS = 30, 90, 20
	checkNeeds(t, p.Compute(m, 0), Needs{Rest: 0.3, Connectivity: 0.25})
}

func TestParamsValidate(t *testing.T) {
	tests := []struct {
		field string
		edit  func(*Params)
	}{
		{"cpu_weight", func(p *Params) { p.CPUWeight = math.NaN() }},
		{"memory_weight", func(p *Params) { p.MemoryWeight = math.Inf(1) }},
		{"error_rate_critical", func(p *Params) { p.ErrorRateCritical = 0 }},
		{"exceptions_critical", func(p *Params) { p.ExceptionsCritical = -1 }},
		{"temperature_span_c", func(p *Params) { p.TemperatureSpanC = 0 }},
		{"power_span_w", func(p *Params) { p.PowerSpanW = -5 }},
		{"latency_span_ms", func(p *Params) { p.LatencySpanMS = 0 }},
		{"idle_curiosity_fraction", func(p *Params) { p.IdleCuriosityFraction = 70 }},
		{"curiosity_growth", func(p *Params) { p.CuriosityGrowth = -0.01 }},
		{"learning_below", func(p *Params) { p.LearningBelow = 1.5 }},
		{"learning_above", func(p *Params) { p.LearningAbove = math.NaN() }},
	}
	if err := DefaultParams().Validate(); err != nil {
		t.Fatalf("DefaultParams().Validate() = %v", err)
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			p := DefaultParams()
			tc.edit(&p)
			var fe *param.FieldError
			if err := p.Validate(); !errors.As(err, &fe) || fe.Key != tc.field {
				t.Fatalf("Validate() = %v, want a FieldError for %s", err, tc.field)
			}
			cfg := DefaultMonitorConfig()
			cfg.Params = p
			if err := cfg.Validate(); !errors.As(err, &fe) || fe.Key != "params."+tc.field {
				t.Fatalf("MonitorConfig.Validate() = %v, want a FieldError for params.%s", err, tc.field)
			}
		})
	}
}

// defaultNeeds is [Params.Compute] with [DefaultParams], as a [Monitor]
// with a default configuration computes.
func defaultNeeds(m Metrics, prevCuriosity float64) Needs {
	p := DefaultParams()
	return p.Compute(m, prevCuriosity)
}
