package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/htmlreport"
	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/plots"
	"github.com/esgtsim/esgtsim/internal/atomicfile"
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/scenarios/trace"
	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

var runCmd = &command{
	name:    "run",
	summary: "run a scenario and report its results",
	usage:   "esgtsim run NAME|FILE [--seed N] [--set key=value]... [--format text|json] [--out FILE] [--trace FILE] [--check] [--check-determinism] [--plot DIR] [--html FILE] [--criterion EXPR]... [--tier asserted|target]",
	about: `Run simulates a scenario, a built-in one by name (esgtsim list) or a TOML
file, and reports what happened: outcomes by reason, latency and
time-to-sync quantiles, refractory behaviour, coherence, arousal and the
digest of the full event trace. The same scenario and seed always give the
same report, byte for byte (no report holds a wall-clock figure; the
speed goes to standard error). Statistics of an empty sample are null in
JSON and n/a in text. Every JSON report has "complete": an interrupted run
(Ctrl-C, SIGTERM) prints its partial report, "complete": false with the
virtual_seconds reached, exits 1 and writes no file.

--set overrides any key of the file (path.to.key=value, validated like the
file). --trace writes every request, phase, outcome, arousal update, needs
sample, fault and modulation as JSON Lines, each line with the running
digest of the trace. --check verifies the model's invariants during the
run and fails at the first violation. --check-determinism runs the
scenario twice, compares the digest after every record and, if they
differ, prints the first differing record of each run and the commands
that reproduce it (exit 1); with --format json, the report with the
verdict under "determinism". --plot DIR draws the run's figures (latency,
coherence, arousal, outcomes). --html FILE writes the report as one
self-contained HTML page (figures inline, nothing fetched; - is standard
output). Files are written whole or not at all.

The scenario's [[criterion]] tables, and --criterion expressions such as
'latency_ms.p99<100ms' or 'requests.success_rate>=0.95' (repeatable,
asserted), are judged on the report; the text report ends with one line
per criterion and the JSON report holds them under "criteria". Exit
status: 0 when every asserted criterion holds (--tier target: every
target), 3 when one fails (the report is still written whole), 1 when the
run fails or is interrupted, 2 on a usage error.`,
	example: `esgtsim run load-full
esgtsim run latency --seed 3 --format json
esgtsim run load-short --set triggers.refractory_period=100ms --trace load.jsonl
esgtsim run memory-pressure --plot plots/memory --check
esgtsim run load-full --html load-full.html
esgtsim run latency --criterion 'latency_ms.p99<100ms' --criterion 'requests.success_rate>=0.5'`,
	flags: func(fs *pflag.FlagSet) {
		fs.Uint64("seed", 0, "seed of the run (default: the scenario's)")
		fs.StringArray("set", nil, "override a scenario key, path.to.key=value (repeatable)")
		fs.String("format", "text", "report format: text or json")
		fs.String("out", "", "write the report to FILE instead of standard output (- is standard output)")
		fs.String("trace", "", "write the event trace to FILE as JSON Lines (- streams it to standard output; gzip when FILE ends in .gz)")
		fs.Bool("check", false, "verify the model's invariants during the run")
		fs.Bool("check-determinism", false, "run twice and report the first record at which the runs differ, if any")
		fs.String("plot", "", "draw the run's figures into directory DIR")
		fs.String("plot-format", "svg", "figure format with --plot: svg or png")
		fs.String("html", "", "write the report as one self-contained HTML page to FILE (- is standard output)")
		fs.StringArray("criterion", nil, "judge the report by a criterion, e.g. 'latency_ms.p99<100ms' (repeatable)")
		fs.String("tier", "asserted", "criteria that decide the exit status: asserted or target")
	},
	run: runSimple(1, runScenario),
}

