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

// moduleVersion returns the main module's version from the build info.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
