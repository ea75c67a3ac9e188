package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunExitStatusFollowsCriteria: 0 when every asserted criterion holds,
// 3 when one fails with the report still written whole, 2 for a bad
// --criterion; --tier target judges the targets instead.
func TestRunExitStatusFollowsCriteria(t *testing.T) {
	out, _, code := runCLI(t, "run", "latency")
	if code != 0 || !strings.Contains(out, "criteria: 1 of 1 asserted hold") || !strings.Contains(out, "PASS  asserted  ignition P99 < 1000 ms") {
		t.Errorf("latency: exit %d\n%s", code, out)
	}
	out, stderr, code := runCLI(t, "run", "latency", "--criterion", "latency_ms.p99<100ms", "--criterion", "requests.total == 100")
	if code != exitCriteria || !strings.Contains(stderr, "latency: 1 of 3 asserted criteria failed") ||
		!strings.Contains(out, "FAIL  asserted  latency_ms.p99 < 100 ms") || !strings.Contains(out, "PASS  asserted  requests.total == 100") {
		t.Errorf("exit %d, stderr %q\n%s", code, stderr, out)
	}
	_, stderr, code = runCLI(t, "run", "latency", "--tier", "target")
	if code != exitCriteria || !strings.Contains(stderr, "1 of 1 target criteria failed") {
		t.Errorf("--tier target: exit %d, stderr %q", code, stderr)
	}
	for _, args := range [][]string{
		{"run", "latency", "--criterion", "latency_ms.p98<1s"},
		{"run", "latency", "--criterion", "latency_ms.p99"},
		{"run", "latency", "--tier", "goal"},
	} {
		_, stderr, code := runCLI(t, args...)
		if code != 2 || !strings.Contains(stderr, "for usage.") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// TestRunJSONCriteria: a failing run writes its whole JSON report, with
// every criterion's name, metric, op, value, tier, observation and pass.
func TestRunJSONCriteria(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	_, _, code := runCLI(t, "run", "concurrency", "--format", "json", "--out", path, "--criterion", "probes.pipeline_ms.p99<50ms")
	if code != exitCriteria {
		t.Fatalf("exit %d, want %d", code, exitCriteria)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Digest   string           `json:"digest"`
		Criteria []map[string]any `json:"criteria"`
	}
	if err := json.Unmarshal(data, &r); err != nil || r.Digest == "" || len(r.Criteria) != 2 {
		t.Fatalf("report %s: %v", data, err)
	}
	first := r.Criteria[0]
	for _, key := range []string{"name", "metric", "op", "value", "tier", "observed", "pass", "why"} {
		if _, ok := first[key]; !ok {
			t.Errorf("criterion lacks %q: %v", key, first)
		}
	}
	if first["metric"] != "requests.succeeded" || first["pass"] != false || first["observed"] != 1.0 || first["value"] != 5.0 {
		t.Errorf("concurrency criterion %v", first)
	}
	if second := r.Criteria[1]; second["observed"] != nil || second["pass"] != false || second["tier"] != "asserted" {
		t.Errorf("a criterion without observation: %v", second)
	}
}
