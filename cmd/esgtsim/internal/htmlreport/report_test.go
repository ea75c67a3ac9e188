package htmlreport

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/plots"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// testVersion stands for esgtsim's version in the reports under test.
const testVersion = "v9.9.9-test"

// sampleSets are the overrides of the sample run.
var sampleSets = []string{"triggers.refractory_period=100ms", "workload[0].salience={mode = \"uniform\", min = 0.6, max = 0.9}"}

// sampleCriterion is added to the sample run's criteria; it fails.
const sampleCriterion = "latency_ms.p99<1ms"

// sampleRun runs the built-in latency scenario with sampleSets, seed 3 (as
// if from --seed) and sampleCriterion once, and returns what its report
// shows.
var sampleRun = sync.OnceValues(func() (Run, error) { return runOf("latency", nil, sampleSets, 3, sampleCriterion) })

// runOf runs a scenario, the built-in name or the file data if not nil,
// with overrides, unless 0 a seed as if set by --seed, and criteria added
// as by --criterion.
func runOf(name string, data []byte, sets []string, seed uint64, criteria ...string) (Run, error) {
	var sc *spec.Scenario
	var err error
	if data != nil {
		sc, err = scenarios.Parse(name, data, sets)
	} else {
		sc, err = scenarios.Load(name, sets)
	}
	if err != nil {
		return Run{}, err
	}
	for _, c := range criteria {
		if err := sc.AddCriterion(c); err != nil {
			return Run{}, err
		}
	}
	var flags map[string]string
	if seed != 0 {
		sc.Spec.Seed = seed
		flags = map[string]string{"seed": "--seed " + strconv.FormatUint(seed, 10)}
	}
	c := plots.NewCollector(sc)
	res, err := scenarios.Run(context.Background(), sc, scenarios.Options{OnEvent: c.OnEvent, KeepHistory: true})
	if err != nil {
		return Run{}, err
	}
	return Run{Scenario: sc, Summary: &res.Summary, Figures: c, Command: "esgtsim run " + name, Flags: flags}, nil
}

// render writes run's report and parses it.
func render(t *testing.T, run Run) ([]byte, *html.Node) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteRun(&buf, run, testVersion); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), doc
}

func sample(t *testing.T) Run {
	t.Helper()
	run, err := sampleRun()
	if err != nil {
		t.Fatal(err)
	}
	return run
}

// TestRunReportStructure parses the report of a run and checks each part
// of the page against the run.
func TestRunReportStructure(t *testing.T) {
	run := sample(t)
	if v := verdict.Judge(run.Summary.Criteria, verdict.Asserted); v.Pass() || verdict.Judge(run.Summary.Criteria, verdict.Target).Judged == 0 {
		t.Fatalf("the sample run should fail an asserted criterion and have a target: %+v", run.Summary.Criteria)
	}
	page, doc := render(t, run)
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>\n")) {
		t.Errorf("the page does not start with <!DOCTYPE html>")
	}
	checkPage(t, doc, run.Summary)
}

