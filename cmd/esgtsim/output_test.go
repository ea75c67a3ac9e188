package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTraceStreamsAndCompresses: --trace - streams the trace to standard
// output, --trace FILE.gz writes the same trace gzip-compressed, and diff
// reads both.
func TestTraceStreamsAndCompresses(t *testing.T) {
	dir := t.TempDir()
	streamed, stderr, code := runCLI(t, "run", "latency", "--trace", "-", "--out", filepath.Join(dir, "r.txt"))
	if code != 0 || !strings.HasPrefix(streamed, `{"t":`) {
		t.Fatalf("--trace -: exit %d, %s, stdout starts %.40q", code, stderr, streamed)
	}
	gz := filepath.Join(dir, "t.jsonl.gz")
	if _, stderr, code := runCLI(t, "run", "latency", "--trace", gz, "--out", os.DevNull); code != 0 {
		t.Fatalf("--trace FILE.gz: exit %d, %s", code, stderr)
	}
	f, err := os.Open(gz)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s is not gzip: %v", gz, err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(plain, []byte(streamed)) {
		t.Fatalf("the compressed trace differs from the streamed one (%v)", err)
	}
	txt := filepath.Join(dir, "t.jsonl")
	os.WriteFile(txt, plain, 0o644)
	if out, stderr, code := runCLI(t, "diff", gz, txt); code != 0 || out != "identical\n" {
		t.Fatalf("diff of the .gz and plain traces: exit %d, %q %s", code, out, stderr)
	}
}

// TestOutputFlagsRefused: a directory and a missing directory (bad input,
// exit 1) and two outputs on standard output (usage, exit 2) are refused
// before anything runs.
func TestOutputFlagsRefused(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"run", "latency", "--out", dir}, 1, "run: --out: " + dir + " is a directory"},
		{[]string{"run", "latency", "--trace", filepath.Join(dir, "no", "t.jsonl")}, 1, "cannot create"},
		{[]string{"run", "latency", "--trace", "-"}, 2, "--out - and --trace - would both write standard output"},
		{[]string{"run", "latency", "--plot", "-"}, 2, "--plot takes a directory"},
		{[]string{"fabric", "--nodes", "8", "--export-edges", "-"}, 2, "would both write standard output"},
		{[]string{"merge", "x.csv", "--out", dir}, 1, "is a directory"},
	} {
		stdout, stderr, code := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) || stdout != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want exit %d and %q", tc.args, code, stderr, stdout, tc.code, tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused commands left files: %v", entries)
	}
}

// TestDashIsStandardOutput: "-" is standard output for every output flag.
func TestDashIsStandardOutput(t *testing.T) {
	report, _, code := runCLI(t, "run", "burst", "--format", "json", "--out", "-")
	if code != 0 || !strings.HasPrefix(report, "{") {
		t.Errorf("run --out -: exit %d, %.40q", code, report)
	}
	edges, _, code := runCLI(t, "fabric", "--nodes", "8", "--export-edges", "-", "--out", os.DevNull)
	if code != 0 || !strings.HasPrefix(edges, "0,1\n") {
		t.Errorf("fabric --export-edges -: exit %d, %.40q", code, edges)
	}
	if _, err := os.Lstat("-"); err == nil {
		t.Errorf(`a file named "-" was created`)
	}
}

// TestDiffExitStatus: as diff(1), 1 only for a difference and 2 for a
// trace that cannot be read or is not a trace.
func TestDiffExitStatus(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	runCLI(t, "run", "latency", "--trace", a, "--out", os.DevNull)
	runCLI(t, "run", "latency", "--seed", "3", "--trace", b, "--out", os.DevNull)
	corrupt := filepath.Join(dir, "corrupt.jsonl")
	os.WriteFile(corrupt, []byte("not a trace\n"), 0o644)
	for _, tc := range []struct {
		a, b string
		code int
	}{
		{a, a, 0},
		{a, b, 1},
		{a, filepath.Join(dir, "missing.jsonl"), 2},
		{corrupt, a, 2},
	} {
		if _, stderr, code := runCLI(t, "diff", tc.a, tc.b); code != tc.code {
			t.Errorf("diff %s %s: exit %d, want %d (%s)", filepath.Base(tc.a), filepath.Base(tc.b), code, tc.code, stderr)
		}
	}
}

