package scenarios

import (
	"strings"
	"testing"
)

// TestBuiltinsAreDocumented: every built-in loads, describes itself in one
// line, and opens with a comment saying what it reproduces and measures.
func TestBuiltinsAreDocumented(t *testing.T) {
	want := []string{"arousal-modulation", "burst", "cascade-failure", "concurrency", "end-to-end",
		"fabric-cycling", "high-load", "immune-burst", "latency", "load-full", "load-short",
		"memory-pressure", "original-load-full", "pipeline-latency", "recovery"}
	infos := Builtins()
	if len(infos) != len(want) {
		t.Fatalf("%d built-ins, want %d", len(infos), len(want))
	}
	for i, info := range infos {
		if info.Name != want[i] {
			t.Errorf("built-in %d is %q, want %q", i, info.Name, want[i])
		}
		src, _ := BuiltinSource(info.Name)
		text := string(src)
		if !strings.HasPrefix(text, "# "+info.Name+":") || !strings.Contains(text, "# Reproduces:") || !strings.Contains(text, "# Measures:") {
			t.Errorf("%s: header comment must name it and say what it reproduces and measures", info.Name)
		}
		if info.Description == "" || strings.Contains(info.Description, "\n") {
			t.Errorf("%s: description %q", info.Name, info.Description)
		}
	}
	if _, err := Load("no-such-scenario", nil); err == nil || !strings.Contains(err.Error(), "neither a built-in") {
		t.Errorf("Load of a missing scenario: %v", err)
	}
}
