package main

import (
	"errors"

	"github.com/spf13/pflag"
)

// kuramotoCmd is declared so that the command table is complete; it is
// implemented by a later change.
var kuramotoCmd = &command{
	name:    "kuramoto",
	summary: "integrate a Kuramoto network and print its coherence",
	usage:   "esgtsim kuramoto [flags]",
	about:   "Not implemented yet.",
	run: runSimple(-1, func(e *env, _ *pflag.FlagSet, _ []string) error {
		return errors.New("kuramoto: not implemented yet")
	}),
}
