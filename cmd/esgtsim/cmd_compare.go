package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/compare"
	"github.com/esgtsim/esgtsim/inference"
	"github.com/esgtsim/esgtsim/internal/atomicfile"
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/sweep"
)

var compareCmd = &command{
	name:    "compare",
	summary: "compare two configurations over the same seeds, with confidence intervals",
	usage:   "esgtsim compare A [B] [--seeds 1..N] [--set key=value]... [--a key=value]... [--b key=value]... [--metric M]... [--confidence 0.95] [--precision 0.05 [--max-seeds 200]] [--format text|json] [--out FILE] [-j WORKERS]",
	about: `Compare answers "is B better than A, by how much, how sure?". It runs
configuration A and configuration B on the same seeds: the same seed gives
both the same arrivals, fabric and phases (common random numbers), so the
difference B - A seed by seed shows what the change does, free of most of
the noise that separates two seeds.

A and B are scenario names (esgtsim list) or files; B defaults to A.
--set overrides a key on both sides, --a on A only, --b on B only (after
--set). --seeds defaults to the seeds of A's [sweep] table, else 1..20.

For each metric (a sweep's column names; default: the sweep's summary
columns; --metric chooses, repeatable or comma-separated), it reports the
mean of A and of B with their intervals, the mean paired difference B - A
with its Student-t interval at --confidence, the relative change
(B - A) / |mean of A|, the two-sided p-values of the paired t-test and of
the Wilcoxon signed-rank test, and n. The text output marks with "~" a
difference whose interval covers 0: no evidence of a change. A metric a
run does not define (no ignition, no request) is compared over the seeds
where both sides define it, and n says how many that is.

--precision P runs sequential replications: after the --seeds, it adds
seeds (counting up from the largest) until, for every metric, the
interval of B - A is within ±P of the mean of A (the relative change is
known to ±P), or --max-seeds seeds have run, and reports how many seeds
it took. It never stops below 10 seeds, and asks for more seeds from the
spread measured so far (never more than doubling at once), so it stops
at the same point whatever -j. Choose the metrics with --metric: one
that varies with A's mean at 0 never gets there.

--format json writes {"a", "b", "seeds", "confidence", "metrics"}: a and b
are each side's effective configuration (scenario, source hash, overrides
and every key), metrics one object per metric with metric, a_mean, b_mean,
diff, ci_low, ci_high, rel_change, p_value (t-test), p_wilcoxon and n;
figures that cannot be computed are null. The output holds no wall-clock
figure: the same command always writes the same bytes, whatever -j. With
--precision it also has "precision": {"target", "max_seeds", "seeds",
"met", "unmet", "undefined"}.`,
	example: `esgtsim compare load-short --a triggers.refractory_period=0ms --b triggers.refractory_period=100ms --seeds 1..20
esgtsim compare load-short --set fabric.nodes=48 --b triggers.refractory_period=100ms --metric ignitions,success_rate
esgtsim compare mine.toml theirs.toml --seeds 1..50 --format json --out cmp.json
esgtsim compare load-short --b triggers.refractory_period=100ms --metric ignitions --precision 0.05 --max-seeds 300`,
	flags: func(fs *pflag.FlagSet) {
		fs.String("seeds", "", "seeds run by both sides: 1..N (inclusive) or a list 3,7,9 (default: A's [sweep] seeds, else 1..20)")
		fs.StringArray("set", nil, "override a scenario key on both sides, path.to.key=value (repeatable)")
		fs.StringArray("a", nil, "override a key of A only, after --set (repeatable)")
		fs.StringArray("b", nil, "override a key of B only, after --set (repeatable)")
		fs.StringArray("metric", nil, "metrics to compare, a sweep's column names (repeatable or comma-separated; default: the sweep's summary columns)")
		fs.Float64("confidence", 0.95, "confidence level of the intervals, between 0 and 1")
		fs.Float64("precision", 0, "add seeds until every interval of B - A is within this fraction of A's mean (e.g. 0.05)")
		fs.Int("max-seeds", 200, "with --precision, the most seeds to run")
		fs.String("format", "text", "output format: text or json")
		fs.String("out", "", "write the comparison to FILE (- is standard output), whole or not at all")
		fs.IntP("workers", "j", 0, "how many runs go in parallel (default: GOMAXPROCS, the CPUs this process may use)")
	},
	run: runSimple(-1, runCompare),
}

