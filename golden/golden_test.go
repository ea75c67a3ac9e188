package golden

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/scenarios"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current results")

// TestGolden runs every built-in scenario with the invariant checker on
// (refractory gap, concurrency, frequency, one outcome per request, phase
// order, arousal bounds, fabric at rest) and compares its results with the
// golden file.
func TestGolden(t *testing.T) {
	for _, info := range scenarios.Builtins() {
		t.Run(info.Name, func(t *testing.T) {
			t.Parallel()
			sc, err := scenarios.Builtin(info.Name, nil)
			if err != nil {
				t.Fatal(err)
			}
			res, err := scenarios.Run(context.Background(), sc, scenarios.Options{Check: true})
			if err != nil {
				t.Fatal(err)
			}
			s := res.Summary
			var failed uint64
			for _, n := range s.Requests.Failed {
				failed += n
			}
			if s.Requests.Succeeded+failed != s.Requests.Total {
				t.Fatalf("%d succeeded + %d failed != %d requests: a request was lost", s.Requests.Succeeded, failed, s.Requests.Total)
			}
			got := format(&s)
			path := filepath.Join(".", info.Name+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./golden -update to create it)", err)
			}
			if diff := compare(want, got); diff != "" {
				os.WriteFile(path+".got", got, 0o644)
				t.Errorf("%s differs from its golden file (-golden +got); new results in %s.got:\n%s%s", info.Name, path, diff, bisect(info.Name, want, got))
			}
		})
	}
}

// TestComparisonCanFail proves that a perturbed result produces a diff.
func TestComparisonCanFail(t *testing.T) {
	sc, err := scenarios.Builtin("burst", nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := scenarios.Run(context.Background(), sc, scenarios.Options{})
	if err != nil {
		t.Fatal(err)
	}
	good := format(&res.Summary)
	for name, perturb := range map[string]func(*scenarios.Summary){
		"one more success":     func(s *scenarios.Summary) { s.Requests.Succeeded++ },
		"a microsecond slower": func(s *scenarios.Summary) { s.LatencyMs.P99 += 0.001 },
		"another digest":       func(s *scenarios.Summary) { s.Digest = "0000000000000000" },
	} {
		s := res.Summary
		perturb(&s)
		if compare(good, format(&s)) == "" {
			t.Errorf("%s: no difference reported", name)
		}
	}
	if compare(good, good) != "" {
		t.Error("identical results reported as different")
	}
}

// bisect locates where the traces behind two golden documents first
// differ, from their checkpoints, and says how to find the exact record.
func bisect(name string, want, got []byte) string {
	var w, g struct {
		Digest      string   `json:"digest"`
		Checkpoints []string `json:"checkpoints"`
	}
	if json.Unmarshal(want, &w) != nil || json.Unmarshal(got, &g) != nil || w.Digest == g.Digest {
		return ""
	}
	after := "the start"
	for i := range min(len(w.Checkpoints), len(g.Checkpoints)) {
		if w.Checkpoints[i] != g.Checkpoints[i] {
			return fmt.Sprintf("\nThe trace first differs after %s and by checkpoint %q (golden) / %q (got).\n"+
				"To find the exact record, write the trace on both builds and compare them:\n"+
				"  go run ./cmd/esgtsim run %s --trace new.jsonl; git stash; go run ./cmd/esgtsim run %s --trace old.jsonl; git stash pop\n"+
				"  go run ./cmd/esgtsim diff old.jsonl new.jsonl", after, w.Checkpoints[i], g.Checkpoints[i], name, name)
		}
		after = fmt.Sprintf("checkpoint %q", w.Checkpoints[i])
	}
	return "\nThe checkpoints agree as far as both go: one trace is a prefix of the other."
}

// compare returns the difference between two golden documents, "" if none.
func compare(want, got []byte) string {
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		return "the golden file is not valid JSON: " + err.Error()
	}
	if err := json.Unmarshal(got, &g); err != nil {
		return "the new results are not valid JSON: " + err.Error()
	}
	return cmp.Diff(w, g)
}

// checkpoints renders each checkpoint as "record at time: hash".
func checkpoints(cs []scenarios.Checkpoint) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = fmt.Sprintf("%d at %v: %s", c.Record, c.At, c.Hash)
	}
	return out
}

