package htmlreport

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"image/color"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/plots"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// Run is what the report of one run shows.
type Run struct {
	// Scenario is the scenario as run: its keys, and where each was set.
	Scenario *spec.Scenario
	// Summary is the run's report.
	Summary *scenarios.Summary
	// Figures holds the data of the run's figures; nil draws none.
	Figures *plots.Collector
	// Command is the command line that reproduces the run.
	Command string
	// Flags names the keys that command-line flags set after the scenario
	// was loaded (such as the seed): key path → the flag as written.
	Flags map[string]string
	// Tier is the tier of criteria that decides the verdict; "" is
	// verdict.Asserted.
	Tier verdict.Tier
}

// WriteRun writes the HTML report of run to w; version is esgtsim's. The
// page is built in memory first, so w gets all of it or, on an error,
// nothing.
func WriteRun(w io.Writer, run Run, version string) error {
	v, err := newRunView(run, anchor(run.Summary.Scenario))
	if err != nil {
		return err
	}
	v.Version = version
	p := page{
		Title:   fmt.Sprintf("%s: esgtsim run %s (seed %d)", v.Verdict.Word, v.Name, v.Seed),
		Version: version,
		Runs:    []runView{v},
	}
	return p.write(w)
}

// page is what the template renders: a suite's verdict, if it is a
// suite's page, and runs.
type page struct {
	Title   string
	Version string
	Suite   *suiteView
	Runs    []runView
}

// templates holds the page, and the run and suite blocks it repeats.
//
//go:embed page.gohtml run.gohtml suite.gohtml
var templates embed.FS

//go:embed style.css
var styleSheet string

var tmpl = template.Must(template.New("page.gohtml").Funcs(template.FuncMap{
	"style": func() template.CSS { return template.CSS(styleSheet) },
	"count": formatCount,
	"ms":    func(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) },
	"pct":   func(v float64) string { return strconv.FormatFloat(100*v, 'f', 2, 64) + " %" },
	"barStyle": func(o outcome) template.CSS {
		return template.CSS(fmt.Sprintf("width: %.2f%%; background: #%02x%02x%02x", 100*o.Share, o.Colour.R, o.Colour.G, o.Colour.B))
	},
	"quantiles": func(q scenarios.Quantiles) []string {
		return []string{formatCount(q.Count), ms3(q.Mean), ms3(q.P50), ms3(q.P90), ms3(q.P95), ms3(q.P99), ms3(q.P999), ms3(q.Max)}
	},
}).ParseFS(templates, "page.gohtml", "run.gohtml", "suite.gohtml"))

func ms3(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }

// opt formats a statistic that an empty sample does not have: "n/a" when
// nil, as in the text report.
func opt(format string, v *float64) string {
	if v == nil {
		return "n/a"
	}
	return fmt.Sprintf(format, *v)
}

func (p *page) write(w io.Writer) error {
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, p); err != nil {
		return fmt.Errorf("htmlreport: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// runView is one run, or one scenario of a suite, ready for the template.
type runView struct {
	ID          string // prefix of the run's element ids
	InSuite     bool   // a scenario of a suite's page
	Name        string
	Description string
	File        string
	Module      string
	Seed        uint64    // of the run summarised
	Seeds       []seedRun // every run: one, or a suite's seeds
	Records     uint64    // trace records of the run summarised
	Version     string    // esgtsim's, shown in a run's header
	Command     string    // that reproduces the run
	Error       string    // why a suite's run failed
	Summarised  bool      // the outcomes, latency, figures and configuration are there
	Virtual     string    // virtual seconds

	Verdict  verdictView
	Criteria []criterionView
	Tier     verdict.Tier

	Requests  uint64
	Outcomes  []outcome
	Latency   []quantileRow
	Facts     []fact
	Figures   []figure
	Config    []settingGroup
	Keys      int      // in Config
	Overrides []string // the command-line settings: flags, then --set in order
}

// seedRun is one run of a scenario: its seed and the digest of its trace.
type seedRun struct {
	Seed   uint64
	Digest string
}

// outcome is one row of the outcomes table.
type outcome struct {
	Reason string
	Count  uint64
	Share  float64     // of every request
	Colour color.NRGBA // the reason's colour in the figures
}

// quantileRow is one distribution of the latency table.
type quantileRow struct {
	Name string
	Q    scenarios.Quantiles
	Note string // shown when the distribution is empty or approximate
}

// fact is one line of the key figures.
type fact struct {
	Name, Value string
}

// newRunView is run ready for the template; id is the prefix of its
// element ids, unique in the page.
func newRunView(run Run, id string) (runView, error) {
	s, sc := run.Summary, run.Scenario
	v := runView{
		ID:          id,
		Name:        s.Scenario,
		Description: sc.Spec.Description,
		File:        sc.File,
		Seed:        s.Seed,
		Seeds:       []seedRun{{s.Seed, s.Digest}},
		Summarised:  true,
		Virtual:     strconv.FormatFloat(s.VirtualSeconds, 'f', 3, 64),
		Records:     s.TraceRecords,
		Command:     run.Command,
		Requests:    s.Requests.Total,
		Outcomes:    outcomes(s),
		Latency:     latencyRows(s),
		Facts:       facts(s),
		Config:      configuration(sc, run.Flags),
	}
	v.Tier = cmp.Or(run.Tier, verdict.Asserted)
	v.Verdict, v.Criteria = judge(s.Criteria, v.Tier)
	for _, g := range v.Config {
		v.Keys += len(g.Settings)
	}
	for _, key := range slices.Sorted(maps.Keys(run.Flags)) {
		v.Overrides = append(v.Overrides, run.Flags[key])
	}
	for _, o := range sc.Overrides {
		v.Overrides = append(v.Overrides, "--set "+o)
	}
	if run.Figures != nil {
		figs, err := figures(run.Figures, v.ID)
		if err != nil {
			return v, err
		}
		v.Figures = figs
	}
	return v, nil
}

// outcomes lists successes first, then failures by count, most first.
func outcomes(s *scenarios.Summary) []outcome {
	share := func(n uint64) float64 {
		if s.Requests.Total == 0 {
			return 0
		}
		return float64(n) / float64(s.Requests.Total)
	}
	colour := func(name string) color.NRGBA {
		for _, r := range esgt.Reasons() {
			if r.String() == name {
				return plots.ReasonColor(r)
			}
		}
		return color.NRGBA{A: 0xff}
	}
	out := []outcome{{Reason: "success", Count: s.Requests.Succeeded, Share: share(s.Requests.Succeeded), Colour: colour("success")}}
	var failed []outcome
	for r, n := range s.Requests.Failed {
		failed = append(failed, outcome{Reason: r, Count: n, Share: share(n), Colour: colour(r)})
	}
	slices.SortFunc(failed, func(a, b outcome) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Reason, b.Reason))
	})
	return append(out, failed...)
}

