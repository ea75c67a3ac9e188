package main

import (
	"errors"

	"github.com/spf13/pflag"
)

// listCmd is declared so that the command table is complete; it is
// implemented by a later change.
var listCmd = &command{
	name:    "list",
	summary: "list the built-in scenarios",
	usage:   "esgtsim list",
	about:   "Not implemented yet.",
	run: runSimple(-1, func(e *env, _ *pflag.FlagSet, _ []string) error {
		return errors.New("list: not implemented yet")
	}),
}