// checkPage checks what every run report must hold, in a page parsed from
// the report as written or as a browser's DOM after loading it.
func checkPage(t *testing.T, doc *html.Node, s *scenarios.Summary) {
	t.Helper()
	if n := find(doc, isElement(atom.Meta, "name", "viewport")); n == nil || !strings.Contains(attr(n, "content"), "width=device-width") {
		t.Error("no <meta name=viewport content=width=device-width...>: phones would show a shrunken desktop page")
	}
	if n := find(doc, isElement(atom.Html, "", "")); n == nil || attr(n, "lang") == "" {
		t.Error("<html> has no lang")
	}
	if n := find(doc, isElement(atom.Title, "", "")); n == nil || !strings.Contains(text(n), s.Scenario) {
		t.Error("the title does not name the scenario")
	}
	for _, class := range []string{"run-header", "verdict", "criteria", "outcomes", "latency", "figures", "configuration"} {
		if find(doc, hasClass(class)) == nil {
			t.Errorf("no element of class %q", class)
		}
	}
	meta := find(doc, hasClass("meta"))
	for _, want := range []string{strconv.FormatUint(s.Seed, 10), s.Digest, testVersion} {
		if meta == nil || !strings.Contains(text(meta), want) {
			t.Errorf("the run's header does not show %q", want)
		}
	}

	// The verdict of the asserted criteria, and one row per criterion with
	// its result: PASS or FAIL if asserted, in lower case if a target.
	v := verdict.Judge(s.Criteria, verdict.Asserted)
	want := "PASS"
	if !v.Pass() {
		want = "FAIL"
	}
	if n := find(doc, hasClass("verdict-word")); n == nil || text(n) != want {
		t.Errorf("the verdict is not %s", want)
	}
	if n := find(doc, isElement(atom.Title, "", "")); n == nil || !strings.HasPrefix(text(n), want+": ") {
		t.Errorf("the title does not open with the verdict %s", want)
	}
	crit := findAll(find(doc, hasClass("criteria")), isElement(atom.Tr, "", ""))
	crit = slices.DeleteFunc(crit, func(tr *html.Node) bool { return find(tr, isElement(atom.Td, "", "")) == nil })
	if len(crit) != len(s.Criteria) {
		t.Errorf("%d criteria rows, want %d", len(crit), len(s.Criteria))
	}
	for i, tr := range crit[:min(len(crit), len(s.Criteria))] {
		r := s.Criteria[i]
		status := "FAIL"
		if r.Pass {
			status = "PASS"
		}
		if r.Tier != verdict.Asserted {
			status = strings.ToLower(status)
		}
		if got := text(find(tr, hasClass("status"))); got != status {
			t.Errorf("criterion %q: result %q, want %q", r.Name, got, status)
		}
		if got := text(find(tr, hasClass("criterion"))); !strings.Contains(got, r.Name) || !strings.Contains(got, r.Metric) {
			t.Errorf("criterion %q: cell %q lacks its name or metric", r.Name, got)
		}
		if got := text(find(tr, hasClass("observed"))); !strings.HasPrefix(got, r.Observation()) {
			t.Errorf("criterion %q: observed %q, want %s", r.Name, got, r.Observation())
		}
	}

	// Outcomes: success first, one row per reason, counts as in the report.
	rows := findAll(find(doc, hasClass("outcomes")), isElement(atom.Tr, "", ""))
	var reasons []string
	var sum uint64
	for _, tr := range rows {
		cells := findAll(tr, isElement(atom.Td, "", ""))
		if len(cells) < 2 {
			continue
		}
		reason := text(cells[0])
		n, err := strconv.ParseUint(strings.ReplaceAll(text(cells[1]), ",", ""), 10, 64)
		if err != nil {
			t.Fatalf("outcome %s: count %q", reason, text(cells[1]))
		}
		want := s.Requests.Failed[reason]
		if reason == "success" {
			want = s.Requests.Succeeded
		}
		if n != want {
			t.Errorf("outcome %s: %d requests, the report says %d", reason, n, want)
		}
		reasons = append(reasons, reason)
		sum += n
		if c, ok := reasonColour(reason); !ok || !strings.Contains(attr(find(tr, hasClass("bar")), "style"), fmt.Sprintf("background: #%02x%02x%02x", c.R, c.G, c.B)) {
			t.Errorf("outcome %s: its bar is not in the reason's colour in the figures", reason)
		}
	}
	if len(reasons) != 1+len(s.Requests.Failed) || reasons[0] != "success" || sum != s.Requests.Total {
		t.Errorf("outcome rows %v sum to %d; want success then the %d failure reasons, %d in all", reasons, sum, len(s.Requests.Failed), s.Requests.Total)
	}

	// Figures: the four of a run, each an inline SVG with text in a
	// fallback font family, sized by its viewBox alone.
	figs := findAll(doc, isElement(atom.Figure, "", ""))
	if len(figs) != len(plots.RunPlots) {
		t.Fatalf("%d figures, want %d", len(figs), len(plots.RunPlots))
	}
	for i, fig := range figs {
		name := plots.RunPlots[i]
		if !slices.Contains(classes(fig), "figure-"+name) {
			t.Errorf("figure %d has classes %v, want figure-%s", i, classes(fig), name)
		}
		svg := find(fig, isElement(atom.Svg, "", ""))
		if svg == nil {
			t.Errorf("%s figure: no inline <svg>", name)
			continue
		}
		if attr(svg, "viewBox") == "" || attr(svg, "width") != "" || attr(svg, "height") != "" {
			t.Errorf("%s figure: <svg> has viewBox %q, width %q, height %q; want a viewBox only", name, attr(svg, "viewBox"), attr(svg, "width"), attr(svg, "height"))
		}
		texts := findAll(svg, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "text" })
		if len(texts) < 5 {
			t.Errorf("%s figure: %d texts", name, len(texts))
		}
		for _, tx := range texts {
			if st := attr(tx, "style"); !strings.Contains(st, "Arial, Helvetica, sans-serif") {
				t.Errorf("%s figure: text %q has no fallback font family: %q", name, text(tx), st)
				break
			}
		}
		caption := find(fig, isElement(atom.Figcaption, "", ""))
		if caption == nil {
			t.Errorf("%s figure: no caption", name)
			continue
		}
		// An image to assistive technology, named by its caption.
		if attr(svg, "role") != "img" || attr(svg, "aria-labelledby") == "" || attr(svg, "aria-labelledby") != attr(caption, "id") {
			t.Errorf("%s figure: <svg> role %q, aria-labelledby %q; want img, labelled by its caption (id %q)", name, attr(svg, "role"), attr(svg, "aria-labelledby"), attr(caption, "id"))
		}
	}
	checkSelfContained(t, doc)
	checkIDs(t, doc)
}

