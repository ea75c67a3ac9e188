package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/inference"
	"github.com/esgtsim/esgtsim/internal/atomicfile"
	"github.com/esgtsim/esgtsim/sweep"
)

// declarePrecisionFlags declares the flags of sequential replications.
func declarePrecisionFlags(fs *pflag.FlagSet) {
	fs.Float64("precision", 0, "add seeds per combination until each --metric's interval is within this fraction of its mean (e.g. 0.05)")
	fs.Int("max-seeds", 200, "with --precision, the most seeds per combination")
	fs.StringArray("metric", nil, "with --precision, the figures that must be precise (repeatable or comma-separated; default: every figure column)")
}

// runSweepSequential runs a sweep with --precision: each combination
// gets seeds until its chosen metrics are precise enough, then the rows
// are written at once.
func runSweepSequential(e *env, fs *pflag.FlagSet, def sweep.Definition, out string, workers int) error {
	get := flagGetter{fs: fs}
	precision, maxSeeds := get.float("precision"), get.int("max-seeds")
	metricSpecs, err := fs.GetStringArray("metric")
	get.keep(err)
	resume := get.bool("resume")
	if get.err != nil {
		return e.usagef("%v", get.err)
	}
	rule := inference.Sequential{Target: precision, Min: inference.DefaultMinReplications, Max: maxSeeds}
	switch {
	case !fs.Changed("precision"):
		return e.usagef("--max-seeds and --metric need --precision")
	case def.Shard.Sharded() || resume:
		return e.usagef("--precision decides the seeds as it goes: it cannot be sharded or resumed; drop --shard and --resume")
	}
	if err := rule.Check(); err != nil {
		return e.usagef("--precision, --max-seeds: %v", err)
	}
	metrics := splitList(metricSpecs)
	if metrics == nil {
		metrics = def.Columns
	}
	if metrics == nil {
		for _, m := range sweep.DefaultMetrics() {
			metrics = append(metrics, m.Name)
		}
	}
	for _, m := range metrics {
		if _, err := sweep.LookupMetric(m); err != nil {
			return e.usagef("--metric: %v", err)
		}
		if def.Columns != nil && !slices.Contains(def.Columns, m) {
			return e.usagef("--metric %s is not among the --columns", m)
		}
	}
	// The initial seeds, then those that may be added, counting up.
	initial := def.Seeds
	if initial == nil {
		base, err := sweep.NewPlan(def)
		if err != nil {
			return e.inputError(err)
		}
		initial = base.Grid().Seeds
	}
	seeds := append([]uint64{}, initial...)
	for last := seeds[len(seeds)-1]; len(seeds) < maxSeeds; {
		if last == ^uint64(0) {
			return e.usagef("--seeds: no seeds left after %d to add", last)
		}
		last++
		seeds = append(seeds, last)
	}
	def.Seeds = seeds
	plan, ctx, stop, err := validatedPlan(e, def, workers)
	if err != nil {
		return err
	}
	defer stop()
	bar := newProgress(e.stderr, "sweep", "cells")
	seq := &sweep.Sequential{
		Plan: plan, Initial: min(len(initial), maxSeeds), Rule: rule, Metrics: metrics,
		Confidence: 0.95, Workers: workers,
		Progress: func(done int) { bar.update(int64(done), int64(max(done, plan.Grid().Combos()*rule.Min))) },
	}
	start := time.Now()
	rows, combos, err := seq.Run(ctx)
	bar.clear()
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("sweep interrupted; with --precision nothing is kept, run it again")
		}
		return err
	}
	if record := get.str("record"); record != "" {
		if err := e.writeSweepRecord(record, def, plan); err != nil {
			return err
		}
	}
	if out == "" {
		out = atomicfile.Stdout
	}
	if err := e.writeOutput(out, func(w io.Writer) error { return plan.WriteRows(w, rows) }); err != nil {
		return err
	}
	wall := time.Since(start)
	met, least, most := 0, maxSeeds, 0
	for _, c := range combos {
		if c.Met {
			met++
		}
		least, most = min(least, c.Seeds), max(most, c.Seeds)
	}
	fmt.Fprintf(e.stderr, "esgtsim: sweep: %d cells in %.3g s wall with -j %d; precision ±%g reached by %d of %d combinations with %d to %d seeds each\n",
		len(rows), wall.Seconds(), workers, precision, met, len(combos), least, most)
	for _, c := range combos {
		if !c.Met {
			fmt.Fprintf(e.stderr, "esgtsim: sweep: %s: %s still wider than ±%g after %d seeds\n",
				describeCombo(plan, c.Values), strings.Join(c.Unmet, ", "), precision, c.Seeds)
		}
	}
	return nil
}

// describeCombo names a combination as path=value pairs.
func describeCombo(p *sweep.Plan, values []string) string {
	if len(values) == 0 {
		return "the scenario"
	}
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = p.Grid().Params[i].Path + "=" + v
	}
	return strings.Join(parts, " ")
}