// TestNoOpFlagsRefused: a flag that would do nothing in its combination
// is a usage error, not silently ignored.
func TestNoOpFlagsRefused(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "burst", "--plot-format", "png"}, "--plot-format applies to the figures of --plot"},
		{[]string{"run", "burst", "--check-determinism", "--check"}, "--check does nothing with --check-determinism"},
		{[]string{"sweep", "burst", "--format", "jsonl", "--out", "rows.csv"}, "--format jsonl would write jsonl rows into --out rows.csv"},
		{[]string{"sweep", "burst", "--out", "rows.jsonl"}, "--format csv would write csv rows"},
		{[]string{"kuramoto", "--dt", "2", "--duration", "1"}, "--dt 2 s is longer than --duration 1 s"},
	} {
		stdout, stderr, code := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) || stdout != "" {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
	if _, err := os.Stat("rows.csv"); err == nil {
		t.Error("a refused sweep wrote rows.csv")
	}
}

// TestTextReportReproducible: the text report of a run holds no wall-clock
// figure (the speed goes to standard error), so two runs print the same
// bytes.
func TestTextReportReproducible(t *testing.T) {
	a, stderrA, codeA := runCLI(t, "run", "load-short")
	b, _, codeB := runCLI(t, "run", "load-short")
	if codeA != 0 || codeB != 0 || a != b {
		t.Fatalf("two runs: exit %d/%d, reports equal: %v", codeA, codeB, a == b)
	}
	if strings.Contains(a, "wall") || !strings.Contains(stderrA, "s wall") {
		t.Errorf("the speed line is in the report, or missing from standard error:\n%s\n%s", a, stderrA)
	}
}

// TestEmptyStatisticsAreNull: statistics of an empty sample are null in
// JSON and n/a in text, never 0. With min_salience 1 every request is
// refused: no success, no attempt, no ignition.
func TestEmptyStatisticsAreNull(t *testing.T) {
	out, _, code := runCLI(t, "run", "burst", "--set", "triggers.min_salience=1", "--format", "json")
	var rep struct {
		SuccessLatencyMs map[string]any `json:"success_latency_ms"`
		Coherence        map[string]any `json:"coherence"`
		Halves           map[string]any `json:"halves"`
		Histogram        []struct {
			UpToMs *float64 `json:"up_to_ms"`
		} `json:"latency_histogram"`
	}
	// Exit 3: burst's criteria fail when nothing succeeds; the report is
	// still whole.
	if err := json.Unmarshal([]byte(out), &rep); code != 3 || err != nil {
		t.Fatalf("exit %d, %v", code, err)
	}
	for _, key := range []string{"mean", "p50", "p90", "p95", "p99", "p999", "max"} {
		if v, ok := rep.SuccessLatencyMs[key]; !ok || v != nil {
			t.Errorf("success_latency_ms.%s = %v, want null", key, v)
		}
	}
	for _, key := range []string{"peak_mean", "peak_min", "time_above_mean_ms"} {
		if v, ok := rep.Coherence[key]; !ok || v != nil {
			t.Errorf("coherence.%s = %v, want null", key, v)
		}
	}
	if v := rep.Halves["first_success_mean_ms"]; v != nil {
		t.Errorf("halves.first_success_mean_ms = %v, want null", v)
	}
	last := rep.Histogram[len(rep.Histogram)-1]
	if len(rep.Histogram) < 2 || last.UpToMs != nil || rep.Histogram[0].UpToMs == nil {
		t.Errorf("the overflow bucket is not the only one without a bound: %+v", rep.Histogram)
	}
	text, _, _ := runCLI(t, "run", "burst", "--set", "triggers.min_salience=1")
	if !strings.Contains(text, "latency, successes  n/a (n=0)") || strings.Contains(text, "mean 0.000 then") {
		t.Errorf("text report:\n%s", text)
	}
}