func runScenario(e *env, fs *pflag.FlagSet, args []string) error {
	get := flagGetter{fs: fs}
	format, out, tracePath, check := get.oneOf("format", "text", "json"), get.str("out"), get.str("trace"), get.bool("check")
	plotDir, determinism, htmlPath := get.str("plot"), get.bool("check-determinism"), get.str("html")
	sets, err := fs.GetStringArray("set")
	get.keep(err)
	seed := get.uint64("seed")
	criteria, err := fs.GetStringArray("criterion")
	get.keep(err)
	tier, tierErr := tierFlag(e, &get)
	if get.err != nil {
		return e.usagef("%v", get.err)
	}
	if tierErr != nil {
		return tierErr
	}
	plotFormat, err := plots.ParseFormat(get.str("plot-format"))
	if err != nil {
		return e.usagef("--plot-format: %v", err)
	}
	if determinism && check {
		return e.usagef("--check does nothing with --check-determinism, which compares two runs' traces; run them separately")
	}
	if fs.Changed("plot-format") && plotDir == "" {
		return e.usagef("--plot-format applies to the figures of --plot DIR; add --plot or drop it")
	}
	if determinism && (out != "" || tracePath != "" || plotDir != "" || htmlPath != "") {
		return e.usagef("--check-determinism runs the scenario twice and writes no file; drop --out, --trace, --plot and --html")
	}
	if htmlPath == "-" && out == "" {
		return e.usagef("--html - and the report would both write standard output; send the report to a file with --out FILE")
	}
	if out == "" {
		out = atomicfile.Stdout
	}
	if plotDir == atomicfile.Stdout {
		return e.usagef("--plot takes a directory: figures are several files")
	}
	if err := e.checkOutputs("out", out, "trace", tracePath, "html", htmlPath); err != nil {
		return err
	}
	sc, err := scenarios.Load(args[0], sets)
	if err != nil {
		return e.inputError(err)
	}
	if fs.Changed("seed") {
		sc.Spec.Seed = seed
	}
	for _, c := range criteria {
		if err := sc.AddCriterion(c); err != nil {
			return e.usagef("--criterion %v", err)
		}
	}
	if determinism {
		return checkDeterminism(e, sc, args[0], sets, format)
	}
	opts := scenarios.Options{Check: check}
	var collector *plots.Collector
	if plotDir != "" || htmlPath != "" {
		collector = plots.NewCollector(sc)
		opts.KeepHistory, opts.OnEvent = true, collector.OnEvent
	}
	start := time.Now()
	opts.WallClock = func() time.Duration { return time.Since(start) }
	bar := newProgress(e.stderr, sc.Spec.Name, "virtual s")
	if bar != nil {
		opts.Progress = bar.virtual
	}

	var res *scenarios.Result
	var runErr error
	if tracePath != "" {
		err = e.writeOutput(tracePath, compressed(tracePath, func(w io.Writer) error {
			opts.Trace = w
			res, runErr = scenarios.Run(e.ctx, sc, opts)
			return runErr
		}))
		if runErr == nil {
			runErr = err
		}
	} else {
		res, runErr = scenarios.Run(e.ctx, sc, opts)
	}
	bar.clear()
	if res == nil {
		if e.ctx.Err() != nil {
			return errors.New("interrupted while building the fabric; nothing ran")
		}
		return runErr
	}
	st := res.Stats
	fmt.Fprintf(e.stderr, "esgtsim: %s: %.3g virtual s in %.3g s wall (%.0fx real time, %.3g events/s)\n",
		sc.Spec.Name, st.Virtual.Seconds(), st.Wall.Seconds(), st.Speed(), st.EventsPerSecond())
	var report bytes.Buffer
	if format == "json" {
		if err := encodeJSON(&report, newRunReport(res.Summary, sc, fs.Changed("seed"))); err != nil {
			return err
		}
	} else {
		writeTextReport(&report, &res.Summary)
		writeCriteria(&report, res.Summary.Criteria, tier)
	}
	if runErr != nil {
		// Print what was finished, marked incomplete, then fail: a run
		// that stopped early writes no file (--out, --trace, --plot).
		e.stdout.Write(report.Bytes())
		if errors.Is(runErr, e.ctx.Err()) && e.ctx.Err() != nil {
			return fmt.Errorf("interrupted at %.3f virtual s; the report above is partial (\"complete\": false) and no file was written", res.Summary.VirtualSeconds)
		}
		return runErr
	}
	err = e.writeOutput(out, func(w io.Writer) error {
		_, err := w.Write(report.Bytes())
		return err
	})
	if err == nil && plotDir != "" {
		var paths []string
		if paths, err = plots.WriteRun(plotDir, plotFormat, collector); err == nil {
			fmt.Fprintf(e.stderr, "esgtsim: wrote %s\n", strings.Join(paths, ", "))
		}
	}
	if err == nil && htmlPath != "" {
		err = writeHTMLReport(e, htmlPath, htmlreport.Run{
			Scenario: sc, Summary: &res.Summary, Figures: collector,
			Command: reproduceCommand(args[0], sc.Spec.Seed, sets, criteria, tier),
			Flags:   seedFlag(fs, sc.Spec.Seed), Tier: tier,
		})
	}
	if v := verdict.Judge(res.Summary.Criteria, tier); err == nil && !v.Pass() {
		return &criteriaError{what: sc.Spec.Name, failed: v.Failed, judged: v.Judged, tier: tier}
	}
	return err
}

