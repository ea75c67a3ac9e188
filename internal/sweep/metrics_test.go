package sweep

import (
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/scenarios"
)

func TestMetricCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range AllMetrics() {
		if seen[m.Name] {
			t.Errorf("metric %s listed twice", m.Name)
		}
		seen[m.Name] = true
		if m.About == "" || (m.Kind != Int && m.Kind != Float) {
			t.Errorf("metric %s: kind %v, about %q", m.Name, m.Kind, m.About)
		}
	}
	for _, name := range []string{"ignitions", "time_to_sync_p95_ms", "failed_insufficient_nodes", "halves_latency_change", "first_half_success_rate"} {
		if !seen[name] {
			t.Errorf("no metric %s", name)
		}
	}
	_, err := LookupMetric("ignitionz")
	if err == nil || !strings.Contains(err.Error(), "ignitions") {
		t.Errorf("unknown metric: %v, want an error listing the names", err)
	}
	// The defaults are the sweep's figure columns, in order.
	for i, m := range DefaultMetrics() {
		if figureColumns[i].Name != m.Name {
			t.Errorf("column %d is %s, metric %s", i, figureColumns[i].Name, m.Name)
		}
	}
}

func TestMetricValues(t *testing.T) {
	s := &scenarios.Summary{}
	s.Requests.Total, s.Requests.Succeeded = 10, 4
	s.Requests.Failed = map[string]uint64{"insufficient_nodes": 5, "sync_timeout": 1}
	value := func(name string) (float64, bool) {
		m, err := LookupMetric(name)
		if err != nil {
			t.Fatal(err)
		}
		return m.Value(s)
	}
	if v, ok := value("success_rate"); !ok || v != 0.4 {
		t.Errorf("success_rate = %v, %v", v, ok)
	}
	if v, ok := value("failed_insufficient_nodes"); !ok || v != 5 {
		t.Errorf("failed_insufficient_nodes = %v, %v", v, ok)
	}
	if v, ok := value("failed_refractory"); !ok || v != 0 {
		t.Errorf("failed_refractory = %v, %v; a reason that did not occur counts 0", v, ok)
	}
	for _, undefined := range []string{"latency_p99_ms", "min_gap_ms", "arousal_mean", "halves_latency_change"} {
		if _, ok := value(undefined); ok {
			t.Errorf("%s is defined on a run without latencies, gaps or arousal", undefined)
		}
	}
	s.Requests.Total = 0
	if _, ok := value("success_rate"); ok {
		t.Error("success_rate defined without requests")
	}
}
