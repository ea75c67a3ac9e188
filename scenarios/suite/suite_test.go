package suite

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/scenarios/trace"
	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// builtinReport runs the built-in suite once for the tests that read it.
var builtinReport = sync.OnceValues(func() (*Report, error) {
	scs, err := Select(nil, nil)
	if err != nil {
		return nil, err
	}
	return Run(context.Background(), scs, Options{})
})

// TestBuiltinSuite: every built-in is in one of the original's modules
// with at least one criterion, and the verdict table adds up.
func TestBuiltinSuite(t *testing.T) {
	r, err := builtinReport()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Scenarios) != len(scenarios.Builtins()) {
		t.Fatalf("%d scenarios, want every built-in", len(r.Scenarios))
	}
	var sum Module
	for _, m := range r.Modules {
		if !slices.Contains(Modules, m.Name) {
			t.Errorf("module %q is not one of the original's", m.Name)
		}
		if m.Passing+m.Failing+m.Skipped != m.Tests {
			t.Errorf("module %+v does not add up", m)
		}
		sum.Tests, sum.Passing, sum.Failing, sum.Skipped = sum.Tests+m.Tests, sum.Passing+m.Passing, sum.Failing+m.Failing, sum.Skipped+m.Skipped
	}
	if sum.Tests != r.Total.Tests || sum.Passing != r.Total.Passing || sum.Failing != r.Total.Failing || sum.Skipped != r.Total.Skipped {
		t.Errorf("modules sum to %+v, total %+v", sum, r.Total)
	}
	names := map[string]Status{}
	for i, s := range r.Scenarios {
		names[s.Name] = s.Status
		if len(s.Criteria) == 0 {
			t.Errorf("%s has no criterion", s.Name)
		}
		if i > 0 && compareModules(r.Scenarios[i-1].Module, s.Module) > 0 {
			t.Errorf("%s (%s) after %s (%s): not in the verdict's order", s.Name, s.Module, r.Scenarios[i-1].Name, r.Scenarios[i-1].Module)
		}
		if s.Status == Error {
			t.Errorf("%s: %s", s.Name, s.Error)
		}
	}
	// What the model gives (README's table): the original's 95 % is out of
	// reach, its relaxed latency bound holds, the benchmarks only state
	// targets.
	for name, want := range map[string]Status{"load-full": Fail, "latency": Pass, "recovery": Pass, "pipeline-latency": Skipped} {
		if names[name] != want {
			t.Errorf("%s: %s, want %s", name, names[name], want)
		}
	}
	if r.Pass() {
		t.Error("the suite passes although load-full fails")
	}
}

