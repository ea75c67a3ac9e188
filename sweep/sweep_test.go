package sweep

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
)

// testDef is a small sweep of the built-in latency scenario: 3 refractory
// periods × 2 fabric sizes × 3 seeds = 18 cells.
func testDef(format Format) Definition {
	return Definition{
		Scenario: "latency",
		Params: []Param{
			{"triggers.refractory_period", []string{"10ms", "30ms", "50ms"}},
			{"fabric.nodes", []string{"16", "24"}},
		},
		Seeds:   []uint64{1, 2, 3},
		Format:  format,
		Version: "test",
	}
}

func mustPlan(t *testing.T, def Definition) *Plan {
	t.Helper()
	p, err := NewPlan(def)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Validate(context.Background(), 2); err != nil {
		t.Fatal(err)
	}
	return p
}

// streamed runs def to a buffer, as a sweep without --out does.
func streamed(t *testing.T, def Definition, workers int) []byte {
	t.Helper()
	var out bytes.Buffer
	job := &Job{Plan: mustPlan(t, def), Workers: workers, Stream: &out}
	if _, err := job.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// commit stands in for the CLI's atomic writer.
func commit(path string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// TestRowOrderIndependentOfWorkers checks that the bytes do not depend on
// the number of workers, in both formats.
func TestRowOrderIndependentOfWorkers(t *testing.T) {
	for _, format := range []Format{CSV, JSONL} {
		t.Run(format.String(), func(t *testing.T) {
			want := streamed(t, testDef(format), 1)
			for _, workers := range []int{2, 3, 8, 64} {
				if got := streamed(t, testDef(format), workers); !bytes.Equal(got, want) {
					t.Errorf("-j %d differs from -j 1:\n%s\nwant:\n%s", workers, got, want)
				}
			}
		})
	}
}

func TestCSVLayout(t *testing.T) {
	out := string(streamed(t, testDef(CSV), 2))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	wantHeader := "cell,seed,triggers.refractory_period,fabric.nodes,requests,succeeded,success_rate," +
		"latency_mean_ms,latency_p50_ms,latency_p95_ms,latency_p99_ms,latency_max_ms," +
		"time_to_sync_p50_ms,time_to_sync_p99_ms,ignitions,min_gap_ms,refractory_rejections,arousal_mean,digest,error"
	if lines[0] != wantHeader {
		t.Errorf("header\n got %s\nwant %s", lines[0], wantHeader)
	}
	if len(lines) != 19 {
		t.Fatalf("%d lines, want a header and 18 rows", len(lines))
	}
	// Cell 10 is combination 3 (refractory 30ms, 24 nodes), seed 2.
	f := strings.Split(lines[11], ",")
	if f[0] != "10" || f[1] != "2" || f[2] != "30ms" || f[3] != "24" {
		t.Errorf("row 10 starts %v, want 10,2,30ms,24", f[:4])
	}
	// The figures are those of the same run made directly.
	sc, err := scenarios.Load("latency", []string{"triggers.refractory_period=30ms", "fabric.nodes=24"})
	if err != nil {
		t.Fatal(err)
	}
	sc.Spec.Seed = 2
	res, err := scenarios.Run(context.Background(), sc, scenarios.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Summary
	want := map[int]string{
		4: fmt.Sprint(s.Requests.Total), 5: fmt.Sprint(s.Requests.Succeeded),
		7: fmt.Sprintf("%.6f", s.LatencyMs.Mean), 11: fmt.Sprintf("%.6f", s.LatencyMs.Max),
		14: fmt.Sprint(s.Ignitions.Count), 17: "", 18: s.Digest, 19: "",
	}
	for i, w := range want {
		if f[i] != w {
			t.Errorf("column %d (%s) = %q, want %q", i, strings.Split(wantHeader, ",")[i], f[i], w)
		}
	}
}

func TestJSONLLayout(t *testing.T) {
	out := streamed(t, testDef(JSONL), 2)
	lines := bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n"))
	if len(lines) != 18 {
		t.Fatalf("%d lines, want 18", len(lines))
	}
	for i, line := range lines {
		var row map[string]any
		if err := json.Unmarshal(line, &row); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", i, err, line)
		}
		if row["cell"] != float64(i) || row["fabric.nodes"] == nil || row["arousal_mean"] != nil || row["error"] != nil {
			t.Errorf("line %d: cell %v, nodes %v (want a string), arousal_mean %v and error %v (want null)",
				i, row["cell"], row["fabric.nodes"], row["arousal_mean"], row["error"])
		}
		if _, ok := row["fabric.nodes"].(string); !ok {
			t.Errorf("line %d: parameter values must be strings, got %T", i, row["fabric.nodes"])
		}
	}
	if !bytes.HasPrefix(lines[0], []byte(`{"cell":0,"seed":1,"triggers.refractory_period":"10ms","fabric.nodes":"16","requests":`)) {
		t.Errorf("keys not in column order: %s", lines[0])
	}
}

// TestArousalMean checks that arousal_mean is filled when arousal runs.
func TestArousalMean(t *testing.T) {
	def := Definition{Scenario: "latency", Sets: []string{"arousal.enabled=true"}, Seeds: []uint64{1}, Version: "test"}
	out := string(streamed(t, def, 1))
	row := strings.Split(strings.Split(out, "\n")[1], ",")
	if row[15] == "" {
		t.Errorf("arousal_mean empty with arousal enabled: %v", row)
	}
}

// TestShardMergeEqualsUnsharded checks that merging the shards of every
// split, given in any order, gives the unsharded bytes exactly.
func TestShardMergeEqualsUnsharded(t *testing.T) {
	for _, format := range []Format{CSV, JSONL} {
		want := streamed(t, testDef(format), 2)
		for _, n := range []int{1, 2, 3, 7, 18, 25} {
			t.Run(fmt.Sprintf("%s/%d", format, n), func(t *testing.T) {
				inputs := shardOutputs(t, testDef(format), n)
				for i, j := 0, len(inputs)-1; i < j; i, j = i+1, j-1 { // reverse
					inputs[i], inputs[j] = inputs[j], inputs[i]
				}
				var got bytes.Buffer
				if err := Merge(&got, inputs); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Errorf("merge of %d shards differs from the unsharded sweep:\n%s\nwant:\n%s", n, got.Bytes(), want)
				}
			})
		}
	}
}

func shardOutputs(t *testing.T, def Definition, n int) []Input {
	t.Helper()
	var inputs []Input
	for i := range n {
		def.Shard = Shard{Index: i, Count: n}
		inputs = append(inputs, Input{Name: fmt.Sprintf("shard-%d", i), Data: streamed(t, def, 2)})
	}
	return inputs
}

func TestMergeRejects(t *testing.T) {
	good := shardOutputs(t, testDef(CSV), 3)
	other := testDef(CSV)
	other.Seeds = []uint64{1, 2, 4}
	otherShards := shardOutputs(t, other, 3)
	fourShards := shardOutputs(t, testDef(CSV), 4)
	edited := bytes.Replace(good[1].Data, []byte(",30ms,"), []byte(",31ms,"), 1)
	truncated := good[2].Data[:bytes.LastIndexByte(good[2].Data[:len(good[2].Data)-1], '\n')+1]
	for _, tc := range []struct {
		name   string
		inputs []Input
		want   string
	}{
		{"none", nil, "no shard files"},
		{"missing", good[:2], "missing shard(s) [2] of 3"},
		{"twice", []Input{good[0], good[1], good[2], {"copy", good[1].Data}}, "both shard 1/3"},
		{"other sweep", []Input{good[0], otherShards[1], good[2]}, "different sweeps"},
		{"other split", []Input{good[0], fourShards[1], good[2]}, "of 3 shards"},
		{"edited", []Input{good[0], {"edited", edited}, good[2]}, "edited: damaged or edited"},
		{"interrupted", []Input{good[0], good[1], {"cut", truncated}}, "cut: no shard trailer"},
		{"unsharded", []Input{{"plain", streamed(t, testDef(CSV), 2)}}, "plain: no shard trailer"},
		{"empty file", []Input{{"empty", nil}}, "empty: does not end with a shard trailer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := Merge(&out, tc.inputs)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Merge: %v, want an error containing %q", err, tc.want)
			}
			if out.Len() != 0 {
				t.Errorf("a failed merge wrote %d bytes", out.Len())
			}
		})
	}
}

