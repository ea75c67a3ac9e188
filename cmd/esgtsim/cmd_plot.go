package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/plots"
	"github.com/esgtsim/esgtsim/inference"
	"github.com/esgtsim/esgtsim/internal/atomicfile"
	"github.com/esgtsim/esgtsim/scenarios"
)

var plotCmd = &command{
	name:    "plot",
	summary: "draw the figures of a run or of a sweep",
	usage: `esgtsim plot NAME|FILE [--seed N] [--set key=value]... [--out DIR] [--format svg|png]
       esgtsim plot --sweep FILE --x PARAM --y FIGURE [--spread ci|minmax] [--confidence 0.95] [--title TEXT] [--record FILE.json] [--out FILE]`,
	about: `Plot runs a scenario, a built-in one by name (esgtsim list) or a TOML
file, and draws its figures into DIR (default plots/NAME, created if
missing): latency.svg (histogram by outcome and CDF of the latency from
arrival to outcome, P50/P95/P99 marked), coherence.svg (r(t) from the start
of SYNCHRONIZE for the first and latest attempts, their mean, the target),
arousal.svg (arousal and the salience threshold over virtual time,
ignitions as ticks; fixed values when the scenario has no arousal
controller) and outcomes.svg (requests by outcome reason over virtual time,
as a raster and as stacked rates). --format png writes PNG instead. It
prints the paths it wrote.

With --sweep, plot reads a sweep's output (esgtsim sweep, CSV or JSON
Lines, merged or one shard) and draws the figure --y against the parameter
--x: the mean over seeds with its Student-t confidence interval (at
--confidence) as bars and a band, or with --spread minmax the range over
seeds, one line per combination of the other parameters that vary. The
title names the scenario and its --set overrides (from the sweep's
--record file, or the scenario from a shard's trailer) and the parameters
that do not vary; --title replaces its first line. --x is a parameter column (triggers.refractory_period) or its last
part (refractory_period); durations are shown in ms. The format is
--out's extension (.svg or .png); --out defaults to the CSV's name with
"-Y-vs-X.svg"; --out - writes it to standard output in the --format
given. Files are written whole or not at all.`,
	example: `esgtsim plot load-short
esgtsim plot high-load --format png --out plots/storm
esgtsim plot load-short --seed 3 --set triggers.refractory_period=100ms
esgtsim plot --sweep sweep.csv --x refractory_period --y success_rate --out rate.png
esgtsim plot --sweep sweep.jsonl --x refractory_period --y ignitions --spread minmax --title "Ignitions by refractory period"`,
	flags: func(fs *pflag.FlagSet) {
		fs.Uint64("seed", 0, "seed of the run (default: the scenario's)")
		fs.StringArray("set", nil, "override a scenario key, path.to.key=value (repeatable)")
		fs.String("out", "", "directory of a run's figures (default plots/NAME), or the sweep figure's file")
		fs.String("format", "svg", "svg or png")
		fs.String("sweep", "", "plot this sweep output (CSV or JSON Lines) instead of running a scenario")
		fs.String("x", "", "with --sweep: the parameter on the x axis")
		fs.String("y", "", "with --sweep: the figure on the y axis")
		fs.String("spread", "ci", "with --sweep: bars and band show ci (the confidence interval of the mean) or minmax (the range over seeds)")
		fs.Float64("confidence", 0.95, "with --sweep: the level of the confidence interval")
		fs.String("title", "", "with --sweep: the title's first line (default: Y against X)")
		fs.String("record", "", "with --sweep: the sweep's record (sweep --record), to name the scenario and its settings in the title")
	},
	run: runSimple(-1, runPlot),
}

