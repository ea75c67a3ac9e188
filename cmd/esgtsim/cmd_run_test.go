package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunFlagOrders(t *testing.T) {
	a, _, codeA := runCLI(t, "run", "burst", "--seed", "3", "--format", "json")
	b, _, codeB := runCLI(t, "run", "--seed", "3", "--format", "json", "burst")
	if codeA != 0 || codeB != 0 || a != b {
		t.Fatalf("flag orders give exit %d/%d and different reports", codeA, codeB)
	}
	var s struct {
		Scenario string `json:"scenario"`
		Seed     uint64 `json:"seed"`
		Requests struct {
			Total uint64 `json:"total"`
		} `json:"requests"`
		Digest string `json:"digest"`
	}
	if err := json.Unmarshal([]byte(a), &s); err != nil || s.Scenario != "burst" || s.Seed != 3 || s.Requests.Total != 50 || len(s.Digest) != 16 {
		t.Fatalf("report %+v, err %v", s, err)
	}
}

func TestRunUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"run"},
		{"run", "burst", "--format", "yaml"},
		{"run", "burst", "--plot-format", "gif", "--plot", "x"},
		{"run", "burst", "--check-determinism", "--out", "x.json"},
	} {
		_, stderr, code := runCLI(t, args...)
		if code != 2 || !strings.Contains(stderr, "Run 'esgtsim help run' for usage.") || strings.Count(stderr, "\n") != 2 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

func TestRunWritesFiles(t *testing.T) {
	dir := t.TempDir()
	out, trace, plotDir := filepath.Join(dir, "r.json"), filepath.Join(dir, "t.jsonl"), filepath.Join(dir, "plots")
	_, stderr, code := runCLI(t, "run", "recovery", "--format", "json", "--out", out, "--trace", trace, "--plot", plotDir, "--check")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, p := range []string{out, trace, filepath.Join(plotDir, "latency.svg"), filepath.Join(plotDir, "outcomes.svg")} {
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestRunCheckDeterminism(t *testing.T) {
	out, _, code := runCLI(t, "run", "latency", "--check-determinism")
	if code != 0 || !strings.HasPrefix(out, "deterministic:") {
		t.Fatalf("exit %d: %q", code, out)
	}
	// With --format json: the run's JSON report, the verdict in it.
	out, _, code = runCLI(t, "run", "latency", "--check-determinism", "--format", "json")
	report, _, _ := runCLI(t, "run", "latency", "--format", "json")
	var rep struct {
		Digest      string `json:"digest"`
		Determinism struct {
			Deterministic *bool `json:"deterministic"`
			Runs          int   `json:"runs"`
			Divergence    any   `json:"first_divergence"`
		} `json:"determinism"`
	}
	var plain struct {
		Digest string `json:"digest"`
	}
	json.Unmarshal([]byte(report), &plain)
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %q", code, err, out)
	}
	d := rep.Determinism
	if d.Deterministic == nil || !*d.Deterministic || d.Runs != 2 || d.Divergence != nil || rep.Digest != plain.Digest {
		t.Errorf("verdict %+v, digest %s (run's %s)", d, rep.Digest, plain.Digest)
	}
}

// countedContext is a context that is done from its limit-th Err call
// on (never with limit 0), counting the calls: the run polls Err while it
// builds the fabric and after every simulated second, so a test can stop
// it at a chosen point without timing.
type countedContext struct {
	context.Context
	calls, limit int
}

func (c *countedContext) Done() <-chan struct{} { return make(chan struct{}) }
func (c *countedContext) Err() error {
	if c.calls++; c.limit > 0 && c.calls >= c.limit {
		return context.Canceled
	}
	return nil
}

// TestRunInterrupted: a run interrupted after it started (SIGINT cancels
// the context) prints its partial JSON report, marked "complete": false
// with the virtual time reached, exits 1 and leaves neither report nor
// trace.
func TestRunInterrupted(t *testing.T) {
	args := []string{"run", "load-short", "--format", "json"}
	count := &countedContext{Context: context.Background()}
	if err := run(count, io.Discard, io.Discard, args); err != nil {
		t.Fatal(err)
	}
	// The last 10 polls are the 10 simulated seconds: stop at the 4th.
	ctx := &countedContext{Context: context.Background(), limit: count.calls - 6}
	dir := t.TempDir()
	args = append(args, "--out", filepath.Join(dir, "r.json"), "--trace", filepath.Join(dir, "t.jsonl"))
	var stdout, stderr bytes.Buffer
	code := exitCode(&stderr, run(ctx, &stdout, &stderr, args))
	var rep struct {
		Complete       *bool   `json:"complete"`
		VirtualSeconds float64 `json:"virtual_seconds"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil || rep.Complete == nil || *rep.Complete || rep.VirtualSeconds != 4 {
		t.Errorf("partial report: complete %v at %v virtual s (%v), want false at 4", rep.Complete, rep.VirtualSeconds, err)
	}
	if code != 1 || !strings.Contains(stderr.String(), "interrupted at 4.000 virtual s") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left after the interruption: %v", entries)
	}

	// Interrupted before the first simulated second: nothing ran.
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, stderr, code := runCLIContext(t, cancelled, "run", "load-full"); code != 1 || !strings.Contains(stderr, "nothing ran") {
		t.Errorf("interrupted at once: exit %d, %q", code, stderr)
	}
}

// TestCompleteInEveryJSONReport: run, fabric and kuramoto reports all say
// "complete": true when they ran to the end.
func TestCompleteInEveryJSONReport(t *testing.T) {
	for _, args := range [][]string{
		{"run", "burst", "--format", "json"},
		{"run", "burst", "--format", "json", "--check-determinism"},
		{"fabric", "--nodes", "16", "--format", "json"},
		{"kuramoto", "--nodes", "8", "--duration", "0.1", "--format", "json"},
	} {
		out, stderr, code := runCLI(t, args...)
		var rep struct {
			Complete *bool `json:"complete"`
		}
		if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil || rep.Complete == nil || !*rep.Complete {
			t.Errorf("%v: exit %d, complete %v, err %v, %s", args, code, rep.Complete, err, stderr)
		}
	}
}

// TestPlotInterrupted: an interrupted plot says so and writes no figure.
func TestPlotInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := filepath.Join(t.TempDir(), "figures")
	_, stderr, code := runCLIContext(t, ctx, "plot", "load-short", "--out", dir)
	if code != 1 || !strings.Contains(stderr, "plot: interrupted") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("an interrupted plot created its directory")
	}
}
