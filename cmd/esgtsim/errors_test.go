package main

import (
	"strings"
	"testing"
)

// TestErrorClasses: a command-line mistake exits 2 with the error and one
// hint line; bad input (a scenario, a key, a value) exits 1 with one line,
// positioned errors as FILE:LINE: KEY: message; close misspellings get a
// suggestion.
func TestErrorClasses(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"rnu", "burst"}, 2, `unknown command "rnu" (did you mean run?)`},
		{[]string{"run", "burst", "--sed", "3"}, 2, "unknown flag: --sed (did you mean --seed?)"},
		{[]string{"run", "lattency"}, 1, "(did you mean latency?)"},
		{[]string{"show", "lattency"}, 2, "(did you mean latency?)"},
		{[]string{"run", "burst", "--set", "fabric.nodez=3"}, 1, `esgtsim: --set fabric.nodez=3: fabric.nodez: unknown key (did you mean "nodes"?)`},
	} {
		stdout, stderr, code := runCLI(t, tc.args...)
		lines := strings.Count(stderr, "\n")
		if code != tc.code || !strings.Contains(stderr, tc.want) || stdout != "" {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
		if tc.code == 2 && (lines != 2 || !strings.Contains(stderr, "\nRun 'esgtsim help")) {
			t.Errorf("%v: a usage error is one line and a hint, got %q", tc.args, stderr)
		}
		if tc.code == 1 && lines != 1 {
			t.Errorf("%v: bad input is one line, got %q", tc.args, stderr)
		}
	}
}