// format renders a summary as a golden document: sorted keys, one value
// per line, fixed decimals (milliseconds with 6, so virtual nanoseconds are
// exact; ratios and coherence with 6), every outcome reason listed.
func format(s *scenarios.Summary) []byte {
	f := func(v float64) json.Number { return json.Number(strconv.FormatFloat(v, 'f', 6, 64)) }
	q := func(x scenarios.Quantiles) map[string]any {
		return map[string]any{
			"count": x.Count, "mean": f(x.Mean), "p50": f(x.P50), "p90": f(x.P90), "p95": f(x.P95),
			"p99": f(x.P99), "p999": f(x.P999), "max": f(x.Max), "exact": x.Exact,
		}
	}
	reasons := map[string]any{}
	for _, r := range esgt.Reasons() {
		if r == esgt.Success {
			reasons[r.String()] = s.Requests.Succeeded
		} else {
			reasons[r.String()] = s.Requests.Failed[r.String()]
		}
	}
	hist := map[string]any{}
	for _, b := range s.LatencyHistogram {
		key := "above"
		if b.UpToMs > 0 {
			key = fmt.Sprintf("below_%04.0f_ms", b.UpToMs)
		}
		hist[key] = b.Count
	}
	var minGap any
	if s.Ignitions.MinGapMs != nil {
		minGap = f(*s.Ignitions.MinGapMs)
	}
	doc := map[string]any{
		"scenario":           s.Scenario,
		"seed":               s.Seed,
		"virtual_seconds":    f(s.VirtualSeconds),
		"requests":           map[string]any{"total": s.Requests.Total, "by_outcome": reasons},
		"latency_ms":         q(s.LatencyMs),
		"latency_histogram":  hist,
		"success_latency_ms": q(s.SuccessLatencyMs),
		"time_to_sync_ms":    q(s.TimeToSyncMs),
		"refractory": map[string]any{
			"ignitions": s.Ignitions.Count, "attempts": s.Ignitions.Attempts, "min_gap_ms": minGap,
			"rejections": s.Ignitions.RefractoryRejections, "interval_ms": q(s.Ignitions.IntervalMs),
			"max_in_flight": s.Ignitions.MaxInFlight,
		},
		"coherence": map[string]any{
			"attempts": s.Coherence.Attempts, "peak_mean": f(s.Coherence.PeakMean), "peak_min": f(s.Coherence.PeakMin),
			"time_above_mean_ms": f(s.Coherence.TimeAboveMeanMs), "dissolution_mean": f(s.Coherence.DissolutionMean),
		},
		"halves": map[string]any{
			"first_success_rate": f(s.Halves.FirstSuccessRate), "second_success_rate": f(s.Halves.SecondSuccessRate),
			"first_success_mean_ms": f(s.Halves.FirstSuccessMeanMs), "second_success_mean_ms": f(s.Halves.SecondSuccessMeanMs),
		},
		"makespan_ms": f(s.MakespanMs),
		"fabric": map[string]any{
			"nodes": s.Fabric.Nodes, "edges": s.Fabric.Edges, "density": f(s.Fabric.Density),
			"clustering": f(s.Fabric.Clustering), "path_length": f(s.Fabric.PathLength),
			"efficiency": f(s.Fabric.Efficiency), "algebraic_connectivity": f(s.Fabric.AlgebraicConnectivity),
			"articulation_points": s.Fabric.ArticulationPoints, "recreations": s.Fabric.Recreations,
			"final_healthy_nodes": s.Fabric.FinalHealthy,
		},
		"faults":        s.Faults,
		"modulations":   s.Modulations,
		"trace_records": s.TraceRecords,
		"digest":        s.Digest,
		"checkpoints":   checkpoints(s.Checkpoints),
	}
	if a := s.Arousal; a != nil {
		doc["arousal"] = map[string]any{
			"updates": a.Updates, "min": f(a.Min), "max": f(a.Max), "mean": f(a.Mean), "final": f(a.Final),
			"final_level": a.FinalLevel, "level_changes": a.LevelChanges, "final_stress": f(a.Stress),
			"threshold_min": f(a.ThresholdMin), "threshold_max": f(a.ThresholdMax), "threshold_mean": f(a.ThresholdMean),
			"warnings": a.Warnings,
		}
	}
	if n := s.Needs; n != nil {
		needs := func(v [6]float64) map[string]any {
			return map[string]any{"rest": f(v[0]), "repair": f(v[1]), "efficiency": f(v[2]), "connectivity": f(v[3]), "curiosity": f(v[4]), "learning": f(v[5])}
		}
		doc["needs"] = map[string]any{
			"samples": n.Samples, "warnings": n.Warnings,
			"final": needs([6]float64{n.Final.Rest, n.Final.Repair, n.Final.Efficiency, n.Final.Connectivity, n.Final.Curiosity, n.Final.Learning}),
			"max":   needs([6]float64{n.Max.Rest, n.Max.Repair, n.Max.Efficiency, n.Max.Connectivity, n.Max.Curiosity, n.Max.Learning}),
		}
	}
	if p := s.Probes; p != nil {
		doc["probes"] = map[string]any{
			"modulation_response_ms": q(p.ModulationResponseMs), "modulation_unanswered": p.ModulationUnanswered,
			"pipeline_ms": q(p.PipelineMs), "pipeline_unanswered": p.PipelineUnanswered,
			"end_to_end_ms": q(p.EndToEndMs), "end_to_end_unanswered": p.EndToEndUnanswered,
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		panic(err)
	}
	return b.Bytes()
}
