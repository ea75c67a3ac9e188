package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/internal/strictoml"
)

// command is one esgtsim subcommand.
type command struct {
	name    string
	summary string // one line, shown by "esgtsim help"
	usage   string // synopsis line(s), e.g. "esgtsim run NAME|FILE [flags]"
	about   string // a paragraph or two
	example string // shell lines, shown under "Example:"
	// flags declares the command's flags on fs; nil for none.
	flags func(fs *pflag.FlagSet)
	// run executes the command with its arguments (flags not yet parsed).
	run func(e *env, args []string) error
}

// env is what a command may touch: the context, output streams and its own
// description. Commands never use os.Stdout, os.Stderr or os.Exit.
type env struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
	cmd    *command
}

// usageError is a mistake in the command line: it exits with status 2 and
// prints one line saying where the usage is, not the whole help.
type usageError struct {
	err  error
	hint string // e.g. "Run 'esgtsim help run' for usage."
}

func (u *usageError) Error() string { return u.err.Error() }

// usagef returns a usage error for e's command.
func (e *env) usagef(format string, a ...any) error {
	return &usageError{err: fmt.Errorf(e.cmd.name+": "+format, a...), hint: e.cmd.hint()}
}

// hint is the line that follows a usage error of the command.
func (c *command) hint() string {
	return fmt.Sprintf("Run 'esgtsim help %s' for usage.", c.name)
}

// mainHint is the line that follows a usage error before any command.
const mainHint = "Run 'esgtsim help' for the list of commands."

// inputError is bad input (a scenario file, a value, an override, a
// sweep's or a shard's content): exit status 1, one line. An error that
// already has its position (file:line: key: message) is shown as it is,
// as the go command shows its errors; others are prefixed with the
// command.
func (e *env) inputError(err error) error {
	var positioned *strictoml.Error
	if errors.As(err, &positioned) {
		return err
	}
	return fmt.Errorf("%s: %w", e.cmd.name, err)
}

// didYouMean returns " (did you mean X?)" for the known word nearest to
// word, or "" when none is close.
func didYouMean(word string, known []string) string {
	if best, ok := strictoml.Closest(word, known); ok {
		return fmt.Sprintf(" (did you mean %s?)", best)
	}
	return ""
}

// parse parses args with the command's flags, interspersed with positional
// arguments as users type them ("esgtsim run latency --seed 3"), and
// returns the positional arguments. --help prints the command's help and
// returns errHelp.
func (e *env) parse(fs *pflag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	fs.SetInterspersed(true)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(e.stdout, e.cmd.help())
			return nil, errHelp
		}
		return nil, e.usagef("%v%s", err, flagSuggestion(fs, err))
	}
	return fs.Args(), nil
}

// flagSuggestion returns " (did you mean --seed?)" for pflag's "unknown
// flag: --sed", or "".
func flagSuggestion(fs *pflag.FlagSet, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return ""
	}
	var known []string
	fs.VisitAll(func(f *pflag.Flag) { known = append(known, f.Name) })
	if best, ok := strictoml.Closest(name, known); ok {
		return " (did you mean --" + best + "?)"
	}
	return ""
}

// errHelp means help was printed; the command stops and exits 0.
var errHelp = errors.New("help printed")

// flagSet returns a new flag set with the command's flags declared.
func (c *command) flagSet() *pflag.FlagSet {
	fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
	fs.SortFlags = false
	if c.flags != nil {
		c.flags(fs)
	}
	return fs
}

// help returns the command's full help text.
func (c *command) help() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: %s\n\n%s\n", c.usage, strings.TrimSpace(c.about))
	if fs := c.flagSet(); fs.HasFlags() {
		fmt.Fprintf(&b, "\nFlags:\n%s", fs.FlagUsages())
	}
	if c.example != "" {
		fmt.Fprintf(&b, "\nExample:\n")
		for _, line := range strings.Split(strings.TrimSpace(c.example), "\n") {
			fmt.Fprintf(&b, "  %s\n", line)
		}
	}
	return b.String()
}

// mainUsage lists every command.
func mainUsage() string {
	var b strings.Builder
	b.WriteString("esgtsim: deterministic simulation of ESGT ignitions on a virtual clock.\n\n")
	b.WriteString("Usage: esgtsim <command> [arguments]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	b.WriteString("\nRun \"esgtsim help <command>\" for a command's flags and an example.\n")
	return b.String()
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// commands is the command table, in the order "esgtsim help" lists them.
// Each command lives in its own file, cmd_<name>.go.
var commands []*command

func init() {
	commands = []*command{
		runCmd, suiteCmd, listCmd, showCmd, fabricCmd, kuramotoCmd,
		sweepCmd, mergeCmd, summarizeCmd, compareCmd, plotCmd, diffCmd, versionCmd, helpCmd,
	}
}

// runSimple adapts a command that takes flags and a fixed number of
// positional arguments.
func runSimple(nargs int, body func(e *env, fs *pflag.FlagSet, args []string) error) func(e *env, args []string) error {
	return func(e *env, args []string) error {
		fs := e.cmd.flagSet()
		pos, err := e.parse(fs, args)
		if errors.Is(err, errHelp) {
			return nil
		}
		if err != nil {
			return err
		}
		if nargs >= 0 && len(pos) != nargs {
			return e.usagef("want %d argument(s), got %d", nargs, len(pos))
		}
		return body(e, fs, pos)
	}
}
