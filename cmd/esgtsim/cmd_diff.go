package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/scenarios/trace"
)

var diffCmd = &command{
	name:    "diff",
	summary: "find where two event traces first differ",
	usage:   "esgtsim diff TRACE_A TRACE_B",
	about: `Diff reads two JSON Lines traces written by "esgtsim run --trace" and
prints the first record at which they differ (every record carries the
running digest of the trace up to it), with its virtual time, from both
traces. Gzip-compressed traces (--trace FILE.gz) are read as they are, and
"-" reads standard input. Use it to find what changed between two builds,
seeds or settings.

As diff(1), it exits 0 when the traces are identical, 1 when they differ
and 2 when a trace cannot be read or is not a trace.`,
	example: `esgtsim run latency --trace a.jsonl
esgtsim run latency --set oscillator.coupling=15 --trace b.jsonl.gz
esgtsim diff a.jsonl b.jsonl.gz`,
	run: runSimple(2, func(e *env, _ *pflag.FlagSet, args []string) error {
		if args[0] == "-" && args[1] == "-" {
			return e.usagef("only one trace can be standard input")
		}
		a, closeA, err := openTrace(args[0])
		if err != nil {
			return &troubleError{err}
		}
		defer closeA()
		b, closeB, err := openTrace(args[1])
		if err != nil {
			return &troubleError{err}
		}
		defer closeB()
		div, err := trace.CompareNamedTraces(args[0], a, args[1], b)
		if err != nil {
			return &troubleError{err}
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

// troubleError is diff's "trouble" (exit status 2, as diff(1)): a trace
// that cannot be read or is not a trace.
type troubleError struct{ err error }

func (t *troubleError) Error() string { return t.err.Error() }
func (t *troubleError) Unwrap() error { return t.err }

// openTrace opens a trace file ("-" is standard input), decompressing it
// when it starts with the gzip magic number.
func openTrace(path string) (io.Reader, func() error, error) {
	f := os.Stdin
	if path != "-" {
		var err error
		if f, err = os.Open(path); err != nil {
			return nil, nil, err
		}
	}
	br := bufio.NewReader(f)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		return zr, f.Close, nil
	}
	return br, f.Close, nil
}
