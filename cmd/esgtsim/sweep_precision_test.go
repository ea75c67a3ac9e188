package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestSweepPrecision checks sequential replications in a sweep: every
// combination runs at least 10 seeds, the rows do not depend on -j, and
// cells keep their numbers in the grid of every seed up to the cap.
func TestSweepPrecision(t *testing.T) {
	args := []string{"sweep", "load-short", "--param", "triggers.refractory_period=0ms,100ms", "--seeds", "1..3",
		"--metric", "ignitions", "--precision", "0.1", "--max-seeds", "40"}
	one, stderr, code := runCLI(t, append(args, "-j", "1")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "precision ±0.1 reached by") {
		t.Errorf("stderr does not report the precision: %s", stderr)
	}
	three, _, _ := runCLI(t, append(args, "-j", "3")...)
	if one != three {
		t.Error("-j 1 and -j 3 write different rows")
	}
	rows, err := csv.NewReader(strings.NewReader(one)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	for _, r := range rows[1:] {
		per[r[2]]++
		// The grid has 40 seeds (the cap) per combination: cells 0-39 for
		// 0ms, 40-79 for 100ms, the first seeds of each.
		cell, err := strconv.Atoi(r[0])
		if err != nil {
			t.Fatal(err)
		}
		lo := 0
		if r[2] == "100ms" {
			lo = 40
		}
		if cell < lo || cell >= lo+per[r[2]] || r[1] != strconv.Itoa(cell-lo+1) {
			t.Errorf("row %q: want cell %d + its seed's position", r, lo)
		}
	}
	for v, n := range per {
		if n < 10 || n > 40 {
			t.Errorf("%s ran %d seeds; want 10 to 40", v, n)
		}
	}
	for _, bad := range [][]string{
		{"sweep", "load-short", "--precision", "0.1", "--shard", "0/2"},
		{"sweep", "load-short", "--max-seeds", "20"},
		{"sweep", "load-short", "--precision", "0.1", "--metric", "ignitionz"},
	} {
		if _, stderr, code := runCLI(t, bad...); code != 2 {
			t.Errorf("%v: exit %d, %s", bad, code, stderr)
		}
	}
}

// TestSweepColumns checks --columns: the chosen figures in order, the
// failure counts adding up to the failures, and the usage errors.
func TestSweepColumns(t *testing.T) {
	out, stderr, code := runCLI(t, "sweep", "load-short", "--seeds", "1..2", "--format", "jsonl",
		"--columns", "requests,succeeded,failed_*,time_to_sync_p95_ms")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var row map[string]any
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		failed := 0.0
		for k, v := range row {
			if strings.HasPrefix(k, "failed_") {
				failed += v.(float64)
			}
		}
		if row["requests"].(float64) != row["succeeded"].(float64)+failed {
			t.Errorf("requests %v ≠ succeeded %v + failures %v: %s", row["requests"], row["succeeded"], failed, line)
		}
		if _, ok := row["time_to_sync_p95_ms"]; !ok || len(row) != 2+2+14+1+2 {
			t.Errorf("%d keys: %s", len(row), line)
		}
	}
	for _, bad := range [][]string{
		{"sweep", "load-short", "--columns", "ignitionz"},
		{"sweep", "load-short", "--columns", "error"},
		{"sweep", "load-short", "--columns", "ignitions", "--precision", "0.1", "--metric", "success_rate"},
	} {
		if _, stderr, code := runCLI(t, bad...); code != 2 {
			t.Errorf("%v: exit %d, %s", bad, code, stderr)
		}
	}
}

// TestStudyInScenarioFile checks the [sweep] table: its params and seeds
// stand in for missing flags, flags override them, and a bad value is
// reported at its line.
func TestStudyInScenarioFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "study.toml")
	study := `name = "study"
duration = "2s"
[[workload]]
kind = "constant"
rate_hz = 10
[sweep]
params = ["triggers.refractory_period=0ms,100ms"]
seeds = "1..3"
`
	if err := os.WriteFile(path, []byte(study), 0o644); err != nil {
		t.Fatal(err)
	}
	count := func(args ...string) (int, string) {
		out, stderr, code := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		return len(lines) - 1, lines[0]
	}
	if n, header := count("sweep", path); n != 6 || !strings.Contains(header, "triggers.refractory_period") {
		t.Errorf("from the file: %d rows, header %s; want 2 params × 3 seeds", n, header)
	}
	if n, header := count("sweep", path, "--seeds", "5", "--param", "fabric.nodes=16,24,32"); n != 3 || strings.Contains(header, "triggers.refractory_period") {
		t.Errorf("flags override: %d rows, header %s", n, header)
	}
	if n, _ := count("sweep", path, "--set", "sweep.seeds=1..2"); n != 4 {
		t.Errorf("--set sweep.seeds: %d rows, want 4", n)
	}
	out, _, _ := runCLI(t, "compare", path, "--b", "triggers.refractory_period=100ms", "--metric", "ignitions")
	if !strings.Contains(out, "seeds 1..3,") {
		t.Errorf("compare does not take the file's seeds:\n%s", out)
	}
	bad := strings.Replace(study, `seeds = "1..3"`, `seeds = "3..1"`, 1)
	os.WriteFile(path, []byte(bad), 0o644)
	if _, stderr, code := runCLI(t, "sweep", path); code != 1 || !strings.Contains(stderr, "study.toml:8: sweep.seeds") {
		t.Errorf("bad seeds: exit %d, %s", code, stderr)
	}
}

// TestSweepRecord checks sweep --record: the record says how to reproduce
// the rows, and plot --sweep --record names the scenario and its
// overrides in the title.
func TestSweepRecord(t *testing.T) {
	dir := t.TempDir()
	rows, record := filepath.Join(dir, "s.jsonl"), filepath.Join(dir, "s.json")
	_, stderr, code := runCLI(t, "sweep", "load-short", "--set", "fabric.nodes=40", "--param", "triggers.refractory_period=0ms,100ms",
		"--seeds", "1..2", "--format", "jsonl", "--out", rows, "--record", record)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Scenario    string
		Overrides   []string
		Params      []struct{ Path string }
		Seeds       []uint64
		Columns     []string
		Fingerprint string
		Config      map[string]any
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Scenario != "load-short" || len(rec.Overrides) != 1 || rec.Params[0].Path != "triggers.refractory_period" ||
		len(rec.Seeds) != 2 || rec.Fingerprint == "" || rec.Columns[2] != "triggers.refractory_period" {
		t.Errorf("record %+v", rec)
	}
	if rec.Config["fabric"].(map[string]any)["nodes"].(float64) != 40 {
		t.Errorf("config fabric %v", rec.Config["fabric"])
	}
	if _, hasSeed := rec.Config["seed"]; hasSeed {
		t.Error("the record's config keeps the file's seed")
	}
	svg, stderr, code := runCLI(t, "plot", "--sweep", rows, "--record", record, "--x", "refractory_period", "--y", "ignitions", "--out", "-")
	if code != 0 || !strings.Contains(svg, "load-short; fabric.nodes=40") {
		t.Errorf("exit %d, %s; the title should name the scenario and its override", code, stderr)
	}
}
