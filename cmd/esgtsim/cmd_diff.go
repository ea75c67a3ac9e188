package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/scenarios"
)

var diffCmd = &command{
	name:    "diff",
	summary: "find where two event traces first differ",
	usage:   "esgtsim diff TRACE_A TRACE_B",
	about: `Diff reads two JSON Lines traces written by "esgtsim run --trace" and
prints the first record at which they differ (every record carries the
running digest of the trace up to it), with its virtual time, from both
traces. It exits 0 when the traces are identical and 1 when they differ.
Use it to find what changed between two builds, seeds or settings.`,
	example: `esgtsim run latency --trace a.jsonl
esgtsim run latency --set oscillator.coupling=15 --trace b.jsonl
esgtsim diff a.jsonl b.jsonl`,
	run: runSimple(2, func(e *env, _ *pflag.FlagSet, args []string) error {
		a, err := os.Open(args[0])
		if err != nil {
			return err
		}
		defer a.Close()
		b, err := os.Open(args[1])
		if err != nil {
			return err
		}
		defer b.Close()
		div, err := scenarios.CompareTraces(a, b)
		if err != nil {
			return err
		}
		if div == nil {
			fmt.Fprintln(e.stdout, "identical")
			return nil
		}
		fmt.Fprintf(e.stdout, "%s\n", div)
		return errDiffer
	}),
}

// errDiffer makes diff exit 1 when the traces differ, like diff(1).
var errDiffer = errors.New("the traces differ")
