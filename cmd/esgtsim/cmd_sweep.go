package main

import (
	"context"
	"errors"
	"fmt"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/internal/atomicfile"
	"github.com/esgtsim/esgtsim/sweep"
)

var sweepCmd = &command{
	name:    "sweep",
	summary: "run a scenario over a grid of parameters and seeds",
	usage:   "esgtsim sweep NAME|FILE --param path.key=VALUES... [--seeds 1..N] [--set key=value]... [--columns M,...] [--format csv|jsonl] [--out FILE [--resume]] [--record FILE.json] [--shard I/N] [--precision 0.05 [--max-seeds 200] [--metric M]...] [-j WORKERS]",
	about: `Sweep runs a scenario once per cell of a grid, the cross product of the
--param values and the --seeds, on all cores, and writes one row per cell:
cell (0-based), seed, one column per --param named by its path with the
value as written, then requests, succeeded, success_rate, latency_mean_ms,
latency_p50_ms, latency_p95_ms, latency_p99_ms, latency_max_ms,
time_to_sync_p50_ms, time_to_sync_p99_ms, ignitions, min_gap_ms,
refractory_rejections, arousal_mean, digest, error. Floats have 6
decimals; a missing value is empty (null in JSON Lines). Cells come in a
fixed order, the combinations of the --param flags as given (the last
varies fastest), then the seeds ascending, and rows hold no wall-clock
figure, so a sweep writes the same bytes whatever -j is; speed goes to
standard error.

--record FILE writes, once the sweep is done, what reproduces it as JSON:
scenario, source_sha256, overrides (the --set flags as given), params,
seeds, columns, format, fingerprint and config (every key after defaults
and --set, the seed left out). plot --sweep --record names the scenario
and the settings in its title from it.

A scenario may hold its study in a [sweep] table: params = ["path=VALUES",
...] used when no --param is given, and seeds = "1..30" used when
--seeds is not (--set sweep.seeds=1..5 works too).

--columns chooses the figure columns and their order (digest and error
always end the row): any metric of esgtsim compare --metric, such as
time_to_sync_p95_ms, the halves comparison (first_half_success_rate,
second_half_success_rate, first_half_success_latency_ms,
second_half_success_latency_ms, halves_latency_change), failed_REASON
for one reason or failed_* for all, and default for the usual figures:
--columns default,failed_*,time_to_sync_p95_ms. A wrong name lists them
all.

VALUES is a comma-separated list of values and ranges START:STOP:STEP,
stop included when a step lands on it: 10:200:10 (integers), 0.1:0.5:0.1
(exact decimals, written with the most decimals of the three), or
10ms:200ms:10ms (durations). Every combination is checked before anything
runs; a bad value stops the sweep with its --param named. A cell that
fails while running records its error and the sweep goes on.

With --out, finished rows are kept in FILE.partial as they finish and FILE
is written whole at the end. After an interruption (Ctrl-C, kill, a lost
node), rerun the same command with --resume to run only the missing cells;
the file is the same as an uninterrupted run's. --resume with no journal
starts from the beginning, so batch jobs can always pass it. A journal
row edited or damaged on disk fails its checksum and runs again. The
journal fits a sweep's effective configuration, not its file's bytes: a
changed comment resumes, a changed value is refused and named. A running
sweep locks FILE.partial: a second sweep on the same --out exits 1.

--shard I/N runs slice I (0 to N-1) of N disjoint slices: cells c with
c mod N = I. A shard's output ends with a "#esgtsim-shard" trailer line;
"esgtsim merge" checks and combines the shards into exactly the bytes of
the unsharded sweep. A progress bar (cells, rate, ETA) shows on standard
error when it is a terminal.

--precision P runs sequential replications: each combination starts with
the --seeds (at least 10; the scenario's seed and the next ones by
default) and gets more seeds, counting up, until the mean of every
--metric (default: every summary figure) is known to ±P of itself (the
half-width of its 95 % interval), or --max-seeds. Cells keep their
numbers in the grid of every seed up to the cap, so a combination that
stopped early leaves gaps in the cell column; standard error says how
many seeds each combination took. It writes its output at the end and
cannot be sharded or resumed.`,
	example: `esgtsim sweep latency --param triggers.refractory_period=10ms:100ms:10ms --seeds 1..10 --out refractory.csv
esgtsim sweep latency --param triggers.refractory_period=30ms,50ms --param fabric.nodes=16,24,32 --seeds 1,2,3 --format jsonl
esgtsim sweep latency --param triggers.min_salience=0.1:0.5:0.1 --seeds 1..20 -j 2 --out s.csv --resume
esgtsim sweep latency --param triggers.refractory_period=10ms:200ms:10ms --seeds 1..5 --shard 0/4 --out shard-0.csv
esgtsim sweep load-short --param triggers.refractory_period=0ms,100ms --metric ignitions --precision 0.05 --out seq.csv`,
	flags: func(fs *pflag.FlagSet) {
		fs.StringArray("param", nil, "sweep a scenario key: path.key=v1,v2,... or START:STOP:STEP (repeatable)")
		fs.String("seeds", "", "seeds: 1..N (inclusive) or a list 3,7,9 (default: the scenario's seed)")
		fs.StringArray("set", nil, "override a scenario key for every cell, path.to.key=value (repeatable)")
		fs.String("columns", "", "the figure columns, in order: metric names, default (the usual ones), failed_* (a count per failure reason)")
		fs.String("format", "csv", "output format: csv or jsonl")
		fs.String("out", "", "write the rows to FILE, atomically, keeping finished rows in FILE.partial (default: standard output)")
		fs.Bool("resume", false, "continue an interrupted sweep from FILE.partial (needs --out)")
		fs.String("record", "", "also write the sweep's record to FILE as JSON: scenario, overrides, params, seeds, columns, fingerprint, effective configuration")
		fs.String("shard", "", "run only slice I of N (0-based, I/N, e.g. 0/4)")
		fs.IntP("workers", "j", 0, "how many cells run in parallel (default: GOMAXPROCS, the CPUs this process may use)")
		declarePrecisionFlags(fs)
	},
	run: runSimple(1, runSweep),
}

