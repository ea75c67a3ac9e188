package main

import (
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/htmlreport"
	"github.com/esgtsim/esgtsim/internal/atomicfile"
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
