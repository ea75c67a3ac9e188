// Package scenarios runs esgtsim's declarative scenarios and summarises
// what happened.
//
// A scenario is a TOML file (or one of the built-ins embedded in the
// binary, listed by [Builtins]) that sets only what it changes from the
// model's defaults. Package [github.com/esgtsim/esgtsim/scenarios/spec]
// owns the file: its tables, defaults, revisions and validation. This
// package adds the built-ins and the run: [Load] reads a built-in by name
// or a file by path, [Parse] reads TOML text; both apply "table.key=value"
// overrides as the command line's --set does, check the file's criteria
// against this package's run report ([ReportSchema]), and refuse a bad
// file with an error of the form "file:line: key: message".
//
// [Run] wires the model onto a fresh simulator, runs it to the scenario's
// duration in virtual time and returns a [Result] whose [Summary] is the
// run report ("esgtsim run --format json" prints it). A run is a function
// of the scenario, the overrides and the seed only: the same inputs give
// the same bytes on every machine. [Options] add an event trace, the
// invariant checker, or an observer of every event.
//
// Traces: every recorded event is a [trace.Event] that feeds the run's
// running [trace.Digest] (Options.OnEvent sees each one, Options.Trace
// writes them as JSON Lines); [trace.CompareTraces] and [CheckDeterminism]
// find the first record at which two runs differ. Package
// [github.com/esgtsim/esgtsim/scenarios/trace] owns the records, the digest
// and the trace format.
package scenarios
