package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/scenarios"
)

var listCmd = &command{
	name:    "list",
	summary: "list the built-in scenarios",
	usage:   "esgtsim list",
	about:   "List prints one built-in scenario per line: its name, then a one-line description.",
	example: "esgtsim list",
	run: runSimple(0, func(e *env, _ *pflag.FlagSet, _ []string) error {
		for _, info := range scenarios.Builtins() {
			fmt.Fprintf(e.stdout, "%-20s %s\n", info.Name, info.Description)
		}
		return nil
	}),
}
