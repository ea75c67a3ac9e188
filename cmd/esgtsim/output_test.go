package main

import (
	"bytes"
	"compress/gzip"
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
