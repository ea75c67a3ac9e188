package main

import (
	"bytes"
	"context"
	"encoding/json"
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
		{"run", "no-such-scenario"},
		{"run", "burst", "--format", "yaml"},
		{"run", "burst", "--set", "fabric.nodez=3"},
		{"run", "burst", "--plot-format", "gif", "--plot", "x"},
		{"run", "burst", "--check-determinism", "--out", "x.json"},
	} {
		_, stderr, code := runCLI(t, args...)
		if code != 2 || !strings.Contains(stderr, "Usage:") {
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
}

// TestRunInterrupted: an interrupted run (SIGINT cancels the context)
// prints the partial report, exits 1 and leaves neither report nor trace.
func TestRunInterrupted(t *testing.T) {
	dir := t.TempDir()
	out, trace := filepath.Join(dir, "r.json"), filepath.Join(dir, "t.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := exitCode(&stderr, run(ctx, &stdout, &stderr, []string{"run", "load-full", "--out", out, "--trace", trace}))
	if code != 1 || !strings.Contains(stderr.String(), "interrupted at 1.000 virtual s") || !strings.Contains(stdout.String(), "requests") {
		t.Fatalf("exit %d, stderr %q, stdout %q", code, stderr.String(), stdout.String())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Fatalf("files left after the interruption: %v", entries)
	}
}
