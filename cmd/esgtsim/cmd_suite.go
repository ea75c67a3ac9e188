package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"time"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/htmlreport"
	"github.com/esgtsim/esgtsim/internal/atomicfile"
	"github.com/esgtsim/esgtsim/scenarios/suite"
	"github.com/esgtsim/esgtsim/sweep"
)

var suiteCmd = &command{
	name:    "suite",
	summary: "run scenarios as a stress suite and judge them by their criteria",
	usage:   "esgtsim suite [NAME|FILE|DIR]... [--seeds 1..N] [--quorum 0.9] [--tier asserted|target] [--junit FILE] [--html FILE] [--format text|json] [--out FILE] [--set key=value]... [-j WORKERS]",
	about: `Suite runs a set of scenarios, every built-in by default, or the
built-ins, scenario files and directories (every *.toml in them) given, in
parallel on all cores, and judges each by its [[criterion]] tables. It
prints the verdict table of the original stress suite: by module (Load,
Latency, Recovery, Concurrency, Memory, Benchmarks; a scenario's module
key) the tests, passing, failing and skipped (no criterion of the tier
judged), and the pass rate of the tests judged; then each scenario's
verdict with every criterion, its observation and its bound. The order and
the content do not depend on -j.

--seeds 1..N (or a list, 3,7,9) runs every scenario at each seed and says
in how many seeds each criterion held ("held in 27 of 30 seeds"); a
criterion passes when it held in every seed, or in --quorum's share of
them. --tier target judges the original suite's stated targets instead of
the asserts. --set overrides a key of every scenario. --junit FILE writes
JUnit XML for CI (one testsuite per module, one testcase per scenario, a
failure per failing criterion naming the metric, the observation and the
bound), without times, so the file is deterministic too. --html FILE
writes the verdict as one self-contained HTML page: the table by module,
each scenario's criteria over its seeds and, collapsed, its run at the
first seed (outcomes, latency, figures, configuration), whose figures the
suite collects as it runs it. Files are written whole or not at all.

Exit status: 0 when every judged criterion holds, 3 when one fails (the
report and the JUnit file are still written whole), 1 when a run fails or
the suite is interrupted, 2 on a usage error.`,
	example: `esgtsim suite
esgtsim suite --seeds 1..30 --quorum 0.9 --junit stress.xml
esgtsim suite load-full latency my-scenarios/ --tier target --format json`,
	flags: func(fs *pflag.FlagSet) {
		fs.String("seeds", "", "run every scenario at each of these seeds: 1..N or a list (default: each scenario's own)")
		fs.Float64("quorum", 1, "fraction of the seeds in which a criterion must hold, in (0, 1]")
		fs.String("tier", "asserted", "criteria that decide: asserted (the original tests' asserts) or target (its stated targets)")
		fs.String("junit", "", "write the verdict as JUnit XML to FILE")
		fs.String("html", "", "write the verdict as one self-contained HTML page to FILE (- is standard output)")
		fs.String("format", "text", "report format: text or json")
		fs.String("out", "", "write the report to FILE instead of standard output")
		fs.StringArray("set", nil, "override a key of every scenario, path.to.key=value (repeatable)")
		fs.IntP("workers", "j", 0, "how many runs go in parallel (default: GOMAXPROCS, the CPUs this process may use)")
	},
	run: runSimple(-1, runSuite),
}

func runSuite(e *env, fs *pflag.FlagSet, args []string) error {
	get := flagGetter{fs: fs}
	seedSpec, quorum, junit, format, out := get.str("seeds"), get.float("quorum"), get.str("junit"), get.oneOf("format", "text", "json"), get.str("out")
	workers, htmlPath := get.int("workers"), get.str("html")
	sets, err := fs.GetStringArray("set")
	get.keep(err)
	tier, tierErr := tierFlag(e, &get)
	if get.err != nil {
		return e.usagef("%v", get.err)
	}
	if tierErr != nil {
		return tierErr
	}
	if !(quorum > 0 && quorum <= 1) || math.IsNaN(quorum) {
		return e.usagef("--quorum must be in (0, 1], got %v", quorum)
	}
	if fs.Changed("workers") && workers < 1 {
		return e.usagef("-j must be at least 1, got %d", workers)
	}
	var seeds []uint64
	if seedSpec != "" {
		if seeds, err = sweep.ParseSeeds(seedSpec); err != nil {
			return e.usagef("%v", err)
		}
	}
	if htmlPath == atomicfile.Stdout && out == "" {
		return e.usagef("--html - and the report would both write standard output; send the report to a file with --out FILE")
	}
	if out == "" {
		out = atomicfile.Stdout
	}
	if err := e.checkOutputs("out", out, "junit", junit, "html", htmlPath); err != nil {
		return err
	}
	scs, err := suite.Select(args, sets)
	if err != nil {
		return e.inputError(err)
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	bar := newProgress(e.stderr, "suite", "runs")
	start := time.Now()
	opts := suite.Options{Seeds: seeds, Quorum: quorum, Tier: tier, Workers: workers, Progress: bar.cells}
	var details *suiteDetails
	if htmlPath != "" {
		details = &suiteDetails{runs: make([]htmlreport.Run, len(scs))}
		opts.Observe = details.observe
	}
	rep, err := suite.Run(e.ctx, scs, opts)
	bar.clear()
	wall := time.Since(start)
	if err != nil {
		if errors.Is(err, e.ctx.Err()) && e.ctx.Err() != nil {
			return fmt.Errorf("suite: interrupted after %.3g s; no report written", wall.Seconds())
		}
		return err
	}
	var report bytes.Buffer
	if format == "json" {
		enc := json.NewEncoder(&report)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else if err := suite.WriteText(&report, rep); err != nil {
		return err
	}
	if err := e.writeOutput(out, func(w io.Writer) error {
		_, err := w.Write(report.Bytes())
		return err
	}); err != nil {
		return err
	}
	if junit != "" {
		if err := e.writeOutput(junit, func(w io.Writer) error { return suite.WriteJUnit(w, rep) }); err != nil {
			return err
		}
	}
	if htmlPath != "" {
		if err := writeSuiteHTML(e, htmlPath, rep, details, suiteCommand(fs, args, sets), seedSpec); err != nil {
			return err
		}
	}
	runs := len(rep.Scenarios) * max(len(seeds), 1)
	fmt.Fprintf(e.stderr, "esgtsim: suite: %d runs in %.3g s wall on %d workers\n", runs, wall.Seconds(), workers)
	if rep.Total.Errors > 0 {
		return fmt.Errorf("suite: %d of %d scenarios failed to run (see the report)", rep.Total.Errors, rep.Total.Tests)
	}
	if !rep.Pass() {
		return &criteriaError{what: "suite", failed: rep.Total.Failing, judged: rep.Total.Tests - rep.Total.Skipped, tier: tier, unit: "scenarios"}
	}
	return nil
}
