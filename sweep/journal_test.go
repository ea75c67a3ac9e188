package sweep

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// partialJournal runs cells of p into the journal of out and closes it,
// as an interrupted sweep leaves it.
func partialJournal(t *testing.T, p *Plan, out string, cells ...int) {
	t.Helper()
	j, _, _, err := OpenJournal(JournalPath(out), p, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cells {
		r, _ := p.RunCell(context.Background(), c)
		if err := j.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestJournalLocked checks that a second sweep on the same output is
// refused while the first holds the journal, with or without --resume,
// and leaves the journal alone; and that it may go on once the first has
// stopped.
func TestJournalLocked(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.csv")
	p := mustPlan(t, testDef(CSV))
	first, _, _, err := OpenJournal(JournalPath(out), p, false)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := p.RunCell(context.Background(), 0)
	first.Append(r)
	first.Sync()
	before, _ := os.ReadFile(JournalPath(out))
	for _, resume := range []bool{false, true} {
		_, err := (&Job{Plan: p, Workers: 1, Out: out, Resume: resume, Commit: commit}).Run(context.Background())
		var locked *LockedError
		if !errors.As(err, &locked) || !strings.Contains(err.Error(), "another esgtsim sweep") {
			t.Errorf("second sweep (resume %v) while the first runs: %v, want a LockedError", resume, err)
		}
	}
	if after, _ := os.ReadFile(JournalPath(out)); !bytes.Equal(after, before) {
		t.Errorf("a refused sweep changed the journal:\n%s\nwas:\n%s", after, before)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a refused sweep wrote %s", out)
	}

	first.Close()
	st := runFile(t, &Job{Plan: p, Workers: 2, Out: out, Resume: true, Commit: commit}, context.Background())
	if st.Resumed != 1 || st.Ran != 17 {
		t.Errorf("after the first stopped: resumed %d, ran %d; want 1 and 17", st.Resumed, st.Ran)
	}
}

// TestJournalRowChecksum edits a row's figure and cuts another short on
// disk, both still well-formed JSON lines: each is detected, its cell runs
// again, and the output is the uninterrupted one.
func TestJournalRowChecksum(t *testing.T) {
	dir := t.TempDir()
	want := filepath.Join(dir, "want.csv")
	runFile(t, &Job{Plan: mustPlan(t, testDef(CSV)), Workers: 2, Out: want, Commit: commit}, context.Background())

	out := filepath.Join(dir, "out.csv")
	p := mustPlan(t, testDef(CSV))
	partialJournal(t, p, out, 4, 11, 7, 2)
	data, err := os.ReadFile(JournalPath(out))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	// Line 1 is cell 4: change its request count, a plausible edit.
	edited := strings.Replace(lines[1], `"4","2","10ms","24","100"`, `"4","2","10ms","24","101"`, 1)
	if edited == lines[1] {
		t.Fatalf("cell 4's row is not as expected: %s", lines[1])
	}
	lines[1] = edited
	// Line 3 is cell 7: drop its last fields, keeping the line valid JSON.
	cut := strings.LastIndex(lines[3], `,"`)
	lines[3] = lines[3][:cut] + "]}\n"
	if err := os.WriteFile(JournalPath(out), []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}

	st := runFile(t, &Job{Plan: p, Workers: 2, Out: out, Resume: true, Commit: commit}, context.Background())
	if st.Resumed != 2 || st.Skipped != 2 || st.Ran != 16 {
		t.Errorf("resumed %d, skipped %d, ran %d; want 2, 2 and 16", st.Resumed, st.Skipped, st.Ran)
	}
	sameFile(t, out, want)
}

// scenarioFile writes a scenario file into dir and returns its path.
func scenarioFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const fileScenario = `# a small latency scenario
duration = "2s"
[fabric]
nodes = 16
[triggers]
refractory_period = "50ms"
[arousal]
enabled = false
[needs]
enabled = false
[bridge]
enabled = false
[[workload]]
kind = "constant"
rate_hz = 20
count = 30
`

// TestFingerprintFromEffectiveConfiguration checks what invalidates a
// journal: not comments, layout, the spelling of a value or the file's
// name; a changed value, named as the user writes it; and a difference
// that only shows once a --param value is applied.
func TestFingerprintFromEffectiveConfiguration(t *testing.T) {
	dir := t.TempDir()
	def := func(scenario string, params ...Param) Definition {
		return Definition{Scenario: scenario, Params: params, Seeds: []uint64{1, 2}, Version: "test"}
	}
	orig := scenarioFile(t, dir, "a.toml", fileScenario)
	out := filepath.Join(dir, "out.csv")
	p := mustPlan(t, def(orig))
	partialJournal(t, p, out, 1)

	same := strings.NewReplacer("# a small latency scenario", "# reworded comment\n# and another",
		"rate_hz = 20", "rate_hz = 2e1   # per second", "[fabric]", "\n[fabric]  # the graph").Replace(fileScenario)
	moved := scenarioFile(t, dir, "b.toml", same)
	if q := mustPlan(t, def(moved)); q.Fingerprint() != p.Fingerprint() {
		t.Errorf("comments, layout, 2e1 for 20 and another file name changed the fingerprint")
	}
	st := runFile(t, &Job{Plan: mustPlan(t, def(moved)), Workers: 2, Out: out, Resume: true, Commit: commit}, context.Background())
	if st.Resumed != 1 || st.Ran != 1 {
		t.Errorf("resume from an equivalent file: resumed %d, ran %d; want 1 and 1", st.Resumed, st.Ran)
	}

	partialJournal(t, p, out, 0)
	changed := scenarioFile(t, dir, "c.toml", strings.Replace(fileScenario, `"50ms"`, `"60ms"`, 1))
	_, err := (&Job{Plan: mustPlan(t, def(changed)), Workers: 1, Out: out, Resume: true, Commit: commit}).Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "(triggers.refractory_period changed from 50ms to 60ms)") {
		t.Errorf("resume after a real change: %v, want it named", err)
	}
	os.Remove(JournalPath(out))

	// A file that sets arousal.initial to the baseline's default loads as
	// the original does, until a --param moves the baseline.
	baseline := Param{"arousal.baseline", []string{"0.3", "0.6"}}
	explicit := scenarioFile(t, dir, "d.toml", strings.Replace(fileScenario, "enabled = false",
		"enabled = false\ninitial = "+p.base["arousal.baseline"], 1))
	if mustPlan(t, def(explicit)).Fingerprint() != p.Fingerprint() {
		t.Errorf("setting arousal.initial to the value it takes anyway changed the fingerprint")
	}
	sweepOrig := mustPlan(t, def(orig, baseline))
	partialJournal(t, sweepOrig, out, 0)
	_, err = (&Job{Plan: mustPlan(t, def(explicit, baseline)), Workers: 1, Out: out, Resume: true, Commit: commit}).Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "effective configuration differs for some --param combination") {
		t.Errorf("resume with a difference only under --param: %v, want a MismatchError saying so", err)
	}
}

// TestMismatchNamesTheChange checks the words for each kind of change.
func TestMismatchNamesTheChange(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.csv")
	partialJournal(t, mustPlan(t, testDef(CSV)), out, 2)
	before, _ := os.ReadFile(JournalPath(out))
	for _, tc := range []struct {
		change func(*Definition)
		want   string
	}{
		{func(d *Definition) { d.Seeds = []uint64{1, 2, 4} }, "--seeds changed from 1..3 to 1..2,4"},
		{func(d *Definition) { d.Format = JSONL }, "--format changed from csv to jsonl"},
		{func(d *Definition) { d.Columns = []string{"requests", "ignitions"} }, "--columns changed from requests,succeeded,"},
		{func(d *Definition) { d.Shard = Shard{0, 1} }, "--shard changed from none to 0/1"},
		{func(d *Definition) { d.Sets = []string{"duration=3s"} }, "duration changed from 4s to 3s"},
		{func(d *Definition) { d.Sets = []string{"workload[0].salience.mode=uniform"} }, "workload[0].salience.mode changed from fixed to uniform"},
		{func(d *Definition) { d.Params[1].Values = []string{"16", "32"} }, "--param fabric.nodes changed from 16,24 to 16,32"},
		{func(d *Definition) { d.Params = d.Params[:1] }, "--param fabric.nodes was dropped"},
		{func(d *Definition) { d.Params[0], d.Params[1] = d.Params[1], d.Params[0] }, "--param flags changed order"},
		{func(d *Definition) { d.Version = "other" }, `the program changed from "esgtsim-sweep/2 test" to "esgtsim-sweep/2 other"`},
	} {
		def := testDef(CSV)
		tc.change(&def)
		_, err := (&Job{Plan: mustPlan(t, def), Workers: 1, Out: out, Resume: true, Commit: commit}).Run(context.Background())
		var mismatch *MismatchError
		if !errors.As(err, &mismatch) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want a MismatchError naming %q", err, tc.want)
		}
	}
	if after, _ := os.ReadFile(JournalPath(out)); !bytes.Equal(after, before) {
		t.Errorf("refused runs changed the journal:\n%s", after)
	}
}

