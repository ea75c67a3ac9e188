package main

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
)

var showCmd = &command{
	name:    "show",
	summary: "print a built-in scenario file, or every key's default",
	usage:   "esgtsim show NAME\n       esgtsim show --defaults [--revision R]",
	about: `Show prints the TOML file of a built-in scenario, comments included: a
starting point for a scenario of your own (esgtsim show latency > mine.toml).

--defaults prints instead the effective default of every key, one
"table.key = value  # doc" line each (docs/configuration.md has the same
keys with their bounds): without --revision, the project's model
(what a scenario that names no revision runs with: the original's
` + spec.DefaultRevision + ` dynamics with the hardening it gained later); with
--revision R (` + strings.Join(spec.Revisions(), " or ") + `), what a scenario that says
revision = R and nothing else runs with, faithful to that revision.`,
	example: `esgtsim show latency
esgtsim show --defaults --revision 2025-10-07`,
	flags: func(fs *pflag.FlagSet) {
		fs.Bool("defaults", false, "print every key's default instead of a scenario")
		fs.String("revision", spec.ModelRevision, "with --defaults: a revision of the original (default: the project's model)")
	},
	run: runSimple(-1, func(e *env, fs *pflag.FlagSet, args []string) error {
		get := flagGetter{fs: fs}
		defaults, rev := get.bool("defaults"), get.str("revision")
		if err := get.err; err != nil {
			return e.usagef("%v", err)
		}
		if defaults {
			if len(args) != 0 {
				return e.usagef("--defaults takes no scenario name")
			}
			lines, err := spec.Defaults(rev)
			if err != nil {
				return e.usagef("--revision: %v", err)
			}
			_, err = fmt.Fprintln(e.stdout, strings.Join(lines, "\n"))
			return err
		}
		if fs.Changed("revision") {
			return e.usagef("--revision needs --defaults")
		}
		if len(args) != 1 {
			return e.usagef("want a built-in scenario's name (esgtsim list), or --defaults")
		}
		data, err := scenarios.BuiltinSource(args[0])
		if err != nil {
			return e.usagef("%v", err)
		}
		_, err = e.stdout.Write(data)
		return err
	}),
}
