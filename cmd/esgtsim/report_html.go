package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/htmlreport"
	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/plots"
	"github.com/esgtsim/esgtsim/internal/atomicfile"
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/scenarios/suite"
	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// writeHTMLReport writes the HTML report of run to path, as every output
// flag writes (see writeOutput).
func writeHTMLReport(e *env, path string, run htmlreport.Run) error {
	err := e.writeOutput(path, func(w io.Writer) error { return htmlreport.WriteRun(w, run, moduleVersion()) })
	if err == nil && path != atomicfile.Stdout {
		fmt.Fprintf(e.stderr, "esgtsim: wrote %s\n", path)
	}
	return err
}

// seedFlag names the seed as set by --seed, if it was.
func seedFlag(fs *pflag.FlagSet, seed uint64) map[string]string {
	if !fs.Changed("seed") {
		return nil
	}
	return map[string]string{"seed": fmt.Sprintf("--seed %d", seed)}
}

// reproduceCommand returns the command that runs name again as it ran:
// with seed, the overrides sets, the --criterion expressions criteria and
// the tier that judged them (none when it is asserted, the default), each
// word quoted for a POSIX shell, so that it gives the same report and
// verdict.
func reproduceCommand(name string, seed uint64, sets, criteria []string, tier verdict.Tier) string {
	words := []string{"esgtsim", "run", name, "--seed", strconv.FormatUint(seed, 10)}
	for _, s := range sets {
		words = append(words, "--set", s)
	}
	for _, c := range criteria {
		words = append(words, "--criterion", c)
	}
	if tier != "" && tier != verdict.Asserted {
		words = append(words, "--tier", string(tier))
	}
	return shellCommand(words...)
}

// suiteDetails keeps, during a suite, each scenario's run at its first
// seed for the HTML report: its summary and the data of its figures.
type suiteDetails struct {
	runs []htmlreport.Run // by scenario; no Summary when the run failed
}

// observe is the suite's Options.Observe: the run collects its figures,
// and its result is kept.
func (d *suiteDetails) observe(i int, sc *spec.Scenario) (scenarios.Options, func(*scenarios.Result)) {
	col := plots.NewCollector(sc)
	return scenarios.Options{KeepHistory: true, OnEvent: col.OnEvent}, func(res *scenarios.Result) {
		d.runs[i] = htmlreport.Run{Scenario: sc, Summary: &res.Summary, Figures: col}
	}
}

// writeSuiteHTML writes the HTML report of the suite rep to path, with
// each scenario's run at its first seed as details kept it. A kept run
// whose digest is not the suite's first is an error: its figures would
// not be the run the suite judged. seedSpec is --seeds as given, "" if
// each scenario ran at its own.
func writeSuiteHTML(e *env, path string, rep *suite.Report, details *suiteDetails, command, seedSpec string) error {
	var flags map[string]string
	if seedSpec != "" {
		flags = map[string]string{"seed": "--seeds " + seedSpec}
	}
	runs := details.runs
	var errs []error
	for i, s := range rep.Scenarios {
		if s.Status == suite.Error {
			runs[i] = htmlreport.Run{} // the page shows its error
			continue
		}
		r := &runs[i]
		switch {
		case r.Summary == nil:
			errs = append(errs, fmt.Errorf("%s: seed %d: the suite kept no details of the run", s.Name, s.Seeds[0]))
		case r.Summary.Digest != s.Digests[0] || r.Summary.Seed != s.Seeds[0]:
			errs = append(errs, fmt.Errorf("%s: the run kept for the HTML report has seed %d and digest %s, not the suite's first, seed %d and digest %s",
				s.Name, r.Summary.Seed, r.Summary.Digest, s.Seeds[0], s.Digests[0]))
		default:
			r.Tier, r.Flags = rep.Tier, flags
			r.Command = reproduceCommand(r.Scenario.File, r.Scenario.Spec.Seed, r.Scenario.Overrides, nil, rep.Tier)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("suite: --html: %w", err)
	}
	err := e.writeOutput(path, func(w io.Writer) error {
		return htmlreport.WriteSuite(w, htmlreport.Suite{Report: rep, Runs: runs, Command: command}, moduleVersion())
	})
	if err == nil && path != atomicfile.Stdout {
		fmt.Fprintf(e.stderr, "esgtsim: wrote %s\n", path)
	}
	return err
}

// suiteCommand returns the command that runs the suite again with the
// same scenarios and judgement, each word quoted for a POSIX shell.
func suiteCommand(fs *pflag.FlagSet, args, sets []string) string {
	words := append([]string{"esgtsim", "suite"}, args...)
	for _, name := range []string{"seeds", "quorum", "tier"} {
		if f := fs.Lookup(name); f != nil && f.Changed {
			words = append(words, "--"+name, f.Value.String())
		}
	}
	for _, s := range sets {
		words = append(words, "--set", s)
	}
	return shellCommand(words...)
}
