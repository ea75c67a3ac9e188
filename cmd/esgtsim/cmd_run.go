package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/scenarios"
)

var runCmd = &command{
	name:    "run",
	summary: "run a scenario and report its results",
	usage:   "esgtsim run NAME|FILE [--seed N] [--set key=value]... [--format text|json] [--out FILE] [--trace FILE] [--check]",
	about: `Run simulates a scenario, a built-in one by name (esgtsim list) or a TOML
file, and reports what happened: outcomes by reason, latency and
time-to-sync quantiles, refractory behaviour, coherence, arousal and the
digest of the full event trace. The same scenario and seed always give the
same report, byte for byte (the JSON report holds no wall-clock figure;
speed goes to the text report and to standard error).

--set overrides any key of the file (path.to.key=value, validated like the
file). --trace writes every request, phase, outcome, arousal update, needs
sample, fault and modulation as JSON Lines. --check verifies the model's
invariants during the run and fails at the first violation. Files are
written whole or not at all.`,
	example: `esgtsim run load-full
esgtsim run latency --seed 3 --format json
esgtsim run load-short --set triggers.refractory_period=100ms --trace load.jsonl`,
	flags: func(fs *pflag.FlagSet) {
		fs.Uint64("seed", 0, "seed of the run (default: the scenario's)")
		fs.StringArray("set", nil, "override a scenario key, path.to.key=value (repeatable)")
		fs.String("format", "text", "report format: text or json")
		fs.String("out", "", "write the report to FILE instead of standard output")
		fs.String("trace", "", "write the event trace to FILE as JSON Lines")
		fs.Bool("check", false, "verify the model's invariants during the run")
	},
	run: runSimple(1, runScenario),
}

func runScenario(e *env, fs *pflag.FlagSet, args []string) error {
	get := flagGetter{fs: fs}
	format, out, tracePath, check := get.str("format"), get.str("out"), get.str("trace"), get.bool("check")
	sets, err := fs.GetStringArray("set")
	get.keep(err)
	seed := get.uint64("seed")
	if get.err != nil {
		return e.usagef("%v", get.err)
	}
	if format != "text" && format != "json" {
		return e.usagef("--format must be text or json, got %q", format)
	}
	sc, err := scenarios.Load(args[0], sets)
	if err != nil {
		return e.usagef("%v", err)
	}
	if fs.Changed("seed") {
		sc.Spec.Seed = seed
	}
	opts := scenarios.Options{Check: check}
	start := time.Now()
	opts.WallClock = func() time.Duration { return time.Since(start) }
	bar := newProgress(e.stderr, sc.Spec.Name, "virtual s")
	if bar != nil {
		opts.Progress = bar.virtual
	}

	var res *scenarios.Result
	var runErr error
	if tracePath != "" {
		err = writeFileAtomic(tracePath, func(w io.Writer) error {
			opts.Trace = w
			res, runErr = scenarios.Run(e.ctx, sc, opts)
			return runErr
		})
		if runErr == nil {
			runErr = err
		}
	} else {
		res, runErr = scenarios.Run(e.ctx, sc, opts)
	}
	bar.clear()
	if res == nil {
		return runErr
	}
	var report bytes.Buffer
	if format == "json" {
		enc := json.NewEncoder(&report)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res.Summary); err != nil {
			return err
		}
	} else {
		writeTextReport(&report, res)
	}
	if runErr != nil {
		// Print what was finished, then fail: an interrupted or invalid run
		// writes no file.
		e.stdout.Write(report.Bytes())
		if errors.Is(runErr, e.ctx.Err()) && e.ctx.Err() != nil {
			return fmt.Errorf("interrupted at %.3f virtual s; the report above is partial", res.Summary.VirtualSeconds)
		}
		return runErr
	}
	if out == "" {
		_, err = e.stdout.Write(report.Bytes())
	} else {
		err = writeFileAtomic(out, func(w io.Writer) error {
			_, err := w.Write(report.Bytes())
			return err
		})
	}
	if err == nil && (format == "json" || out != "") {
		// The text report on stdout already shows the speed.
		st := res.Stats
		fmt.Fprintf(e.stderr, "esgtsim: %s: %.3g virtual s in %.3g s wall (%.0fx real time, %.3g events/s)\n",
			sc.Spec.Name, st.Virtual.Seconds(), st.Wall.Seconds(), st.Speed(), st.EventsPerSecond())
	}
	return err
}