func latencyRows(s *scenarios.Summary) []quantileRow {
	rows := []quantileRow{
		{Name: "latency, every request", Q: s.LatencyMs},
		{Name: "latency, successful ignitions", Q: s.SuccessLatencyMs},
		{Name: "time to sync", Q: s.TimeToSyncMs},
		{Name: "interval between ignitions", Q: s.Ignitions.IntervalMs},
	}
	if p := s.Probes; p != nil {
		rows = append(rows,
			quantileRow{Name: "arousal modulation response", Q: p.ModulationResponseMs},
			quantileRow{Name: "MMEI → MCEA pipeline", Q: p.PipelineMs},
			quantileRow{Name: "end to end", Q: p.EndToEndMs})
	}
	for i := range rows {
		switch q := rows[i].Q; {
		case q.Count == 0:
			rows[i].Note = "no sample"
		case !q.Exact:
			rows[i].Note = "quantiles within 0.4 %"
		}
	}
	return rows
}

func facts(s *scenarios.Summary) []fact {
	ig := s.Ignitions
	gap := "none ended"
	if ig.MinGapMs != nil {
		gap = ms3(*ig.MinGapMs) + " ms"
	}
	out := []fact{
		{"ignitions", fmt.Sprintf("%s of %s attempts; at most %d in flight", formatCount(ig.Count), formatCount(ig.Attempts), ig.MaxInFlight)},
		{"refractory", fmt.Sprintf("%s rejections; shortest gap after an ignition %s", formatCount(ig.RefractoryRejections), gap)},
	}
	if c := s.Coherence; c.Attempts > 0 {
		out = append(out, fact{"coherence", fmt.Sprintf("peak r mean %s (lowest %s) over %s attempts; %s above target per ignition",
			opt("%.3f", c.PeakMean), opt("%.3f", c.PeakMin), formatCount(c.Attempts), opt("%.1f ms", c.TimeAboveMeanMs))})
	}
	h := s.Halves
	pct := func(v *float64) *float64 {
		if v == nil {
			return nil
		}
		p := 100 * *v
		return &p
	}
	out = append(out, fact{"halves", fmt.Sprintf("success %s then %s; success latency mean %s then %s",
		opt("%.2f %%", pct(h.FirstSuccessRate)), opt("%.2f %%", pct(h.SecondSuccessRate)), opt("%.3f ms", h.FirstSuccessMeanMs), opt("%.3f ms", h.SecondSuccessMeanMs))})
	if a := s.Arousal; a != nil {
		out = append(out,
			fact{"arousal", fmt.Sprintf("mean %s, range %s to %s, final %.3f (%s), %d level changes", opt("%.3f", a.Mean), opt("%.3f", a.Min), opt("%.3f", a.Max), a.Final, a.FinalLevel, a.LevelChanges)},
			fact{"salience threshold", fmt.Sprintf("mean %s, range %s to %s", opt("%.3f", a.ThresholdMean), opt("%.3f", a.ThresholdMin), opt("%.3f", a.ThresholdMax))})
	}
	f := s.Fabric
	out = append(out, fact{"fabric", fmt.Sprintf("%d nodes, %d edges, clustering %.3f, path length %.3f, algebraic connectivity %.3f",
		f.Nodes, f.Edges, f.Clustering, f.PathLength, f.AlgebraicConnectivity)})
	if s.Faults > 0 || f.Recreations > 0 {
		out = append(out, fact{"faults", fmt.Sprintf("%d applied, %d fabric re-creations, %d healthy nodes at the end", s.Faults, f.Recreations, f.FinalHealthy)})
	}
	return out
}

// anchor turns a scenario name into an element id: letters, digits and
// dashes.
func anchor(name string) string {
	b := []byte(strings.ToLower(name))
	for i, c := range b {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			b[i] = '-'
		}
	}
	return "run-" + string(b)
}

// formatCount writes n with thousands separators: 60,000.
func formatCount(n uint64) string {
	s := strconv.FormatUint(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
