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
	"github.com/esgtsim/esgtsim/scenarios/suite"
)

// sampleSuite judges latency, burst and pipeline-latency over seeds 1 and
// 2, and runs each again at seed 1 for its details.
func sampleSuite(t *testing.T) Suite {
	t.Helper()
	scs, err := suite.Select([]string{"latency", "burst", "pipeline-latency"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := suite.Run(context.Background(), scs, suite.Options{Seeds: []uint64{1, 2}})
	if err != nil {
		t.Fatal(err)
	}
	s := Suite{Report: rep, Command: "esgtsim suite latency burst pipeline-latency --seeds 1..2"}
	for i, sc := range scs {
		c := *sc
		c.Spec.Seed = rep.Scenarios[i].Seeds[0]
		col := plots.NewCollector(&c)
		res, err := scenarios.Run(context.Background(), &c, scenarios.Options{OnEvent: col.OnEvent, KeepHistory: true})
		if err != nil {
			t.Fatal(err)
		}
		s.Runs = append(s.Runs, Run{Scenario: &c, Summary: &res.Summary, Figures: col, Flags: map[string]string{"seed": "--seeds 1..2"}})
	}
	return s
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
