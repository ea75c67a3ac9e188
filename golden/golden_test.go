package golden

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/esgtsim/esgtsim/scenarios"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current results")

// TestGolden runs every built-in scenario with the invariant checker on
// (refractory gap, concurrency, frequency, one outcome per request, phase
// order, arousal bounds, fabric at rest) and compares its run report with
// the golden file NAME.json, then its digest checkpoints with
// NAME.checkpoints, so a failing diff shows what changed before the hashes.
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
			report, marks := format(&s)
			reportPath := filepath.Join(".", info.Name+".json")
			marksPath := filepath.Join(".", info.Name+".checkpoints")
			if *update {
				for path, data := range map[string][]byte{reportPath: report, marksPath: marks} {
					if err := os.WriteFile(path, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			want, err := os.ReadFile(reportPath)
			if err != nil {
				t.Fatalf("%v (run go test ./golden -update to create it)", err)
			}
			wantMarks, err := os.ReadFile(marksPath)
			if err != nil {
				t.Fatalf("%v (run go test ./golden -update to create it)", err)
			}
			if diff := compare(want, report); diff != "" {
				os.WriteFile(reportPath+".got", report, 0o644)
				t.Errorf("%s differs from its golden file (-golden +got); new results in %s.got:\n%s%s",
					info.Name, reportPath, diff, bisect(info.Name, wantMarks, marks))
			} else if !bytes.Equal(wantMarks, marks) {
				os.WriteFile(marksPath+".got", marks, 0o644)
				t.Errorf("%s: same report, other digest checkpoints (a 64-bit collision?):\n%s",
					info.Name, cmp.Diff(string(wantMarks), string(marks)))
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
	good, _ := format(&res.Summary)
	for name, perturb := range map[string]func(*scenarios.Summary){
		"one more success":     func(s *scenarios.Summary) { s.Requests.Succeeded++ },
		"a microsecond slower": func(s *scenarios.Summary) { s.LatencyMs.P99 += 0.001 },
		"another digest":       func(s *scenarios.Summary) { s.Digest = "0000000000000000" },
	} {
		s := res.Summary
		perturb(&s)
		if got, _ := format(&s); compare(good, got) == "" {
			t.Errorf("%s: no difference reported", name)
		}
	}
	if compare(good, good) != "" {
		t.Error("identical results reported as different")
	}
}

// bisect locates where the traces behind two runs first differ, from their
// checkpoint files, and says how to find the exact record.
func bisect(name string, want, got []byte) string {
	w := strings.Split(strings.TrimSpace(string(want)), "\n")
	g := strings.Split(strings.TrimSpace(string(got)), "\n")
	after := "the start"
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return fmt.Sprintf("\nThe trace first differs after %s and by checkpoint %q (golden) / %q (got).\n"+
				"To find the exact record, write the trace on both builds and compare them:\n"+
				"  go run ./cmd/esgtsim run %s --trace new.jsonl; git stash; go run ./cmd/esgtsim run %s --trace old.jsonl; git stash pop\n"+
				"  go run ./cmd/esgtsim diff old.jsonl new.jsonl", after, w[i], g[i], name, name)
		}
		after = fmt.Sprintf("checkpoint %q", w[i])
	}
	if len(w) == len(g) {
		return ""
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

// format renders a summary as its golden files: the run report exactly as
// "esgtsim run NAME --format json" prints it, without its checkpoints, and
// the checkpoints one per line as "record at time: hash".
func format(s *scenarios.Summary) (report, checkpoints []byte) {
	var marks bytes.Buffer
	for _, c := range s.Checkpoints {
		fmt.Fprintf(&marks, "%d at %v: %s\n", c.Record, c.At, c.Hash)
	}
	plain := *s
	plain.Checkpoints = nil
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&plain); err != nil {
		panic(err)
	}
	return b.Bytes(), marks.Bytes()
}
