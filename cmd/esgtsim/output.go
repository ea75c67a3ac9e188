package main

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/esgtsim/esgtsim/internal/atomicfile"
)

// writeOutput writes the output file of an output flag: "-" is the
// command's standard output, a regular file is written whole or not at
// all, devices and FIFOs in place (see package atomicfile).
func (e *env) writeOutput(path string, write func(io.Writer) error) error {
	return atomicfile.WriteTo(path, e.stdout, write)
}

// checkOutputs refuses, before anything runs, output flags whose file
// cannot be written (a directory, a missing parent directory: exit status
// 1, as any bad file), and two flags that would both write standard output
// (a usage error). flags alternates flag names and paths.
func (e *env) checkOutputs(flags ...string) error {
	var toStdout []string
	for i := 0; i+1 < len(flags); i += 2 {
		flag, path := flags[i], flags[i+1]
		if path == "" {
			continue
		}
		if path == atomicfile.Stdout {
			toStdout = append(toStdout, "--"+flag+" -")
			continue
		}
		if err := atomicfile.Check(path); err != nil {
			return fmt.Errorf("%s: --%s: %w", e.cmd.name, flag, err)
		}
	}
	if len(toStdout) > 1 { // any two outputs on standard output would interleave
		both := "both"
		if len(toStdout) > 2 {
			both = "all"
		}
		return e.usagef("%s would %s write standard output; send all but one to files", strings.Join(toStdout, " and "), both)
	}
	return nil
}

// gzipSuffix marks an output to compress.
const gzipSuffix = ".gz"

// compressed wraps write so that it writes gzip when path ends in .gz.
// The gzip header holds no name and no time, so the same content gives the
// same bytes.
func compressed(path string, write func(io.Writer) error) func(io.Writer) error {
	if !strings.HasSuffix(path, gzipSuffix) {
		return write
	}
	return func(w io.Writer) error {
		zw := gzip.NewWriter(w)
		if err := write(zw); err != nil {
			zw.Close()
			return err
		}
		if err := zw.Close(); err != nil {
			return fmt.Errorf("compress %s: %w", path, err)
		}
		return nil
	}
}

// interruptedOr explains err when the command's context is done (Ctrl-C,
// SIGTERM) and nothing was reported; other errors are returned as they
// are.
func interruptedOr(e *env, err error, while string) error {
	if e.ctx.Err() != nil && errors.Is(err, e.ctx.Err()) {
		return fmt.Errorf("%s: interrupted %s; nothing was written", e.cmd.name, while)
	}
	return err
}