// reasonColour returns the colour of the outcome reason called name in
// the figures.
func reasonColour(name string) (color.NRGBA, bool) {
	for _, r := range esgt.Reasons() {
		if r.String() == name {
			return plots.ReasonColor(r), true
		}
	}
	return color.NRGBA{}, false
}

// checkIDs fails if two elements of the page have the same id, or if a
// link to a place on the page or an aria-labelledby names no element.
func checkIDs(t *testing.T, doc *html.Node) {
	t.Helper()
	ids := map[string]bool{}
	elements := findAll(doc, func(n *html.Node) bool { return n.Type == html.ElementNode })
	for _, n := range elements {
		if id := attr(n, "id"); id != "" {
			if ids[id] {
				t.Errorf("two elements have the id %q", id)
			}
			ids[id] = true
		}
	}
	for _, n := range elements {
		if href, ok := strings.CutPrefix(attr(n, "href"), "#"); ok && !ids[href] {
			t.Errorf("<%s href=%q> leads nowhere", n.Data, attr(n, "href"))
		}
		if by := attr(n, "aria-labelledby"); by != "" && !ids[by] {
			t.Errorf("<%s aria-labelledby=%q> names no element", n.Data, by)
		}
	}
}

// checkSelfContained fails if the page could fetch anything: a script, a
// style sheet, a frame, an image or object from elsewhere, a link that is
// not to a place on the page, a url() or @import in its styles.
func checkSelfContained(t *testing.T, doc *html.Node) {
	t.Helper()
	fetchers := []atom.Atom{atom.Script, atom.Link, atom.Iframe, atom.Frame, atom.Img, atom.Object, atom.Embed, atom.Audio, atom.Video, atom.Source, atom.Base, atom.Form}
	for _, n := range findAll(doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		if slices.Contains(fetchers, n.DataAtom) {
			t.Errorf("the page has a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			switch key := strings.ToLower(a.Key); {
			case key == "href" || key == "src" || key == "srcset" || key == "action" || key == "poster" || key == "data" || key == "background":
				if !strings.HasPrefix(a.Val, "#") {
					t.Errorf("<%s %s=%q> points outside the page", n.Data, a.Key, a.Val)
				}
			case key == "style" && hasURL(a.Val):
				t.Errorf("<%s style=%q> loads something", n.Data, a.Val)
			case strings.HasPrefix(key, "on"):
				t.Errorf("<%s %s=...> is a script", n.Data, a.Key)
			}
		}
		if n.DataAtom == atom.Style && hasURL(text(n)) {
			t.Error("the style sheet loads something (url() or @import)")
		}
	}
}

func hasURL(css string) bool {
	css = strings.ToLower(css)
	return strings.Contains(css, "url(") || strings.Contains(css, "@import")
}