// testHookSweepProgress, when a test sets it, is called after each
// finished cell of a sweep has been journaled, with the sweep's context;
// the sweep goes on when it returns. Tests use it to stop a sweep process
// at a known cell.
var testHookSweepProgress func(ctx context.Context, done, total int)

func runSweep(e *env, fs *pflag.FlagSet, args []string) error {
	get := flagGetter{fs: fs}
	seedSpec, formatName, out, shardSpec := get.str("seeds"), get.str("format"), get.str("out"), get.str("shard")
	resume, workers := get.bool("resume"), get.int("workers")
	paramSpecs, err := fs.GetStringArray("param")
	get.keep(err)
	sets, err := fs.GetStringArray("set")
	get.keep(err)
	if get.err != nil {
		return e.usagef("%v", get.err)
	}
	if out == atomicfile.Stdout {
		out = "" // the rows stream to standard output
	}
	def := sweep.Definition{Scenario: args[0], Sets: sets, Version: moduleVersion()}
	for _, s := range paramSpecs {
		p, err := sweep.ParseParam(s)
		if err != nil {
			return e.usagef("%v", err)
		}
		def.Params = append(def.Params, p)
	}
	if fs.Changed("seeds") {
		if def.Seeds, err = sweep.ParseSeeds(seedSpec); err != nil {
			return e.usagef("%v", err)
		}
	}
	if err := studyFromFile(e, &def, fs.Changed("seeds")); err != nil {
		return err
	}
	if def.Format, err = sweep.ParseFormat(formatName); err != nil {
		return e.usagef("%v", err)
	}
	if fs.Changed("columns") {
		if def.Columns, err = sweep.ParseColumns(get.str("columns")); err != nil {
			return e.usagef("%v", err)
		}
	}
	if ext := strings.TrimPrefix(filepath.Ext(out), "."); (ext == "csv" || ext == "jsonl") && ext != def.Format.String() {
		return e.usagef("--format %s would write %s rows into --out %s; give --format %s or another name", def.Format, def.Format, out, ext)
	}
	if shardSpec != "" {
		if def.Shard, err = sweep.ParseShard(shardSpec); err != nil {
			return e.usagef("%v", err)
		}
	}
	if !fs.Changed("workers") {
		workers = runtime.GOMAXPROCS(0)
	}
	switch {
	case resume && out == "":
		return e.usagef("--resume needs --out: a sweep to standard output keeps no journal, so there is nothing to resume")
	case workers < 1:
		return e.usagef("-j must be at least 1, got %d", workers)
	}
	record := get.str("record")
	if err := e.checkOutputs("out", out, "record", record); err != nil {
		return err
	}
	if fs.Changed("precision") || fs.Changed("max-seeds") || fs.Changed("metric") {
		return runSweepSequential(e, fs, def, out, workers)
	}
	plan, ctx, stop, err := validatedPlan(e, def, workers)
	if err != nil {
		return err
	}
	defer stop()
	bar := newProgress(e.stderr, "sweep", "cells")
	progress := bar.cells
	if testHookSweepProgress != nil {
		progress = func(done, total int) { bar.cells(done, total); testHookSweepProgress(ctx, done, total) }
	}
	job := &sweep.Job{
		Plan: plan, Workers: workers, Out: out, Stream: e.stdout, Resume: resume,
		Commit: atomicfile.Write, Progress: progress,
	}
	start := time.Now()
	st, err := job.Run(ctx)
	bar.clear()
	if st.Skipped > 0 {
		fmt.Fprintf(e.stderr, "esgtsim: sweep: ignored %d damaged lines of %s; their cells ran again\n", st.Skipped, sweep.JournalPath(out))
	}
	var exists *sweep.ExistsError
	var mismatch *sweep.MismatchError
	switch {
	case errors.As(err, &exists) || errors.As(err, &mismatch):
		return e.inputError(err)
	case err != nil && ctx.Err() != nil:
		return interrupted(st, out)
	case err != nil:
		return err
	}
	if record != "" {
		if err := e.writeSweepRecord(record, def, plan); err != nil {
			return err
		}
	}
	wall := time.Since(start)
	fmt.Fprintf(e.stderr, "esgtsim: sweep: %d cells (%d resumed, %d run, %d failed) in %.3g s wall with -j %d: %.3g cells/s\n",
		st.Cells, st.Resumed, st.Ran, st.Failed, wall.Seconds(), workers, float64(st.Ran)/wall.Seconds())
	if st.Failed > 0 {
		fmt.Fprintf(e.stderr, "esgtsim: sweep: %d cells failed; their rows have the error\n", st.Failed)
	}
	return nil
}