// TestSuiteIsDeterministic: the report is the same whatever the number of
// workers.
func TestSuiteIsDeterministic(t *testing.T) {
	scs, err := Select([]string{"burst", "latency", "recovery", "concurrency"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var reports [][]byte
	for _, workers := range []int{1, 3} {
		r, err := Run(context.Background(), scs, Options{Workers: workers, Seeds: []uint64{1, 2, 3}})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(r)
		reports = append(reports, b)
	}
	if !bytes.Equal(reports[0], reports[1]) {
		t.Fatalf("1 and 3 workers give different reports:\n%s\n%s", reports[0], reports[1])
	}
}

// TestSeedsAndQuorum: over several seeds a criterion is tallied seed by
// seed, and passes when it held in the quorum's share of them.
func TestSeedsAndQuorum(t *testing.T) {
	scs, err := Select([]string{"load-short"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := scs[0].AddCriterion("requests.succeeded >= 14"); err != nil {
		t.Fatal(err)
	}
	seeds := []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	r, err := Run(context.Background(), scs, Options{Seeds: seeds})
	if err != nil {
		t.Fatal(err)
	}
	tally := r.Scenarios[0].Criteria[len(r.Scenarios[0].Criteria)-1]
	held := 0
	for _, v := range tally.Observed {
		if v != nil && *v >= 14 {
			held++
		}
	}
	if tally.Seeds != 10 || len(tally.Observed) != 10 || tally.Held != held {
		t.Fatalf("tally %+v, held in %d", tally, held)
	}
	if held == 0 || held == 10 {
		t.Fatalf("held in %d of 10 seeds: pick a bound that some seeds miss", held)
	}
	if tally.Pass || r.Scenarios[0].Status != Fail {
		t.Errorf("held in %d of 10 passes by default (every seed)", held)
	}
	quorum := float64(held) / 10
	r, err = Run(context.Background(), scs, Options{Seeds: seeds, Quorum: quorum})
	if err != nil {
		t.Fatal(err)
	}
	if tally := r.Scenarios[0].Criteria[len(r.Scenarios[0].Criteria)-1]; !tally.Pass {
		t.Errorf("held in %d of 10 fails quorum %v", held, quorum)
	}
	var text bytes.Buffer
	if err := WriteText(&text, r); err != nil {
		t.Fatal(err)
	}
	want := "held in " + string(rune('0'+held)) + " of 10 seeds"
	if !strings.Contains(text.String(), want) || !strings.Contains(text.String(), "10 seeds (1..10) each") {
		t.Errorf("text lacks %q:\n%s", want, text.String())
	}
	if _, err := Run(context.Background(), scs, Options{Quorum: 1.5}); err == nil {
		t.Error("quorum 1.5 accepted")
	}
}

// TestJudge: a scenario's status follows its criteria of the judged tier;
// a failed run is an error whatever its criteria.
func TestJudge(t *testing.T) {
	sc, err := scenarios.Parse("t.toml", []byte(`name = "t"
[[criterion]]
metric = "requests.total"
op = ">"
value = 5
[[criterion]]
metric = "requests.total"
op = "<"
value = 5
tier = "target"
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	obs := func(v float64) outcome {
		return outcome{results: verdict.Evaluate(&scenarios.Summary{Requests: scenarios.Requests{Total: uint64(v)}}, sc.Criteria())}
	}
	seeds := []uint64{1, 2, 3, 4}
	for _, tc := range []struct {
		name   string
		outs   []outcome
		tier   verdict.Tier
		quorum float64
		want   Status
	}{
		{"all hold", []outcome{obs(9), obs(9), obs(9), obs(9)}, verdict.Asserted, 1, Pass},
		{"one misses", []outcome{obs(9), obs(9), obs(1), obs(9)}, verdict.Asserted, 1, Fail},
		{"quorum 0.75", []outcome{obs(9), obs(9), obs(1), obs(9)}, verdict.Asserted, 0.75, Pass},
		{"quorum 0.8 needs 4 of 4", []outcome{obs(9), obs(9), obs(1), obs(9)}, verdict.Asserted, 0.8, Fail},
		{"target tier", []outcome{obs(9), obs(9), obs(1), obs(9)}, verdict.Target, 0.25, Pass},
		{"run failed", []outcome{obs(9), {err: context.Canceled}, obs(9), obs(9)}, verdict.Asserted, 0.5, Error},
	} {
		s := judge(sc, seeds, tc.outs, tc.tier, tc.quorum)
		if s.Status != tc.want {
			t.Errorf("%s: %s, want %s (%+v)", tc.name, s.Status, tc.want, s.Criteria)
		}
	}
	none, _ := scenarios.Parse("n.toml", []byte(`name = "n"`), nil)
	if s := judge(none, seeds[:1], []outcome{{}}, verdict.Asserted, 1); s.Status != Skipped {
		t.Errorf("no criterion: %s, want skipped", s.Status)
	}
}

// TestSelect: names, files and directories, in the verdict's order; a
// name twice, an empty directory or a missing scenario is refused.
func TestSelect(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const workload = "[[workload]]\nkind = \"burst\"\nsize = 1\n"
	write("b.toml", "name = \"b\"\nmodule = \"Custom\"\n"+workload)
	write("a.toml", "name = \"a\"\nmodule = \"Latency\"\n"+workload)
	write("c.toml", "name = \"c\"\n"+workload)
	scs, err := Select([]string{dir, "burst"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sc := range scs {
		got = append(got, sc.Spec.Name+":"+ModuleOf(sc))
	}
	want := []string{"burst:Load", "a:Latency", "b:Custom", "c:Other"}
	if !slices.Equal(got, want) {
		t.Errorf("selected %v, want %v", got, want)
	}
	empty := t.TempDir()
	for _, args := range [][]string{{"burst", "burst"}, {empty}, {"no-such-scenario"}, {filepath.Join(dir, "a.toml"), dir}} {
		if _, err := Select(args, nil); err == nil {
			t.Errorf("Select(%v) accepted", args)
		}
	}
	if _, err := Select([]string{"burst"}, []string{"fabric.nodez=3"}); err == nil || !strings.Contains(err.Error(), "fabric.nodez") {
		t.Errorf("a bad override: %v", err)
	}
}

// TestJUnit: the file follows the common JUnit schema, with one testsuite
// per module, one testcase per scenario and a failure per failing
// asserted criterion naming the metric, the observation and the bound.
func TestJUnit(t *testing.T) {
	r, err := builtinReport()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteJUnit(&b, r); err != nil {
		t.Fatal(err)
	}
	if err := validateJUnit(bytes.NewReader(b.Bytes())); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	var doc junitSuites
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Suites) != len(r.Modules) || doc.Tests != len(r.Scenarios) {
		t.Fatalf("%d testsuites for %d modules, %d tests for %d scenarios", len(doc.Suites), len(r.Modules), doc.Tests, len(r.Scenarios))
	}
	failures := 0
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			failures += len(c.Failures)
			if c.Name == "load-full" {
				msg := c.Failures[0].Message
				if len(c.Failures) != 1 || !strings.Contains(msg, "requests.success_rate") || !strings.Contains(msg, "observed 0.0133833") || !strings.Contains(msg, "want >= 0.95") {
					t.Errorf("load-full failures %+v", c.Failures)
				}
			}
		}
	}
	var want int
	for _, s := range r.Scenarios {
		want += len(s.Failed(verdict.Asserted))
	}
	if failures != want || want == 0 {
		t.Errorf("%d failure elements, %d failing asserted criteria", failures, want)
	}
}

// TestRunError: a run that fails is an error in the report, counted as
// failing, and an error element in the JUnit file.
func TestRunError(t *testing.T) {
	sc, err := scenarios.Parse("broken.toml", []byte(`name = "broken"
module = "Recovery"
duration = "2s"
[fabric]
nodes = 64
[[fault]]
at = "1s"
kind = "link_heal"
node = 0
peer = 29 # not linked to node 0 in this fabric: the run fails
[[criterion]]
metric = "requests.total"
op = ">="
value = 0
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), []*spec.Scenario{sc}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Scenarios[0]
	if s.Status != Error || !strings.Contains(s.Error, "seed 1: broken.toml") || r.Total.Errors != 1 || r.Total.Failing != 1 || r.Pass() {
		t.Fatalf("scenario %+v, total %+v", s, r.Total)
	}
	var b bytes.Buffer
	if err := WriteJUnit(&b, r); err != nil {
		t.Fatal(err)
	}
	if err := validateJUnit(bytes.NewReader(b.Bytes())); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if !strings.Contains(b.String(), `<error message="the run failed: seed 1: broken.toml`) || !strings.Contains(b.String(), `errors="1"`) {
		t.Errorf("junit:\n%s", b.String())
	}
}

// TestRunCancelled: a cancelled suite returns the context's error and no
// report.
func TestRunCancelled(t *testing.T) {
	scs, err := Select([]string{"load-full"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r, err := Run(ctx, scs, Options{}); err != context.Canceled || r != nil {
		t.Fatalf("report %v, error %v", r, err)
	}
}

// TestObserve: Observe sees each scenario's run at its first seed, once,
// with its options in force (its OnEvent gets the run's trace records),
// and the result it is handed is the run the report judged; the report is
// the one an unobserved suite gives.
func TestObserve(t *testing.T) {
	scs, err := Select([]string{"latency", "burst"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	seeds := []uint64{3, 4}
	var mu sync.Mutex
	calls := map[int]uint64{} // scenario index → seed of the observed run
	records := make([]uint64, len(scs))
	results := make([]*scenarios.Result, len(scs))
	observed, err := Run(context.Background(), scs, Options{Seeds: seeds, Workers: 2,
		Observe: func(i int, sc *spec.Scenario) (scenarios.Options, func(*scenarios.Result)) {
			mu.Lock()
			defer mu.Unlock()
			if _, again := calls[i]; again {
				t.Errorf("scenario %d observed twice", i)
			}
			calls[i] = sc.Spec.Seed
			return scenarios.Options{OnEvent: func(*trace.Event) { records[i]++ }},
				func(res *scenarios.Result) { results[i] = res }
		}})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Run(context.Background(), scs, Options{Seeds: seeds, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, observed), mustJSON(t, plain); !bytes.Equal(a, b) {
		t.Errorf("observing changes the report:\n%s\n%s", a, b)
	}
	for i, s := range observed.Scenarios {
		res := results[i]
		if calls[i] != seeds[0] || res == nil {
			t.Fatalf("%s: observed at seed %d (want %d), result %v", s.Name, calls[i], seeds[0], res)
		}
		if res.Summary.Digest != s.Digests[0] || res.Summary.Seed != seeds[0] {
			t.Errorf("%s: observed run has seed %d, digest %s; the report's first is %s", s.Name, res.Summary.Seed, res.Summary.Digest, s.Digests[0])
		}
		if records[i] == 0 || records[i] != res.Summary.TraceRecords {
			t.Errorf("%s: OnEvent saw %d records of %d", s.Name, records[i], res.Summary.TraceRecords)
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
