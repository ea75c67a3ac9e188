package needs

import (
	"math"
	"reflect"
	"testing"

	"github.com/esgtsim/esgtsim/internal/configtag"
)

func TestMetricNames(t *testing.T) {
	seen := map[string]bool{}
	for k := range numMetrics {
		name := k.String()
		if seen[name] {
			t.Errorf("duplicate name %q", name)
		}
		seen[name] = true
		got, err := ParseMetric(name)
		if err != nil || got != k {
			t.Errorf("ParseMetric(%q) = %v, %v; want %v", name, got, err, uint8(k))
		}
		var u Metric
		if err := u.UnmarshalText([]byte(name)); err != nil || u != k {
			t.Errorf("UnmarshalText(%q) = %v, %v", name, u, err)
		}
		if b, err := k.MarshalText(); err != nil || string(b) != name {
			t.Errorf("MarshalText(%v) = %q, %v", k, b, err)
		}
	}
	if _, err := ParseMetric("cpu"); err == nil {
		t.Error(`ParseMetric("cpu") succeeded`)
	}
	if got := numMetrics.String(); got != "Metric(10)" {
		t.Errorf("invalid metric String() = %q", got)
	}
	if _, err := numMetrics.MarshalText(); err == nil {
		t.Error("MarshalText of an invalid metric succeeded")
	}
}

// Get and Set address the field each Metric names, and no other.
func TestMetricsGetSet(t *testing.T) {
	var m Metrics
	for k := range numMetrics {
		m.Set(k, float64(k)+1)
	}
	want := Metrics{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	if m != want {
		t.Fatalf("after Set = %+v, want %+v", m, want)
	}
	for k := range numMetrics {
		if got := m.Get(k); got != float64(k)+1 {
			t.Errorf("Get(%v) = %v", k, got)
		}
	}
	m.Set(numMetrics, 99)
	if m != want {
		t.Error("Set of an invalid metric changed the metrics")
	}
	if got := m.Get(numMetrics); !math.IsNaN(got) {
		t.Errorf("Get of an invalid metric = %v, want NaN", got)
	}
}

func TestSanitize(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	last := Unmeasured()
	last.CPUPercent, last.NetworkLatencyMS, last.TemperatureC = 40, 20, 70
	tests := []struct {
		name   string
		edit   func(*Metrics)
		want   func(*Metrics)
		bad    int
		reason string
	}{
		{"valid", func(m *Metrics) { m.CPUPercent = 55 }, func(m *Metrics) { m.CPUPercent = 55 }, 0, "valid values pass unchanged"},
		{"NaN CPU", func(m *Metrics) { m.CPUPercent = nan }, func(m *Metrics) { m.CPUPercent = 40 }, 1, "NaN holds the last good value"},
		{"infinite latency", func(m *Metrics) { m.NetworkLatencyMS = inf }, func(m *Metrics) { m.NetworkLatencyMS = 20 }, 1, "an infinity holds the last good value"},
		{"NaN temperature", func(m *Metrics) { m.TemperatureC = nan }, func(m *Metrics) { m.TemperatureC = nan }, 0, "NaN temperature means unknown"},
		{"-Inf temperature", func(m *Metrics) { m.TemperatureC = math.Inf(-1) }, func(m *Metrics) { m.TemperatureC = 70 }, 1, "an infinite temperature is invalid"},
		{"memory 150", func(m *Metrics) { m.MemoryPercent = 150 }, func(m *Metrics) { m.MemoryPercent = 100 }, 1, "clamped to 100"},
		{"negative errors", func(m *Metrics) { m.ErrorRatePerMin = -3 }, func(m *Metrics) { m.ErrorRatePerMin = 0 }, 1, "clamped to 0"},
		{"two bad", func(m *Metrics) { m.IdlePercent, m.PacketLossPercent = -1, nan }, func(m *Metrics) {}, 2, "each bad value counts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Log(tc.reason)
			raw, want := Unmeasured(), Unmeasured()
			tc.edit(&raw)
			tc.want(&want)
			l := last
			got, bad := sanitize(raw, &l)
			if bad != tc.bad {
				t.Errorf("bad = %d, want %d", bad, tc.bad)
			}
			for k := range numMetrics {
				g, w := got.Get(k), want.Get(k)
				if g != w && !(math.IsNaN(g) && math.IsNaN(w)) {
					t.Errorf("%v = %v, want %v", k, g, w)
				}
			}
		})
	}
}

// TestMetricsMatchTheBaseTable: a Metric's name and lower bound, which
// [[needs.change]] and the monitor use, are those of the Metrics field it
// reads, whose tags define the [needs.base] key: the two descriptions of
// a metric cannot drift apart.
func TestMetricsMatchTheBaseTable(t *testing.T) {
	typ := reflect.TypeFor[Metrics]()
	for k := range numMetrics {
		var m Metrics
		m.Set(k, 1)
		var f reflect.StructField
		for i := range typ.NumField() {
			if reflect.ValueOf(m).Field(i).Float() == 1 {
				f = typ.Field(i)
			}
		}
		if f.Name == "" {
			t.Fatalf("metric %v sets no field of Metrics", k)
		}
		if key := f.Tag.Get("toml"); key != k.String() {
			t.Errorf("metric %v reads field %s, whose key is %q", k, f.Name, key)
		}
		lo, _ := k.Range()
		checks := f.Tag.Get("check")
		if checks == "" {
			continue
		}
		if configtag.Check(checks, lo) != "" || configtag.Check(checks, math.Nextafter(lo, math.Inf(-1))) == "" {
			t.Errorf("metric %v: its key's check %q does not start where the metric's range does, at %v", k, checks, lo)
		}
	}
}