// encodeJSON writes v as indented JSON, as every JSON report is.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// determinismReport is the JSON report of run --check-determinism: the
// first run's report with the check's verdict.
type determinismReport struct {
	scenarios.Summary
	Determinism determinismVerdict `json:"determinism"`
	Config      spec.Effective     `json:"config"` // see runReport
}

// determinismVerdict says whether two runs recorded the same trace and, if
// not, where they first differ.
type determinismVerdict struct {
	Deterministic bool            `json:"deterministic"`
	Runs          int             `json:"runs"`
	Divergence    *divergenceJSON `json:"first_divergence"` // null when deterministic
	Reproduce     []string        `json:"reproduce,omitempty"`
}

// divergenceJSON is the first differing record of each run.
type divergenceJSON struct {
	Seq  uint64 `json:"record"`
	AtNs int64  `json:"t"`
	A    string `json:"a"` // run A's trace line, or how it ended
	B    string `json:"b"`
}

// checkDeterminism runs sc twice and reports whether the runs agree; on a
// difference it prints the first differing record of each and how to
// reproduce them, and fails. With --format json it prints the first run's
// JSON report with the verdict under "determinism".
func checkDeterminism(e *env, sc *spec.Scenario, name string, sets []string, format string) error {
	res, div, err := scenarios.CheckDeterminism(e.ctx, sc)
	if err != nil {
		if res != nil && errors.Is(err, e.ctx.Err()) && e.ctx.Err() != nil {
			return fmt.Errorf("interrupted at %.3f virtual s of the first run; nothing was compared", res.Summary.VirtualSeconds)
		}
		return err
	}
	cmd := reproduceCommand(name, sc.Spec.Seed, sets, nil, "")
	reproduce := []string{cmd + " --trace a.jsonl", cmd + " --trace b.jsonl", "esgtsim diff a.jsonl b.jsonl"}
	var differ error // nil when deterministic
	if div != nil {
		differ = fmt.Errorf("%s: two runs with seed %d differ at record %d (virtual time %v)", sc.Spec.Name, sc.Spec.Seed, div.B.Seq, div.B.At)
	}
	if format == "json" {
		rep := determinismReport{Summary: res.Summary, Determinism: determinismVerdict{Deterministic: div == nil, Runs: 2}, Config: sc.Effective()}
		if div != nil {
			show := func(r trace.Record) string {
				if r.Kind == "" {
					return fmt.Sprintf("ended before record %d", r.Seq)
				}
				return r.Text
			}
			rep.Determinism.Divergence = &divergenceJSON{Seq: div.B.Seq, AtNs: int64(div.B.At), A: show(div.A), B: show(div.B)}
			rep.Determinism.Reproduce = reproduce
		}
		if err := encodeJSON(e.stdout, rep); err != nil {
			return err
		}
		return differ
	}
	if div == nil {
		fmt.Fprintf(e.stdout, "deterministic: two runs of %s with seed %d recorded the same trace\n", sc.Spec.Name, sc.Spec.Seed)
		return nil
	}
	fmt.Fprintf(e.stdout, "NOT deterministic: %s\nreproduce with:\n  %s\n", div, strings.Join(reproduce, "\n  "))
	return differ
}