// interrupted explains what an interrupted sweep kept and how to finish.
func interrupted(st sweep.Stats, out string) error {
	done := st.Resumed + st.Ran
	if out == "" {
		return fmt.Errorf("sweep interrupted after %d of %d cells; standard output holds the rows up to the first unfinished cell, and nothing can be resumed (use --out FILE for that)", done, st.Cells)
	}
	return fmt.Errorf("sweep interrupted: %d of %d cells finished and kept in %s; run the same command with --resume to finish", done, st.Cells, sweep.JournalPath(out))
}

// validatedPlan builds the plan of def and checks every cell before any
// runs, under a context that SIGTERM cancels as Ctrl-C does: a batch system
// stops a job with SIGTERM, and the sweep then stops keeping its journal.
// On success the caller must call stop.
func validatedPlan(e *env, def sweep.Definition, workers int) (plan *sweep.Plan, ctx context.Context, stop context.CancelFunc, err error) {
	plan, err = sweep.NewPlan(def)
	if err != nil {
		return nil, nil, nil, e.inputError(err)
	}
	ctx, stop = signal.NotifyContext(e.ctx, syscall.SIGTERM)
	if err := plan.Validate(ctx, workers); err != nil {
		interrupted := ctx.Err() != nil
		stop()
		if interrupted {
			return nil, nil, nil, fmt.Errorf("interrupted while checking the sweep; nothing ran")
		}
		return nil, nil, nil, e.inputError(err)
	}
	return plan, ctx, stop, nil
}