func runPlot(e *env, fs *pflag.FlagSet, args []string) error {
	get := flagGetter{fs: fs}
	out, formatName, sweep, x, y := get.str("out"), get.str("format"), get.str("sweep"), get.str("x"), get.str("y")
	sets, err := fs.GetStringArray("set")
	get.keep(err)
	seed := get.uint64("seed")
	if get.err != nil {
		return e.usagef("%v", get.err)
	}
	format, err := plots.ParseFormat(formatName)
	if err != nil {
		return e.usagef("--format must be svg or png, got %q", formatName)
	}
	if sweep != "" {
		switch {
		case len(args) > 0:
			return e.usagef("--sweep takes no scenario, got %q", args[0])
		case fs.Changed("seed") || fs.Changed("set"):
			return e.usagef("--seed and --set apply to a run, not to --sweep")
		case x == "" || y == "":
			return e.usagef("--sweep needs --x PARAM and --y FIGURE")
		}
		opt := plots.SweepOptions{X: x, Y: y, Confidence: get.float("confidence"), Title: get.str("title")}
		if record := get.str("record"); record != "" {
			data, err := os.ReadFile(record)
			if err != nil {
				return e.usagef("--record: %v", err)
			}
			if opt.Context, err = sweepContext(data); err != nil {
				return e.usagef("--record %s: %v", record, err)
			}
		}
		if opt.Spread, err = plots.ParseSpread(get.str("spread")); err != nil {
			return e.usagef("--spread: %v", err)
		}
		if err := inference.CheckConfidence(opt.Confidence); err != nil {
			return e.usagef("--confidence: %v", err)
		}
		return plotSweep(e, sweep, opt, out, format, fs.Changed("format"))
	}
	switch {
	case x != "" || y != "" || fs.Changed("spread") || fs.Changed("confidence") || fs.Changed("title") || fs.Changed("record"):
		return e.usagef("--x, --y, --spread, --confidence, --title and --record apply to --sweep")
	case len(args) != 1:
		return e.usagef("want a scenario NAME|FILE (or --sweep FILE.csv), got %d arguments", len(args))
	}
	sc, err := scenarios.Load(args[0], sets)
	if err != nil {
		return e.inputError(err)
	}
	if fs.Changed("seed") {
		sc.Spec.Seed = seed
	}
	if out == atomicfile.Stdout {
		return e.usagef("--out of a run's figures is a directory: they are several files")
	}
	if out == "" {
		out = filepath.Join("plots", strings.TrimSuffix(filepath.Base(args[0]), filepath.Ext(args[0])))
	}
	c := plots.NewCollector(sc)
	if _, err := scenarios.Run(e.ctx, sc, scenarios.Options{OnEvent: c.OnEvent, KeepHistory: true}); err != nil {
		return interruptedOr(e, err, "before the run ended")
	}
	paths, err := plots.WriteRun(out, format, c)
	for _, p := range paths {
		fmt.Fprintln(e.stdout, p)
	}
	return err
}

// plotSweep draws the sweep output at path as opt says.
func plotSweep(e *env, path string, opt plots.SweepOptions, out string, format plots.Format, formatSet bool) error {
	if out == "" {
		short := opt.X[strings.LastIndex(opt.X, ".")+1:]
		out = fmt.Sprintf("%s-%s-vs-%s.%s", strings.TrimSuffix(path, filepath.Ext(path)), opt.Y, short, format)
	} else if out == atomicfile.Stdout {
		return e.plotSweepTo(path, opt, format)
	} else if f, err := plots.FormatOf(out); err != nil {
		return e.usagef("--out: %v", err)
	} else if formatSet && f != format {
		return e.usagef("--format %s contradicts --out %s", format, out)
	}
	if err := e.checkOutputs("out", out); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return e.inputError(fmt.Errorf("--sweep: %w", err))
	}
	defer f.Close()
	if err := plots.WriteSweep(out, f, opt); err != nil {
		if errors.Is(err, plots.ErrColumn) {
			return e.usagef("%s", strings.TrimPrefix(err.Error(), "plots: "))
		}
		return err
	}
	fmt.Fprintln(e.stdout, out)
	return nil
}

// plotSweepTo draws the sweep output at path on standard output (--out -).
func (e *env) plotSweepTo(path string, opt plots.SweepOptions, format plots.Format) error {
	f, err := os.Open(path)
	if err != nil {
		return e.usagef("--sweep: %v", err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := plots.RenderSweep(&buf, format, f, opt); err != nil {
		if errors.Is(err, plots.ErrColumn) {
			return e.usagef("%s", strings.TrimPrefix(err.Error(), "plots: "))
		}
		return err
	}
	_, err = e.stdout.Write(buf.Bytes())
	return err
}
