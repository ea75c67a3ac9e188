package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSuitePasses: a suite whose asserted criteria hold exits 0 and prints
// the verdict table then every criterion.
func TestSuitePasses(t *testing.T) {
	out, stderr, code := runCLI(t, "suite", "latency", "recovery", "-j", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"esgtsim suite: 2 scenarios judged by their asserted criteria",
		"module", "pass rate", "Latency", "Recovery", "total",
		"PASS  latency (Latency)", "PASS  asserted  ignition P99 < 1000 ms",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// TestSuiteFailsWithFiles: a failing criterion exits 3 after the JSON
// report and the JUnit file are written whole.
func TestSuiteFailsWithFiles(t *testing.T) {
	dir := t.TempDir()
	report, junit := filepath.Join(dir, "r.json"), filepath.Join(dir, "j.xml")
	_, stderr, code := runCLI(t, "suite", "concurrency", "latency", "--format", "json", "--out", report, "--junit", junit)
	if code != exitCriteria || !strings.Contains(stderr, "suite: 1 of 2 scenarios judged by their asserted criteria failed") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var r struct {
		Tier    string `json:"tier"`
		Modules []struct {
			Name    string `json:"name"`
			Failing int    `json:"failing"`
		} `json:"modules"`
		Scenarios []struct {
			Name     string `json:"name"`
			Status   string `json:"status"`
			Criteria []struct {
				Metric string `json:"metric"`
				Held   int    `json:"held"`
			} `json:"criteria"`
		} `json:"scenarios"`
	}
	data, err := os.ReadFile(report)
	if err != nil || json.Unmarshal(data, &r) != nil {
		t.Fatalf("report %s: %v", data, err)
	}
	if r.Tier != "asserted" || len(r.Scenarios) != 2 || r.Scenarios[0].Name != "latency" || r.Scenarios[1].Status != "fail" ||
		r.Scenarios[1].Criteria[0].Metric != "requests.succeeded" {
		t.Errorf("report %+v", r)
	}
	var doc struct {
		Suites []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name     string `xml:"name,attr"`
				Failures []struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	data, err = os.ReadFile(junit)
	if err != nil || xml.Unmarshal(data, &doc) != nil {
		t.Fatalf("junit %s: %v", data, err)
	}
	if len(doc.Suites) != 2 || doc.Suites[1].Name != "Concurrency" || len(doc.Suites[1].Cases[0].Failures) != 1 ||
		!strings.Contains(doc.Suites[1].Cases[0].Failures[0].Message, "requests.succeeded observed 1, want >= 5") {
		t.Errorf("junit %s", data)
	}
}

// TestSuiteSeeds: --seeds says in how many seeds each criterion held;
// --tier target judges the targets.
func TestSuiteSeeds(t *testing.T) {
	out, _, code := runCLI(t, "suite", "latency", "--seeds", "1..3")
	if code != 0 || !strings.Contains(out, "held in 3 of 3 seeds") || !strings.Contains(out, "3 seeds (1..3) each") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	out, stderr, code := runCLI(t, "suite", "latency", "--seeds", "1,2", "--tier", "target", "--quorum", "0.5")
	if code != exitCriteria || !strings.Contains(out, "FAIL  target    ignition P99 < 100 ms") || !strings.Contains(stderr, "target criteria failed") {
		t.Errorf("--tier target: exit %d, stderr %q\n%s", code, stderr, out)
	}
}

func TestSuiteUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"suite", "latency", "--quorum", "0"},
		{"suite", "latency", "--quorum", "1.5"},
		{"suite", "latency", "--tier", "goal"},
		{"suite", "latency", "--format", "yaml"},
		{"suite", "latency", "--seeds", "3..1"},
		{"suite", "latency", "-j", "0"},
		{"suite", "latency", "--junit", "-"},
	} {
		_, stderr, code := runCLI(t, args...)
		if code != 2 || !strings.Contains(stderr, "Run 'esgtsim help suite' for usage.") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	// Bad input (a scenario, an override) exits 1 with one line.
	for _, args := range [][]string{
		{"suite", "no-such-scenario"},
		{"suite", "latency", "--set", "fabric.nodez=3"},
	} {
		_, stderr, code := runCLI(t, args...)
		if code != 1 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	// An output that cannot be written is refused before anything runs.
	_, stderr, code := runCLI(t, "suite", "latency", "--junit", t.TempDir())
	if code != 1 || !strings.Contains(stderr, "is a directory") {
		t.Errorf("--junit DIR: exit %d, stderr %q", code, stderr)
	}
}

// TestSuiteBrokenRun: a run that fails makes the suite exit 1, after the
// report, which shows the error, has been written.
func TestSuiteBrokenRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "broken.toml")
	doc := "name = \"broken\"\nduration = \"2s\"\n[fabric]\nnodes = 64\n[[fault]]\nat = \"1s\"\nkind = \"link_heal\"\nnode = 0\npeer = 29\n"
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCLI(t, "suite", "latency", path)
	if code != 1 || !strings.Contains(stderr, "suite: 1 of 2 scenarios failed to run") ||
		!strings.Contains(out, "ERROR  broken (Other)") || !strings.Contains(out, "no such link between 0 and 29") {
		t.Errorf("exit %d, stderr %q\n%s", code, stderr, out)
	}
}
