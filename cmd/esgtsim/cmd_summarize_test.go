package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSummarizeMergedAndShards checks that a sweep's merged output and its
// shards, in CSV and JSON Lines, summarize to the same bytes.
func TestSummarizeMergedAndShards(t *testing.T) {
	dir := t.TempDir()
	sweepArgs := []string{"sweep", "load-short", "--param", "triggers.refractory_period=0ms,100ms", "--seeds", "1..4"}
	var summaries []string
	for _, format := range []string{"csv", "jsonl"} {
		merged := filepath.Join(dir, "all."+format)
		if _, stderr, code := runCLI(t, append(sweepArgs, "--format", format, "--out", merged)...); code != 0 {
			t.Fatalf("sweep: %s", stderr)
		}
		var shards []string
		for i := range 3 {
			p := filepath.Join(dir, fmt.Sprintf("shard-%d.%s", i, format))
			if _, stderr, code := runCLI(t, append(sweepArgs, "--format", format, "--shard", fmt.Sprintf("%d/3", i), "--out", p)...); code != 0 {
				t.Fatalf("sweep shard: %s", stderr)
			}
			shards = append(shards, p)
		}
		for _, files := range [][]string{{merged}, shards} {
			out, stderr, code := runCLI(t, append(append([]string{"summarize"}, files...), "--format", "csv", "--metric", "ignitions,success_rate")...)
			if code != 0 || stderr != "" {
				t.Fatalf("summarize %v: exit %d, %s", files, code, stderr)
			}
			summaries = append(summaries, out)
		}
		_, stderr, code := runCLI(t, "summarize", shards[0], shards[2])
		if code != 0 || !strings.Contains(stderr, "shard(s) [1] of 3 missing") {
			t.Errorf("two shards of three: exit %d, stderr %q", code, stderr)
		}
	}
	for _, s := range summaries[1:] {
		if s != summaries[0] {
			t.Errorf("summaries differ:\n%s\n%s", summaries[0], s)
		}
	}
	if !strings.HasPrefix(summaries[0], "triggers.refractory_period,metric,n,failed,mean,sd,ci_low,ci_high,half_width\n0ms,ignitions,4,0,") {
		t.Errorf("summary:\n%s", summaries[0])
	}
}

func TestSummarizeUsageErrors(t *testing.T) {
	dir := t.TempDir()
	notSweep := filepath.Join(dir, "x.csv")
	os.WriteFile(notSweep, []byte("a,b\n1,2\n"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"summarize"}, 2, "want at least one sweep file"},
		{[]string{"summarize", notSweep, "--format", "xml"}, 2, "--format must be text, csv or jsonl"},
		{[]string{"summarize", notSweep}, 1, "not an esgtsim sweep output"},
		{[]string{"summarize", filepath.Join(dir, "nope.csv")}, 1, "no such file"},
	} {
		_, stderr, code := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}
