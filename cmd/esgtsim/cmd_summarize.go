package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/inference"
	"github.com/esgtsim/esgtsim/internal/atomicfile"
	"github.com/esgtsim/esgtsim/sweep"
)

var summarizeCmd = &command{
	name:    "summarize",
	summary: "mean, spread and confidence interval per combination of a sweep",
	usage:   "esgtsim summarize FILE... [--by PARAM]... [--metric M]... [--confidence 0.95] [--format text|csv|jsonl] [--out FILE]",
	about: `Summarize reads a sweep's output (CSV or JSON Lines, merged or the files
of its shards; - is standard input) and gives, for each combination of
parameter values and each metric, the mean over the seeds, the standard
deviation, the Student-t confidence interval (its half-width, and its
bounds in CSV and JSON Lines) and n, the number of seeds that define the
metric. Failed cells (a non-empty error) are counted per combination and
left out.

Combinations are the values of every parameter column, or of the --by
parameters only (repeatable or comma-separated; the full path or the part
after its last dot), pooling the others. Metrics are every figure column,
or the --metric ones. Shards may be given in any number: summarizing a
sweep still running, or some of its shards, is allowed and warned about;
a cell given twice is an error.

--format csv and jsonl write one row per combination and metric: the
--by columns, then metric, n, failed, mean, sd, ci_low, ci_high,
half_width (6 decimals; empty or null when undefined).`,
	example: `esgtsim summarize refractory.csv
esgtsim summarize shard-*.csv --by triggers.refractory_period --metric ignitions,success_rate
esgtsim sweep latency --param fabric.nodes=16,24 --seeds 1..20 | esgtsim summarize - --format csv`,
	flags: func(fs *pflag.FlagSet) {
		fs.StringArray("by", nil, "group by this parameter only, pooling the others (repeatable or comma-separated)")
		fs.StringArray("metric", nil, "summarize this figure column (repeatable or comma-separated; default: every figure)")
		fs.Float64("confidence", 0.95, "confidence level of the intervals, between 0 and 1")
		fs.String("format", "text", "output format: text, csv or jsonl")
		fs.String("out", "", "write the summary to FILE (- is standard output), whole or not at all")
	},
	run: runSimple(-1, runSummarize),
}

func runSummarize(e *env, fs *pflag.FlagSet, args []string) error {
	get := flagGetter{fs: fs}
	format, out, confidence := get.oneOf("format", "text", "csv", "jsonl"), get.str("out"), get.float("confidence")
	bySpecs, err := fs.GetStringArray("by")
	get.keep(err)
	metricSpecs, err := fs.GetStringArray("metric")
	get.keep(err)
	if get.err != nil {
		return e.usagef("%v", get.err)
	}
	if len(args) == 0 {
		return e.usagef("want at least one sweep file (or - for standard input)")
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
	var t sweep.Table
	for _, name := range args {
		var data []byte
		if name == "-" {
			data, err = io.ReadAll(os.Stdin)
			name = "standard input"
		} else {
			data, err = os.ReadFile(name)
		}
		if err != nil {
			return err
		}
		if err := t.ReadTable(name, data); err != nil {
			return e.inputError(err)
		}
	}
	missing, err := t.MissingShards()
	if err != nil {
		return e.inputError(err)
	}
	if len(missing) > 0 {
		fmt.Fprintf(e.stderr, "esgtsim: summarize: shard(s) %v of %d missing: the summary covers only the cells read\n", missing, t.Shards[0].Shards)
	}
	s, err := sweep.Summarize(&t, sweep.SummaryOptions{
		By: splitList(bySpecs), Metrics: splitList(metricSpecs), Confidence: confidence,
	})
	if err != nil {
		return e.inputError(err)
	}
	var buf bytes.Buffer
	switch format {
	case "csv":
		err = s.WriteCSV(&buf)
	case "jsonl":
		err = s.WriteJSONL(&buf)
	default:
		err = s.WriteText(&buf)
	}
	if err != nil {
		return err
	}
	return e.writeOutput(out, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
}

// splitList flattens repeatable, comma-separated flag values; nil when
// none is given.
func splitList(specs []string) []string {
	var out []string
	for _, s := range specs {
		for _, item := range strings.Split(s, ",") {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}
