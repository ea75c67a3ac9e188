package spec

import (
	"strings"
	"testing"
)

// TestOriginalErrors: each model refuses a scenario without what it reads.
func TestOriginalErrors(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{"[arousal]\nenabled = false\n[bridge]\nenabled = false\n[original]\nmcea_threshold = true\n", "o.toml:6: original.mcea_threshold: MCEA's threshold needs [arousal]"},
		{"[needs]\nenabled = false\n[original]\ngoals = true\n", "o.toml:4: original.goals"},
		{"[original.resilience]\nenabled = true\nstress_start = \"5s\"\nstress_end = \"5s\"\n", "o.toml:4: original.resilience.stress_end"},
		{"duration = \"30s\"\n[original.resilience]\nenabled = true\nstress_end = \"5s\"\n", "original.resilience.recovery: the recovery phase ends (1m5s) after the run (30s)"},
	} {
		_, err := Parse("o.toml", []byte(tc.doc), nil, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.doc, err, tc.want)
		}
	}
}
