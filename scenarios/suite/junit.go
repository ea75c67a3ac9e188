package suite

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// The JUnit XML elements, as the common schema (the JUnit XSD of Jenkins'
// JUnit format, read by Jenkins, GitLab and GitHub test reporters)
// defines them. Only
// what the suite fills is declared; times are left out, so the file is
// deterministic like every other output.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Skipped   *junitSkipped  `xml:"skipped,omitempty"`
	Errors    []junitProblem `xml:"error,omitempty"`
	Failures  []junitProblem `xml:"failure,omitempty"`
	SystemOut string         `xml:"system-out,omitempty"`
}

// junitSkipped says why a testcase was skipped in its text: the common
// schema gives skipped no attributes.
type junitSkipped struct {
	Text string `xml:",chardata"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes the report as JUnit XML: one testsuite per module, one
// testcase per scenario (classname "esgtsim.<module>"), a failure element
// per failing criterion of the judged tier whose message names the
// metric, the observation and the bound, an error element for a run that
// failed, and skipped for a scenario with nothing to judge. Each testcase's
// system-out lists every criterion, as the text report does.
func WriteJUnit(w io.Writer, r *Report) error {
	doc := junitSuites{
		Name: "esgtsim suite", Tests: r.Total.Tests, Failures: r.Total.Failing - r.Total.Errors,
		Errors: r.Total.Errors,
	}
	for _, m := range r.Modules {
		js := junitSuite{
			Name: m.Name, Tests: m.Tests, Failures: m.Failing - m.Errors, Errors: m.Errors, Skipped: m.Skipped,
			Properties: []junitProperty{{"tier", string(r.Tier)}, {"quorum", fmt.Sprint(r.Quorum)}},
		}
		if len(r.Seeds) > 0 {
			js.Properties = append(js.Properties, junitProperty{"seeds", seedList(r.Seeds)})
		}
		for _, s := range r.Scenarios {
			if s.Module == m.Name {
				js.Cases = append(js.Cases, junitCaseOf(s, r.Tier))
			}
		}
		doc.Suites = append(doc.Suites, js)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func junitCaseOf(s Scenario, tier verdict.Tier) junitCase {
	c := junitCase{Name: s.Name, Classname: "esgtsim." + s.Module}
	switch s.Status {
	case Error:
		c.Errors = append(c.Errors, junitProblem{Message: "the run failed: " + s.Error, Type: "run"})
	case Skipped:
		c.Skipped = &junitSkipped{Text: fmt.Sprintf("no %s criterion", tier)}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "%s (%s), seeds %s\n", s.Name, s.File, seedList(s.Seeds))
	for _, t := range s.Criteria {
		fmt.Fprintf(&out, "%s %s %s: %s, want %s\n", word(t, tier), t.Tier, t.Name, observed(t), t.Result().Bound())
		if t.Tier != tier || t.Pass || s.Status == Error {
			continue
		}
		msg := fmt.Sprintf("%s: %s %s, want %s", t.Name, t.Metric, observed(t), t.Result().Bound())
		text := msg
		if t.Why != "" {
			text += "\nwhy: " + t.Why
		}
		c.Failures = append(c.Failures, junitProblem{Message: msg, Type: "criterion", Text: text})
	}
	c.SystemOut = out.String()
	return c
}
