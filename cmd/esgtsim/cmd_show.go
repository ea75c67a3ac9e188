package main

import (
	"errors"

	"github.com/spf13/pflag"
)

// showCmd is declared so that the command table is complete; it is
// implemented by a later change.
var showCmd = &command{
	name:    "show",
	summary: "print a built-in scenario file",
	usage:   "esgtsim show NAME",
	about:   "Not implemented yet.",
	run: runSimple(-1, func(e *env, _ *pflag.FlagSet, _ []string) error {
		return errors.New("show: not implemented yet")
	}),
}
