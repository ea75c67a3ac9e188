package main

import (
	"errors"

	"github.com/spf13/pflag"
)

// runCmd is declared so that the command table is complete; it is
// implemented by a later change.
var runCmd = &command{
	name:    "run",
	summary: "run a scenario and report its results",
	usage:   "esgtsim run NAME|FILE [flags]",
	about:   "Not implemented yet.",
	run: runSimple(-1, func(e *env, _ *pflag.FlagSet, _ []string) error {
		return errors.New("run: not implemented yet")
	}),
}
