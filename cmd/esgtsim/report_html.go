package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/htmlreport"
	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/plots"
	"github.com/esgtsim/esgtsim/internal/atomicfile"
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/suite"
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

// reproduceCommand returns the command that runs name with seed and sets
// again.
func reproduceCommand(name string, seed uint64, sets []string) string {
	cmd := fmt.Sprintf("esgtsim run %s --seed %d", name, seed)
	for _, s := range sets {
		cmd += " --set '" + s + "'"
	}
	return cmd
}

// writeSuiteHTML writes the HTML report of the suite rep of scs to path.
// The suite keeps no run's details, so each scenario that ran is run again
// at its first seed, workers at a time, with the figures' collector; the
// same seed gives the same trace, so a digest other than the suite's is an
// error. seedSpec is --seeds as given, "" if each scenario ran at its own.
func writeSuiteHTML(e *env, path string, rep *suite.Report, scs []*scenarios.Scenario, workers int, command, seedSpec string) error {
	var flags map[string]string
	if seedSpec != "" {
		flags = map[string]string{"seed": "--seeds " + seedSpec}
	}
	runs := make([]htmlreport.Run, len(scs))
	errs := make([]error, len(scs))
	sem := make(chan struct{}, max(workers, 1))
	var wg sync.WaitGroup
	for i, sc := range scs {
		s := rep.Scenarios[i]
		if s.Status == suite.Error {
			continue // the page shows its error
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			c := *sc
			c.Spec.Seed = s.Seeds[0]
			col := plots.NewCollector(&c)
			res, err := scenarios.Run(e.ctx, &c, scenarios.Options{KeepHistory: true, OnEvent: col.OnEvent})
			switch {
			case err != nil:
				errs[i] = fmt.Errorf("%s: seed %d: %w", s.Name, c.Spec.Seed, err)
			case res.Summary.Digest != s.Digests[0]:
				errs[i] = fmt.Errorf("%s: seed %d: run again for the HTML report, it gave digest %s, not the suite's %s", s.Name, c.Spec.Seed, res.Summary.Digest, s.Digests[0])
			default:
				runs[i] = htmlreport.Run{Scenario: &c, Summary: &res.Summary, Figures: col, Tier: rep.Tier, Flags: flags,
					Command: reproduceCommand(c.File, c.Spec.Seed, c.Overrides)}
			}
		})
	}
	wg.Wait()
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
// same scenarios and judgement.
func suiteCommand(fs *pflag.FlagSet, args, sets []string) string {
	cmd := []string{"esgtsim", "suite"}
	cmd = append(cmd, args...)
	for _, name := range []string{"seeds", "quorum", "tier"} {
		if f := fs.Lookup(name); f != nil && f.Changed {
			cmd = append(cmd, "--"+name, f.Value.String())
		}
	}
	for _, s := range sets {
		cmd = append(cmd, "--set '"+s+"'")
	}
	return strings.Join(cmd, " ")
}