// TestResumeAfterInterrupt interrupts a sweep after some cells, resumes it
// and checks that the file is the uninterrupted one and that only the
// missing cells ran the second time.
func TestResumeAfterInterrupt(t *testing.T) {
	for _, stopAfter := range []int{0, 1, 7, 17} {
		t.Run(fmt.Sprint(stopAfter), func(t *testing.T) {
			dir := t.TempDir()
			want := filepath.Join(dir, "want.csv")
			runFile(t, &Job{Plan: mustPlan(t, testDef(CSV)), Workers: 2, Out: want, Commit: commit}, context.Background())

			out := filepath.Join(dir, "out.csv")
			ctx, cancel := context.WithCancel(context.Background())
			job := &Job{Plan: mustPlan(t, testDef(CSV)), Workers: 2, Out: out, Commit: commit,
				Progress: func(done, total int) {
					if done >= stopAfter {
						cancel()
					}
				}}
			st, err := job.Run(ctx)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("interrupted run: %v, want context.Canceled", err)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("an interrupted sweep wrote its output file (%v)", err)
			}
			kept := st.Ran

			job = &Job{Plan: mustPlan(t, testDef(CSV)), Workers: 3, Out: out, Resume: true, Commit: commit}
			st = runFile(t, job, context.Background())
			if st.Resumed != kept || st.Ran != 18-kept {
				t.Errorf("resumed %d and ran %d, want %d and %d", st.Resumed, st.Ran, kept, 18-kept)
			}
			sameFile(t, out, want)
			if _, err := os.Stat(JournalPath(out)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("journal left behind after completion: %v", err)
			}
		})
	}
}

