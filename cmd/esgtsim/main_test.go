package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// runCLI runs esgtsim with args and returns stdout, stderr and the exit code.
func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return runCLIContext(t, context.Background(), args...)
}

// runCLIContext is runCLI under ctx, which a test cancels to stand for
// SIGINT or SIGTERM.
func runCLIContext(t *testing.T, ctx context.Context, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := exitCode(&stderr, run(ctx, &stdout, &stderr, args))
	return stdout.String(), stderr.String(), code
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no command", nil, "no command given"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"version", "--bogus"}, "unknown flag: --bogus"},
		{"extra argument", []string{"version", "extra"}, "want 0 argument(s)"},
		{"help for unknown command", []string{"help", "nope"}, `unknown command "nope"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tc.args...)
			if code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			if !strings.Contains(stderr, tc.stderr) || !strings.Contains(stderr, "Run 'esgtsim help") || strings.Contains(stderr, "Usage:") {
				t.Errorf("stderr lacks %q or the usage text:\n%s", tc.stderr, stderr)
			}
			if stdout != "" {
				t.Errorf("usage error wrote to stdout: %q", stdout)
			}
		})
	}
}

// TestHelpCoversEveryCommand checks the usage text: the command list names
// every command, and each command's help has a usage line and an example.
func TestHelpCoversEveryCommand(t *testing.T) {
	list, _, code := runCLI(t, "help")
	if code != 0 {
		t.Fatalf("help exited %d", code)
	}
	for _, c := range commands {
		if !strings.Contains(list, "  "+c.name+" ") {
			t.Errorf("help does not list %s", c.name)
		}
		for _, args := range [][]string{{"help", c.name}, {c.name, "--help"}} {
			out, _, code := runCLI(t, args...)
			if code != 0 || !strings.HasPrefix(out, "Usage: esgtsim "+c.name) {
				t.Errorf("%v: exit %d, output %q", args, code, out)
			}
		}
	}
}

func TestVersion(t *testing.T) {
	out, _, code := runCLI(t, "version")
	if code != 0 || !strings.HasPrefix(out, "esgtsim ") || !strings.Contains(out, " go1.") {
		t.Fatalf("version: exit %d, %q", code, out)
	}
}
