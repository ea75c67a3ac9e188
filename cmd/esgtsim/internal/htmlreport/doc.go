// Package htmlreport writes a run's report, or a suite's, as one
// self-contained HTML page, the report a stress tester opens in a browser
// or attaches to a CI job: `esgtsim run --html FILE` ([WriteRun]) and
// `esgtsim suite --html FILE` ([WriteSuite]).
//
// The page holds everything in one file and fetches nothing: the style
// sheet is inline, there is no script, no web font (the text uses the
// reader's system fonts) and no external image. The run's figures (the
// latency, coherence, arousal and outcomes figures of package plots) are
// inline SVG elements, sized by their viewBox to the width of the page;
// their text names Liberation Sans, then Arial, Helvetica and sans-serif,
// so that it renders where Liberation Sans is not installed. Each is an
// image to assistive technology (role img), named by its caption.
//
// It shows, in order: the verdict (PASS when every criterion of the
// judged tier holds, FAIL, or NO CRITERIA when the tier has none); the
// scenario, seed, virtual time, digest of the event trace, esgtsim version
// and the command that reproduces the run; the criteria table (each
// criterion's result, name, metric, observed value, bound, tier and why,
// the tier not judged in lower case); the outcomes by reason; the latency distributions and key figures; the
// figures; and the effective configuration, every key of the scenario with
// its value and where it was set (the file's line, the command line,
// marked as an override, or the model's default).
//
// The page is readable on a laptop and on a phone: its width follows the
// viewport (a viewport meta element and CSS media queries), wide tables
// scroll sideways instead of widening the page, and the figures shrink to
// the width of the screen.
//
// A suite's page opens with the suite's verdict, the verdict table by
// module and the list of scenarios, each linked to its section: the
// scenario's verdict, its criteria judged over its seeds (the range of the
// observations, "held in k of N seeds"), its seeds and digests, and its
// run at the first seed, as above, in a collapsed details element. Every
// element id on the page is unique, even for scenario names that differ
// only in case or punctuation.
//
// It holds no wall-clock figure, so the same scenario, seed and esgtsim
// version give the same bytes.
package htmlreport