func runCompare(e *env, fs *pflag.FlagSet, args []string) error {
	get := flagGetter{fs: fs}
	seedSpec, format, out := get.str("seeds"), get.oneOf("format", "text", "json"), get.str("out")
	confidence, workers := get.float("confidence"), get.int("workers")
	precision, maxSeeds := get.float("precision"), get.int("max-seeds")
	var sets, setA, setB, metricSpecs []string
	for name, dst := range map[string]*[]string{"set": &sets, "a": &setA, "b": &setB, "metric": &metricSpecs} {
		v, err := fs.GetStringArray(name)
		get.keep(err)
		*dst = v
	}
	if get.err != nil {
		return e.usagef("%v", get.err)
	}
	if len(args) < 1 || len(args) > 2 {
		return e.usagef("want scenario A and optionally B, got %d arguments", len(args))
	}
	if err := inference.CheckConfidence(confidence); err != nil {
		return e.usagef("--confidence: %v", err)
	}
	if out == "" {
		out = atomicfile.Stdout
	}
	if err := e.checkOutputs("out", out); err != nil {
		return err
	}
	if !fs.Changed("workers") {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers < 1 {
		return e.usagef("-j must be at least 1, got %d", workers)
	}
	if seedSpec == "" {
		seedSpec = "1..20"
	}
	seeds, err := sweep.ParseSeeds(seedSpec)
	if err != nil {
		return e.usagef("%v", err)
	}
	rule := inference.Sequential{Target: precision, Min: inference.DefaultMinReplications, Max: maxSeeds}
	sequential := fs.Changed("precision")
	switch {
	case fs.Changed("max-seeds") && !sequential:
		return e.usagef("--max-seeds needs --precision")
	case sequential:
		if err := rule.Check(); err != nil {
			return e.usagef("--precision, --max-seeds: %v", err)
		}
	}
	metrics, err := parseMetrics(metricSpecs)
	if err != nil {
		return e.usagef("--metric: %v", err)
	}
	nameA, nameB := args[0], args[0]
	if len(args) == 2 {
		nameB = args[1]
	}
	a, err := scenarios.Load(nameA, append(append([]string{}, sets...), setA...))
	if err != nil {
		return e.inputError(fmt.Errorf("A: %w", err))
	}
	b, err := scenarios.Load(nameB, append(append([]string{}, sets...), setB...))
	if err != nil {
		return e.inputError(fmt.Errorf("B: %w", err))
	}
	if !fs.Changed("seeds") {
		fileSeeds, err := seedsFromFile(e, a)
		if err != nil {
			return err
		}
		if fileSeeds != nil {
			seeds = fileSeeds
		}
	}
	study := &compare.Study{A: a, B: b, Metrics: metrics, Confidence: confidence}
	if sameConfiguration(a, b) {
		fmt.Fprintf(e.stderr, "esgtsim: compare: A and B are the same configuration: every difference will be 0 (use --a and --b to change one side)\n")
	}

	bar := newProgress(e.stderr, "compare", "runs")
	var done int64
	start := time.Now()
	var res *compare.Result
	if sequential {
		res, err = study.RunSequential(e.ctx, seeds, rule, workers, func(n, total int) {
			done = int64(n)
			bar.update(done, int64(total))
		})
	} else {
		var smp *compare.Samples
		smp, err = study.Collect(e.ctx, seeds, workers, func() {
			done++
			bar.update(done, int64(2*len(seeds)))
		})
		if err == nil {
			res = study.Analyse(smp)
		}
	}
	bar.clear()
	if err != nil {
		if e.ctx.Err() != nil {
			return fmt.Errorf("compare interrupted after %d runs; nothing was written", done)
		}
		return err
	}
	wall := time.Since(start)

	var buf bytes.Buffer
	if format == "json" {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			return err
		}
	} else if err := res.WriteText(&buf); err != nil {
		return err
	}
	err = e.writeOutput(out, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "esgtsim: compare: %d runs (%d seeds × 2) in %.3g s wall with -j %d\n",
		2*len(res.Seeds), len(res.Seeds), wall.Seconds(), workers)
	if p := res.Precision; p != nil && !p.Met {
		fmt.Fprintf(e.stderr, "esgtsim: compare: precision ±%g not reached at %d seeds for %s\n", p.Target, p.MaxSeeds, strings.Join(p.Unmet, ", "))
	}
	return nil
}

// parseMetrics resolves --metric values (each may hold a comma-separated
// list); none means the sweep's default metrics.
func parseMetrics(specs []string) ([]sweep.Metric, error) {
	if len(specs) == 0 {
		return sweep.DefaultMetrics(), nil
	}
	var out []sweep.Metric
	seen := map[string]bool{}
	for _, list := range specs {
		for _, name := range strings.Split(list, ",") {
			name = strings.TrimSpace(name)
			if name == "" || seen[name] {
				continue
			}
			m, err := sweep.LookupMetric(name)
			if err != nil {
				return nil, err
			}
			seen[name] = true
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no metric named")
	}
	return out, nil
}

// sameConfiguration reports whether a and b would run identically.
func sameConfiguration(a, b *spec.Scenario) bool {
	ja, errA := json.Marshal(a.Effective().Config.Without("name"))
	jb, errB := json.Marshal(b.Effective().Config.Without("name"))
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}
