package main

import (
	"bytes"
	"context"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/htmlreport"
	"github.com/esgtsim/esgtsim/scenarios/suite"
)

// TestRunHTML: --html FILE writes the page whole, with the figures inline
// and the command that reproduces the run; --html - writes it to standard
// output, which the text report must then leave to --out.
func TestRunHTML(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "r.html")
	stdout, stderr, code := runCLI(t, "run", "latency", "--seed", "5", "--set", "fabric.nodes=20", "--html", page)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "scenario") {
		t.Errorf("the text report is not on standard output: %q", stdout)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	for _, want := range []string{"<!DOCTYPE html>", "<svg", "esgtsim run latency --seed 5 --set fabric.nodes=20", "--set fabric.nodes=20"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	out := filepath.Join(dir, "r.txt")
	stdout, stderr, code = runCLI(t, "run", "latency", "--html", "-", "--out", out)
	if code != 0 || !strings.HasPrefix(stdout, "<!DOCTYPE html>") || !strings.HasSuffix(stdout, "</html>\n") {
		t.Errorf("--html -: exit %d, stdout starts %.40q, stderr %s", code, stdout, stderr)
	}
	if report, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(report), "scenario") {
		t.Errorf("--out: %v %.40q", err, report)
	}

	// A failing criterion exits 3 and still writes the page, with its
	// verdict.
	_, stderr, code = runCLI(t, "run", "latency", "--criterion", "latency_ms.p99<1ms", "--html", page)
	if data, err := os.ReadFile(page); code != 3 || err != nil || !strings.Contains(string(data), `<strong class="verdict-word">FAIL</strong>`) {
		t.Errorf("failing criterion: exit %d (%s), page %v with a FAIL verdict: %v", code, stderr, err, strings.Contains(string(data), "FAIL"))
	}

	for _, args := range [][]string{
		{"run", "latency", "--html", "-"},
		{"run", "latency", "--check-determinism", "--html", page},
	} {
		if _, stderr, code := runCLI(t, args...); code != 2 || !strings.Contains(stderr, "--html") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// TestSuiteHTML: suite --html writes the page of the suite, with every
// scenario's section, even when the suite fails (exit 3).
func TestSuiteHTML(t *testing.T) {
	page := filepath.Join(t.TempDir(), "suite.html")
	_, stderr, code := runCLI(t, "suite", "latency", "burst", "--seeds", "1..2", "--html", page)
	if code != 0 && code != 3 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`class="suite-header"`, `id="run-latency"`, `id="run-burst"`, "esgtsim suite latency burst --seeds 1..2", "of 2 seeds", "--seeds 1..2"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if _, stderr, code := runCLI(t, "suite", "latency", "--html", "-"); code != 2 || !strings.Contains(stderr, "--html") {
		t.Errorf("--html - with the report on standard output: exit %d, %q", code, stderr)
	}
}

// reproduceRE finds the reproduce commands of a page.
var reproduceRE = regexp.MustCompile(`<dt>reproduce[^<]*</dt><dd><code>([^<]*)</code>`)

// reproduced returns the words of the reproduce commands of the page at
// path, as a shell splits them, without the leading "esgtsim".
func reproduced(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, m := range reproduceRE.FindAllStringSubmatch(string(data), -1) {
		words, err := splitWords(html.UnescapeString(m[1]))
		if err != nil {
			t.Fatalf("%s: %v", m[1], err)
		}
		if len(words) == 0 || words[0] != "esgtsim" {
			t.Fatalf("reproduce command %q", m[1])
		}
		out = append(out, words[1:])
	}
	return out
}

// TestReproduceRoundTrip: the reproduce command of a page, pasted into a
// shell, runs what made the page: a path with a space, a criterion with
// <, the tier, the overrides and the seed all come back, and it gives the
// same verdict and the same page.
func TestReproduceRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my scenarios")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	toml, _, code := runCLI(t, "show", "latency")
	scenario := filepath.Join(dir, "lat ency.toml")
	if err := os.WriteFile(scenario, []byte(toml), 0o644); err != nil || code != 0 {
		t.Fatalf("show: exit %d, %v", code, err)
	}
	first, again := filepath.Join(dir, "a.html"), filepath.Join(dir, "b.html")
	args := []string{"run", scenario, "--seed", "5", "--set", "fabric.nodes=20", "--criterion", "latency_ms.p99<1ms", "--tier", "target"}
	_, stderr, code := runCLI(t, append(args, "--html", first)...)
	if code != exitCriteria {
		t.Fatalf("exit %d, want %d (the criterion fails): %s", code, exitCriteria, stderr)
	}
	cmds := reproduced(t, first)
	if len(cmds) != 1 || !slices.Equal(cmds[0], args) {
		t.Fatalf("reproduce command %q\nwant %q", cmds, args)
	}
	_, stderr, code2 := runCLI(t, append(cmds[0], "--html", again)...)
	a, _ := os.ReadFile(first)
	b, err := os.ReadFile(again)
	if code2 != code || err != nil || string(a) != string(b) {
		t.Errorf("run again: exit %d (first %d), %v, same page %v: %s", code2, code, err, string(a) == string(b), stderr)
	}

	// A suite's page: the suite's command and each scenario's.
	page := filepath.Join(dir, "suite.html")
	_, stderr, code = runCLI(t, "suite", scenario, "--seeds", "2..3", "--tier", "target", "--set", "fabric.nodes=20", "--html", page)
	if code != exitCriteria {
		t.Fatalf("suite: exit %d: %s", code, stderr)
	}
	cmds = reproduced(t, page)
	want := [][]string{
		{"suite", scenario, "--seeds", "2..3", "--tier", "target", "--set", "fabric.nodes=20"},
		{"run", scenario, "--seed", "2", "--set", "fabric.nodes=20", "--tier", "target"},
	}
	if !slices.EqualFunc(cmds, want, slices.Equal) {
		t.Errorf("suite page's commands %q\nwant %q", cmds, want)
	}
}

// TestSuiteHTMLKeptRun: the suite's page shows the run the suite judged;
// a kept run whose digest is not the suite's is refused, and no page is
// written.
func TestSuiteHTMLKeptRun(t *testing.T) {
	scs, err := suite.Select([]string{"latency"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	details := &suiteDetails{runs: make([]htmlreport.Run, len(scs))}
	rep, err := suite.Run(context.Background(), scs, suite.Options{Observe: details.observe})
	if err != nil {
		t.Fatal(err)
	}
	if r := details.runs[0]; r.Summary == nil || r.Figures == nil || r.Summary.Digest != rep.Scenarios[0].Digests[0] {
		t.Fatalf("kept run %+v, suite's digest %s", r, rep.Scenarios[0].Digests[0])
	}
	rep.Scenarios[0].Digests[0] = "0123456789abcdef"
	page := filepath.Join(t.TempDir(), "s.html")
	var stderr bytes.Buffer
	e := &env{ctx: context.Background(), stdout: io.Discard, stderr: &stderr, cmd: suiteCmd}
	err = writeSuiteHTML(e, page, rep, details, "esgtsim suite latency", "")
	if err == nil || !strings.Contains(err.Error(), "not the suite's first") {
		t.Errorf("a kept run of another digest: %v", err)
	}
	if _, err := os.Stat(page); !os.IsNotExist(err) {
		t.Errorf("page written anyway: %v", err)
	}
}
