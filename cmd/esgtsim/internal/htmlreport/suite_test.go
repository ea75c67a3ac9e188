package htmlreport

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/plots"
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/scenarios/suite"
)

// sampleSuite judges latency, burst and pipeline-latency over seeds 1 and
// 2, keeping each one's run at seed 1 for its details.
func sampleSuite(t *testing.T) Suite {
	t.Helper()
	return suiteOf(t, []string{"latency", "burst", "pipeline-latency"}, nil)
}

// suiteOf judges the built-ins names over seeds 1 and 2, renamed as
// rename says (name → new name), keeping each one's run at seed 1 as
// suite --html does.
func suiteOf(t *testing.T, names []string, rename map[string]string) Suite {
	t.Helper()
	scs, err := suite.Select(names, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range scs {
		if n, ok := rename[sc.Spec.Name]; ok {
			sc.Spec.Name = n
		}
	}
	runs := make([]Run, len(scs))
	observe := func(i int, sc *spec.Scenario) (scenarios.Options, func(*scenarios.Result)) {
		col := plots.NewCollector(sc)
		return scenarios.Options{OnEvent: col.OnEvent, KeepHistory: true}, func(res *scenarios.Result) {
			runs[i] = Run{Scenario: sc, Summary: &res.Summary, Figures: col, Flags: map[string]string{"seed": "--seeds 1..2"}}
		}
	}
	rep, err := suite.Run(context.Background(), scs, suite.Options{Seeds: []uint64{1, 2}, Observe: observe})
	if err != nil {
		t.Fatal(err)
	}
	return Suite{Report: rep, Runs: runs, Command: "esgtsim suite " + strings.Join(names, " ") + " --seeds 1..2"}
}

// TestSuiteReportStructure: the suite's verdict, its table by module as
// the report has it, a line and a section per scenario with its criteria
// over the seeds, and each run's details, collapsed.
func TestSuiteReportStructure(t *testing.T) {
	s := sampleSuite(t)
	rep := s.Report
	var buf bytes.Buffer
	if err := WriteSuite(&buf, s, testVersion); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	checkSelfContained(t, doc)
	checkIDs(t, doc)
	word := "PASS"
	if !rep.Pass() {
		word = "FAIL"
	}
	head := find(doc, hasClass("suite-header"))
	if head == nil || text(find(head, hasClass("verdict-word"))) != word {
		t.Errorf("the suite's verdict is not %s", word)
	}
	if !strings.Contains(text(head), "1..2") && !strings.Contains(text(head), "1, 2") {
		t.Errorf("the suite's header does not show its seeds: %q", text(head))
	}
	var modules []string
	for _, tr := range findAll(find(doc, hasClass("modules")), isElement(atom.Tr, "", "")) {
		cells := findAll(tr, func(n *html.Node) bool {
			return n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th)
		})
		if len(cells) == 6 && cells[0].DataAtom == atom.Td {
			modules = append(modules, text(cells[0])+" "+text(cells[1])+" "+text(cells[2])+" "+text(cells[3])+" "+text(cells[4]))
		}
	}
	var want []string
	for _, m := range rep.Modules {
		want = append(want, m.Name+" "+strconv.Itoa(m.Tests)+" "+strconv.Itoa(m.Passing)+" "+strconv.Itoa(m.Failing)+" "+strconv.Itoa(m.Skipped))
	}
	if strings.Join(modules, "|") != strings.Join(want, "|") {
		t.Errorf("modules %q, want %q", modules, want)
	}
	articles := findAll(doc, hasClass("in-suite"))
	if len(articles) != len(rep.Scenarios) {
		t.Fatalf("%d scenario sections, want %d", len(articles), len(rep.Scenarios))
	}
	for i, a := range articles {
		sc := rep.Scenarios[i]
		if attr(a, "id") == "" || find(doc, isElement(atom.A, "href", "#"+attr(a, "id"))) == nil {
			t.Errorf("%s: no link to its section", sc.Name)
		}
		rows := findAll(find(a, hasClass("criteria")), func(n *html.Node) bool { return n.DataAtom == atom.Tr && find(n, hasClass("held")) != nil })
		if len(rows) != len(sc.Criteria) {
			t.Errorf("%s: %d criteria rows with a held cell, want %d", sc.Name, len(rows), len(sc.Criteria))
		}
		for j, tr := range rows[:min(len(rows), len(sc.Criteria))] {
			c := sc.Criteria[j]
			if got, want := text(find(tr, hasClass("held"))), strconv.Itoa(c.Held)+" of 2 seeds"; got != want {
				t.Errorf("%s: %s held %q, want %q", sc.Name, c.Name, got, want)
			}
		}
		details := find(a, isElement(atom.Details, "", ""))
		if details == nil || attr(details, "open") != "" || find(details, hasClass("configuration")) == nil || len(findAll(details, isElement(atom.Figure, "", ""))) != len(plots.RunPlots) {
			t.Errorf("%s: no collapsed details with the run's figures and configuration", sc.Name)
		}
		// The run's own facts say they are of the first seed.
		if meta := text(find(a, hasClass("meta"))); !strings.Contains(meta, "requests (seed 1)") {
			t.Errorf("%s: the header does not say its requests are seed 1's: %q", sc.Name, meta)
		}
		for _, d := range sc.Digests {
			if !strings.Contains(text(a), d) {
				t.Errorf("%s: digest %s not shown", sc.Name, d)
			}
		}
	}
}

func TestFormatSeeds(t *testing.T) {
	for _, tc := range []struct {
		seeds []uint64
		want  string
	}{
		{[]uint64{1, 2, 3, 4}, "1..4 (4 seeds)"},
		{[]uint64{3, 7, 9}, "3, 7, 9"},
		{[]uint64{1, 2}, "1, 2"},
	} {
		if got := formatSeeds(tc.seeds); got != tc.want {
			t.Errorf("formatSeeds(%v) = %q, want %q", tc.seeds, got, tc.want)
		}
	}
}

// TestSuiteIDsUnique: two scenarios whose names have the same anchor get
// sections of different ids, and every link and figure label on the page
// names the element it should.
func TestSuiteIDsUnique(t *testing.T) {
	s := suiteOf(t, []string{"latency", "burst"}, map[string]string{"burst": "Latency"})
	var buf bytes.Buffer
	if err := WriteSuite(&buf, s, testVersion); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	checkIDs(t, doc)
	var ids []string
	for _, a := range findAll(doc, hasClass("in-suite")) {
		ids = append(ids, attr(a, "id"))
	}
	if strings.Join(ids, " ") != "run-latency run-latency-2" {
		t.Errorf("section ids %q, want run-latency and run-latency-2", ids)
	}
}
