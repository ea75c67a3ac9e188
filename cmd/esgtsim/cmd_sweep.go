package main

import (
	"errors"

	"github.com/spf13/pflag"
)

// sweepCmd is declared so that the command table is complete; it is
// implemented by a later change.
var sweepCmd = &command{
	name:    "sweep",
	summary: "run a scenario over a grid of parameters and seeds",
	usage:   "esgtsim sweep NAME|FILE --param KEY=VALUES [flags]",
	about:   "Not implemented yet.",
	run: runSimple(-1, func(e *env, _ *pflag.FlagSet, _ []string) error {
		return errors.New("sweep: not implemented yet")
	}),
}
