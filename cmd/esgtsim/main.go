// Command esgtsim runs deterministic discrete-event simulations of the ESGT
// "global ignition" model: a TIG fabric, Kuramoto synchronisation, an
// ignition coordinator, arousal and interoception, all on a virtual clock
// driven by a seed.
//
// Usage:
//
//	esgtsim <command> [arguments]
//
// Run "esgtsim help" for the list of commands and "esgtsim help <command>"
// (or "esgtsim <command> --help") for one command's flags and an example.
//
// Results go to standard output, diagnostics and progress to standard error.
// The exit status is 0 on success, 1 when a run fails or the input is bad
// (esgtsim: FILE:LINE: KEY: message), 2 on a usage error (the error and a
// one-line hint) and 3 when a run or suite completed but an asserted
// criterion failed.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(exitCode(os.Stderr, run(ctx, os.Stdout, os.Stderr, os.Args[1:])))
}

// exitCode reports err on stderr and maps it to the process exit status.
func exitCode(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var f *criteriaError
	if errors.As(err, &f) {
		fmt.Fprintf(stderr, "esgtsim: %v\n", f)
		return exitCriteria
	}
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintf(stderr, "esgtsim: %v\n%s\n", u.err, u.hint)
		return 2
	}
	fmt.Fprintf(stderr, "esgtsim: %v\n", err)
	var trouble *troubleError
	if errors.As(err, &trouble) {
		return 2
	}
	return 1
}

// run dispatches args to a command. It is main without the process: tests
// call it with buffers.
func run(ctx context.Context, stdout, stderr io.Writer, args []string) error {
	if len(args) == 0 {
		return &usageError{err: errors.New("no command given"), hint: mainHint}
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "--help", "-help":
		fmt.Fprint(stdout, mainUsage())
		return nil
	case "-v", "--version":
		name = "version"
	}
	c := lookup(name)
	if c == nil {
		names := make([]string, len(commands))
		for i, c := range commands {
			names[i] = c.name
		}
		return &usageError{err: fmt.Errorf("unknown command %q%s", name, didYouMean(name, names)), hint: mainHint}
	}
	return c.run(&env{ctx: ctx, stdout: stdout, stderr: stderr, cmd: c}, rest)
}