func TestFormatSeeds(t *testing.T) {
	for _, tc := range []struct {
		seeds []uint64
		want  string
	}{
		{[]uint64{1}, "1"},
		{[]uint64{1, 2, 3, 7, 9, 10}, "1..3,7,9..10"},
		{[]uint64{0, 18446744073709551615}, "0,18446744073709551615"},
	} {
		if got := formatSeeds(tc.seeds); got != tc.want {
			t.Errorf("formatSeeds(%v) = %q, want %q", tc.seeds, got, tc.want)
		}
		if back, err := ParseSeeds(tc.want); err != nil || formatSeeds(back) != tc.want {
			t.Errorf("ParseSeeds(%q) = %v, %v: does not round-trip", tc.want, back, err)
		}
	}
}

// TestFingerprintCoversTheEdgeFile: a scenario on a fabric.edges file is
// identified by the file's bytes, not only its path: the same bytes
// rewritten keep the fingerprint, a changed link changes it and a resume
// is refused with the key named.
func TestFingerprintCoversTheEdgeFile(t *testing.T) {
	dir := t.TempDir()
	ring := "0,1\n1,2\n2,3\n3,4\n4,5\n5,6\n6,7\n0,7\n"
	scenarioFile(t, dir, "e.csv", ring)
	doc := strings.Replace(fileScenario, "nodes = 16", `edges = "e.csv"`, 1)
	path := scenarioFile(t, dir, "a.toml", doc)
	def := Definition{Scenario: path, Seeds: []uint64{1, 2}, Version: "test"}
	p := mustPlan(t, def)

	scenarioFile(t, dir, "e.csv", ring)
	if q := mustPlan(t, def); q.Fingerprint() != p.Fingerprint() {
		t.Error("the same edge list written again changed the fingerprint")
	}
	out := filepath.Join(dir, "out.csv")
	partialJournal(t, p, out, 0)
	scenarioFile(t, dir, "e.csv", ring+"0,4\n")
	q := mustPlan(t, def)
	if q.Fingerprint() == p.Fingerprint() {
		t.Fatal("another edge list behind the same path kept the fingerprint")
	}
	_, err := (&Job{Plan: q, Workers: 1, Out: out, Resume: true, Commit: commit}).Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "fabric.edges changed from e.csv (sha256 ") {
		t.Errorf("resume after the edge list changed: %v, want fabric.edges named", err)
	}
}