// TestResumeDamagedJournal resumes from a journal with some rows in
// completion order, a damaged line and a torn last line, as kill -9 or a
// crash can leave it.
func TestResumeDamagedJournal(t *testing.T) {
	dir := t.TempDir()
	want := filepath.Join(dir, "want.csv")
	runFile(t, &Job{Plan: mustPlan(t, testDef(CSV)), Workers: 2, Out: want, Commit: commit}, context.Background())

	out := filepath.Join(dir, "out.csv")
	p := mustPlan(t, testDef(CSV))
	j, _, _, err := OpenJournal(JournalPath(out), p, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []int{5, 0, 17, 9} {
		r, _ := p.RunCell(context.Background(), c)
		if err := j.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	j.Close()
	f, err := os.OpenFile(JournalPath(out), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := p.RunCell(context.Background(), 3)
	r.Fields[1] = "99" // not cell 3's seed: not a row of this sweep
	bad, _ := json.Marshal(r.Fields)
	fmt.Fprintf(f, "%s\nnot json\n[\"4\",\"2\",\"10m", bad)
	f.Close()

	st := runFile(t, &Job{Plan: p, Workers: 2, Out: out, Resume: true, Commit: commit}, context.Background())
	if st.Resumed != 4 || st.Skipped != 2 || st.Ran != 14 {
		t.Errorf("resumed %d, skipped %d, ran %d; want 4, 2 and 14", st.Resumed, st.Skipped, st.Ran)
	}
	sameFile(t, out, want)
}

func TestJournalGuards(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.csv")
	p := mustPlan(t, testDef(CSV))
	j, _, _, err := OpenJournal(JournalPath(out), p, false)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := p.RunCell(context.Background(), 2)
	j.Append(r)
	j.Close()

	_, err = (&Job{Plan: p, Workers: 1, Out: out, Commit: commit}).Run(context.Background())
	var exists *ExistsError
	if !errors.As(err, &exists) || exists.Rows != 1 || !strings.Contains(err.Error(), "--resume") {
		t.Errorf("run without --resume over a journal: %v, want an ExistsError with 1 row naming --resume", err)
	}
}

// TestFailingCellRecordsError checks that a cell that fails while running
// gets a row with its error and empty figures, and the others run.
func TestFailingCellRecordsError(t *testing.T) {
	defer func(f func(context.Context, *spec.Scenario, scenarios.Options) (*scenarios.Result, error)) {
		runScenario = f
	}(runScenario)
	runScenario = func(ctx context.Context, sc *spec.Scenario, o scenarios.Options) (*scenarios.Result, error) {
		switch sc.Spec.Seed {
		case 2:
			return nil, errors.New("model broke\nat line two")
		case 3:
			panic("boom")
		}
		return scenarios.Run(ctx, sc, o)
	}
	out := string(streamed(t, testDef(CSV), 2))
	lines := strings.Split(out, "\n")
	for _, tc := range []struct {
		line int
		want string
	}{
		{2, ",,,,,,,,,,,,,,,model broke; at line two\n"},
		{3, ",,,,,,,,,,,,,,,panic: boom\n"},
	} {
		if !strings.HasSuffix(lines[tc.line]+"\n", tc.want) {
			t.Errorf("line %d = %q, want it to end with %q", tc.line, lines[tc.line], tc.want)
		}
	}
	if f := strings.Split(lines[4], ","); f[1] != "1" || f[4] == "" || f[19] != "" {
		t.Errorf("the cell after failures did not run normally: %q", lines[4])
	}
}

func TestValidateNamesTheParam(t *testing.T) {
	for _, tc := range []struct {
		name   string
		params []Param
		want   string
	}{
		{"negative", []Param{{"triggers.refractory_period", []string{"10ms", "-5ms"}}}, `--param triggers.refractory_period=-5ms: triggers.refractory_period: durations must not be negative`},
		{"unknown key", []Param{{"triggers.refractory_perod", []string{"10ms"}}}, `--param triggers.refractory_perod=10ms: triggers.refractory_perod: unknown key (did you mean "refractory_period"?)`},
		{"wrong type", []Param{{"fabric.nodes", []string{"16", "many"}}}, "--param fabric.nodes=many: fabric.nodes: want an integer"},
		{"first in cell order", []Param{{"fabric.nodes", []string{"16", "0"}}, {"triggers.min_salience", []string{"0.5", "2"}}}, "--param triggers.min_salience=2:"},
		{"relation", []Param{{"fabric.latency_min", []string{"1us", "3us"}}}, "--param fabric.latency_min=3us: fabric.latency_max: 2µs must be >= fabric.latency_min 3µs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := NewPlan(Definition{Scenario: "latency", Params: tc.params, Seeds: []uint64{1}})
			if err == nil {
				err = p.Validate(context.Background(), 2)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestNewPlanErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		def  Definition
		want string
	}{
		{"no scenario", Definition{Scenario: "no-such-scenario"}, "neither a built-in scenario"},
		{"bad set", Definition{Scenario: "latency", Sets: []string{"fabric.nodez=3"}}, "unknown key"},
		{"set and param", Definition{Scenario: "latency", Sets: []string{"fabric.nodes=30"},
			Params: []Param{{"fabric.nodes", []string{"4"}}}}, "both --set and --param"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := NewPlan(tc.def); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("NewPlan: %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestDefaultSeed checks that without --seeds the scenario's seed runs.
func TestDefaultSeed(t *testing.T) {
	p := mustPlan(t, Definition{Scenario: "latency", Version: "test"})
	if got := p.Grid().Seeds; len(got) != 1 || got[0] != 42 {
		t.Errorf("seeds %v, want the scenario's [42]", got)
	}
}

func runFile(t *testing.T, job *Job, ctx context.Context) Stats {
	t.Helper()
	st, err := job.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func sameFile(t *testing.T, got, want string) {
	t.Helper()
	g, err1 := os.ReadFile(got)
	w, err2 := os.ReadFile(want)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !bytes.Equal(g, w) {
		t.Errorf("%s differs from %s:\n%s\nwant:\n%s", got, want, g, w)
	}
}
