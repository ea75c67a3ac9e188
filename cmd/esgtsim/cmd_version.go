package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/pflag"
)

var versionCmd = &command{
	name:    "version",
	summary: "print the esgtsim and Go versions",
	usage:   "esgtsim version",
	about:   "Version prints the module version esgtsim was built from (\"(devel)\" for a build from a source tree) and the Go version.",
	example: "esgtsim version",
	run: runSimple(0, func(e *env, _ *pflag.FlagSet, _ []string) error {
		fmt.Fprintf(e.stdout, "esgtsim %s %s %s/%s\n", moduleVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return nil
	}),
}

// moduleVersion returns the main module's version from the build info. A
// build from a source tree has none ("(devel)"); the VCS revision, when the
// build recorded it, follows in parentheses, with "+dirty" for uncommitted
// changes, so that two development builds are told apart.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	if v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev != "" {
		v += " (" + rev[:min(len(rev), 12)] + dirty + ")"
	}
	return v
}
