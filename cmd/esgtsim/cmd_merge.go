package main

import (
	"errors"

	"github.com/spf13/pflag"
)

// mergeCmd is declared so that the command table is complete; it is
// implemented by a later change.
var mergeCmd = &command{
	name:    "merge",
	summary: "combine sharded sweep outputs",
	usage:   "esgtsim merge FILES... [--out FILE]",
	about:   "Not implemented yet.",
	run: runSimple(-1, func(e *env, _ *pflag.FlagSet, _ []string) error {
		return errors.New("merge: not implemented yet")
	}),
}
