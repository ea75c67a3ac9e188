package main

import (
	"strings"
	"testing"
)

// TestShowDefaults: every key's default at each revision, and misuse.
func TestShowDefaults(t *testing.T) {
	model, _, code := runCLI(t, "show", "--defaults")
	if code != 0 || !strings.HasPrefix(model, "# revision: none named, the project's model") || !strings.Contains(model, "\nhardening.enabled = true  # enable the token bucket") {
		t.Fatalf("show --defaults: exit %d, output starts %q", code, model[:min(len(model), 80)])
	}
	old, _, code := runCLI(t, "show", "--defaults", "--revision", "2025-10-07")
	if code != 0 || !strings.HasPrefix(old, "revision = \"2025-10-07\"  # ") || !strings.Contains(old, "\noscillator.normalization = \"degree\"  # ") || !strings.Contains(old, "\nhardening.enabled = false  # ") {
		t.Fatalf("show --defaults --revision 2025-10-07: exit %d, output starts %q", code, old[:min(len(old), 80)])
	}
	later, _, code := runCLI(t, "show", "--defaults", "--revision", "2025-11-15")
	if code != 0 || !strings.Contains(later, "\noscillator.coupling = 20.0  # coupling strength K, rad/s\n") || !strings.Contains(later, "\nhardening.token_charge = \"every_call\"  # ") {
		t.Fatalf("show --defaults --revision 2025-11-15: exit %d\n%s", code, later)
	}
	for _, args := range [][]string{
		{"show", "--defaults", "--revision", "2024-01-01"},
		{"show", "--defaults", "latency"},
		{"show", "--revision", "2025-11-15", "latency"},
		{"show"},
	} {
		if _, stderr, code := runCLI(t, args...); code != 2 || !strings.Contains(stderr, "Run 'esgtsim help show' for usage.") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}
