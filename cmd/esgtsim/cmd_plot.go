package main

import (
	"errors"

	"github.com/spf13/pflag"
)

// plotCmd is declared so that the command table is complete; it is
// implemented by a later change.
var plotCmd = &command{
	name:    "plot",
	summary: "draw plots of a run or a sweep",
	usage:   "esgtsim plot NAME|FILE [flags]",
	about:   "Not implemented yet.",
	run: runSimple(-1, func(e *env, _ *pflag.FlagSet, _ []string) error {
		return errors.New("plot: not implemented yet")
	}),
}
