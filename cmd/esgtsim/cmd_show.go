package main

import (
	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/scenarios"
)

var showCmd = &command{
	name:    "show",
	summary: "print a built-in scenario file",
	usage:   "esgtsim show NAME",
	about: `Show prints the TOML file of a built-in scenario, comments included: a
starting point for a scenario of your own (esgtsim show latency > mine.toml).`,
	example: "esgtsim show latency",
	run: runSimple(1, func(e *env, _ *pflag.FlagSet, args []string) error {
		data, err := scenarios.BuiltinSource(args[0])
		if err != nil {
			return e.usagef("%v", err)
		}
		_, err = e.stdout.Write(data)
		return err
	}),
}