// TestConfigurationTable: every key of the scenario as run, with its value
// and where it was set: the file's line, an override, a flag or the
// default.
func TestConfigurationTable(t *testing.T) {
	run := sample(t)
	_, doc := render(t, run)
	table := find(doc, hasClass("config"))
	if table == nil {
		t.Fatal("no configuration table")
	}
	type row struct {
		value, source string
		override      bool
	}
	rows := map[string]row{}
	for _, tr := range findAll(table, isElement(atom.Tr, "", "")) {
		cells := findAll(tr, isElement(atom.Td, "", ""))
		if len(cells) != 3 {
			continue
		}
		rows[text(cells[0])] = row{text(cells[1]), text(cells[2]), slices.Contains(classes(tr), "override")}
	}
	for key, want := range map[string]row{
		"seed":                       {"3", "override --seed 3", true},
		"triggers.refractory_period": {`"100ms"`, "override --set triggers.refractory_period=100ms", true},
		"workload[0].salience.min":   {"0.6", "override --set " + sampleSets[1], true},
		"workload[0].salience.value": {"0.9", "default", false},
		"fabric.nodes":               {"24", "latency:" + strconv.Itoa(lineOf(t, run.Scenario.Source, "nodes = 24")), false},
		"fabric.min_degree":          {"5", "default", false},
		"fabric.bandwidths_gbps":     {"[10, 40, 100]", "default", false},
		"needs.base.temperature_c":   {"unset (derived)", "default", false},
	} {
		if got, ok := rows[key]; !ok {
			t.Errorf("no row for %s", key)
		} else if got != want {
			t.Errorf("%s: got %+v, want %+v", key, got, want)
		}
	}
	if _, ok := rows["criterion"]; ok {
		t.Error("criteria belong to the criteria table, not the configuration")
	}
	var keys int
	for _, g := range configuration(run.Scenario, run.Flags) {
		keys += len(g.Settings)
	}
	if len(rows) != keys || keys < 100 {
		t.Errorf("%d rows for %d keys of the spec", len(rows), keys)
	}
	overrides := findAll(find(doc, hasClass("overrides")), isElement(atom.Li, "", ""))
	if len(overrides) != 3 {
		t.Errorf("%d overrides listed, want --seed and the 2 --set", len(overrides))
	}
}

// lineOf returns the 1-based line of src that starts with prefix.
func lineOf(t *testing.T, src []byte, prefix string) int {
	t.Helper()
	for i, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, prefix) {
			return i + 1
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return 0
}

// TestReportEscapes: text from the scenario file is text on the page, in
// the HTML and in the figures' SVG.
func TestReportEscapes(t *testing.T) {
	const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>`
	data := []byte("name = \"x" + evil + "\"\ndescription = \"" + evil + "\"\nduration = \"1s\"\n[fabric]\nnodes = 16\n[[workload]]\nkind = \"constant\"\nrate_hz = 10\n")
	run, err := runOf("evil.toml", data, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, doc := render(t, run)
	checkSelfContained(t, doc)
	if h1 := find(doc, isElement(atom.H1, "", "")); h1 == nil || text(h1) != "x"+evil {
		t.Errorf("the heading does not show the name as text")
	}
}

// TestReportDeterministic: the same run gives the same bytes.
func TestReportDeterministic(t *testing.T) {
	a, _ := render(t, sample(t))
	again, err := runOf("latency", nil, sampleSets, 3, sampleCriterion)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := render(t, again)
	if !bytes.Equal(a, b) {
		t.Error("two runs of the same scenario and seed give different pages")
	}
}

// TestReportWithoutFigures: a run without figure data still gets a whole
// page, without the figures section.
func TestReportWithoutFigures(t *testing.T) {
	run := sample(t)
	run.Figures = nil
	_, doc := render(t, run)
	if find(doc, hasClass("figures")) != nil || find(doc, hasClass("configuration")) == nil {
		t.Error("want no figures section and the rest of the page")
	}
}

func TestInlineRejectsNonSVG(t *testing.T) {
	for _, doc := range []string{"", "<html></html>", `<?xml version="1.0"?><svg viewBox="0 0 1 1"></svg>`} {
		if _, err := inline([]byte(doc), "x"); err == nil {
			t.Errorf("inline(%q) succeeded", doc)
		}
	}
}

// find returns the first node under n (n included) that match accepts.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if all := findAll(n, match); len(all) > 0 {
		return all[0]
	}
	return nil
}

// findAll returns the nodes under n (n included) that match accepts, in
// document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	if n == nil {
		return nil
	}
	var out []*html.Node
	for d := range n.Descendants() {
		if match(d) {
			out = append(out, d)
		}
	}
	if match(n) {
		out = append([]*html.Node{n}, out...)
	}
	return out
}

// isElement matches elements of type a, with attribute key equal to val
// if key is not empty.
func isElement(a atom.Atom, key, val string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Type == html.ElementNode && n.DataAtom == a && (key == "" || attr(n, key) == val)
	}
}

func hasClass(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && slices.Contains(classes(n), class) }
}

func classes(n *html.Node) []string { return strings.Fields(attr(n, "class")) }

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// text returns the text under n, spaces collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
