package main

import (
	"errors"

	"github.com/spf13/pflag"
)

// fabricCmd is declared so that the command table is complete; it is
// implemented by a later change.
var fabricCmd = &command{
	name:    "fabric",
	summary: "generate a TIG fabric and print its metrics",
	usage:   "esgtsim fabric --nodes N --seed S [flags]",
	about:   "Not implemented yet.",
	run: runSimple(-1, func(e *env, _ *pflag.FlagSet, _ []string) error {
		return errors.New("fabric: not implemented yet")
	}),
}
