package main

import (
	"fmt"

	"github.com/spf13/pflag"
)

var helpCmd = &command{
	name:    "help",
	summary: "show help for esgtsim or one command",
	usage:   "esgtsim help [command]",
	about:   "Help prints the list of commands, or one command's flags and an example.",
	example: "esgtsim help run",
	run: runSimple(-1, func(e *env, _ *pflag.FlagSet, args []string) error {
		switch len(args) {
		case 0:
			fmt.Fprint(e.stdout, mainUsage())
			return nil
		case 1:
			c := lookup(args[0])
			if c == nil {
				return e.usagef("unknown command %q", args[0])
			}
			fmt.Fprint(e.stdout, c.help())
			return nil
		}
		return e.usagef("want at most one command name")
	}),
}
