package sweep

import (
	"context"
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
	cols := Columns(nil, nil)
	for i, m := range DefaultMetrics() {
		if cols[i+2].Name != m.Name {
			t.Errorf("column %d is %s, metric %s", i+2, cols[i+2].Name, m.Name)
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

func TestParseColumns(t *testing.T) {
	got, err := ParseColumns("ignitions, default,time_to_sync_p95_ms,failed_*")
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != "ignitions" {
		t.Errorf("order not kept: %v", got)
	}
	if len(got) != 1+13+1+14 {
		t.Errorf("%d columns, want ignitions, the 13 other defaults, time_to_sync_p95_ms and 14 reasons: %v", len(got), got)
	}
	_, err = ParseColumns("ignitions,ignitions")
	if err == nil || !strings.Contains(err.Error(), "ignitions given twice") {
		t.Errorf("a repeated column: %v", err)
	}
	got, err = ParseColumns("success_rate,failed_*,first_half_success_rate")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2+14 || got[1] != "failed_stopped" || got[len(got)-1] != "first_half_success_rate" {
		t.Errorf("failed_* expands to one column per reason: %v", got)
	}
	for _, bad := range []string{"", "digest", "ignitionz", " , "} {
		if _, err := ParseColumns(bad); err == nil {
			t.Errorf("--columns %q accepted", bad)
		}
	}
}

// TestColumnsInOutputAndFingerprint checks that --columns chooses the
// figures written, and that the fingerprint covers them: shards or a
// journal with other columns must never be merged or resumed together.
func TestColumnsInOutputAndFingerprint(t *testing.T) {
	def := Definition{Scenario: "load-short", Seeds: []uint64{1}, Version: "test"}
	plain, err := NewPlan(def)
	if err != nil {
		t.Fatal(err)
	}
	def.Columns = []string{"ignitions", "failed_insufficient_nodes", "time_to_sync_p95_ms"}
	chosen, err := NewPlan(def)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*Plan{plain, chosen} {
		if err := p.Validate(context.Background(), 1); err != nil {
			t.Fatal(err)
		}
	}
	if plain.Fingerprint() == chosen.Fingerprint() {
		t.Error("the fingerprint does not cover the columns")
	}
	var names []string
	for _, c := range chosen.Columns() {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ","); got != "cell,seed,ignitions,failed_insufficient_nodes,time_to_sync_p95_ms,digest,error" {
		t.Errorf("columns %s", got)
	}
	row, done := chosen.RunCell(context.Background(), 0)
	if !done || len(row.Fields) != 7 || row.Fields[6] != "" || row.Fields[2] == "" || row.Fields[5] == "" {
		t.Errorf("row %q", row.Fields)
	}
	def.Columns = []string{"ignitionz"}
	if _, err := NewPlan(def); err == nil || !strings.Contains(err.Error(), "--columns") {
		t.Errorf("unknown column: %v", err)
	}
}
