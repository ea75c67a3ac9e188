package scenarios

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFiles writes name → content into a fresh directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// ring returns the edge list of a ring of n nodes with chords to i+2.
func ring(n int) string {
	var b strings.Builder
	for i := range n {
		for _, d := range []int{1, 2} {
			a, c := i, (i+d)%n
			fmt.Fprintf(&b, "%d,%d\n", min(a, c), max(a, c))
		}
	}
	return b.String()
}

// TestFabricFromEdgeFile: a scenario runs on the fabric its edge list
// describes, found relative to the scenario file, with faults on it.
func TestFabricFromEdgeFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"s/ring.csv": "# a ring of 12 with chords\n" + ring(12),
		"s/x.toml": "duration = \"5s\"\n[fabric]\nedges = \"ring.csv\"\n[[workload]]\nkind = \"constant\"\nrate_hz = 4\n" +
			"[[fault]]\nat = \"2s\"\nkind = \"node_crash\"\nnode = 3\n",
	})
	sc, err := Load(filepath.Join(dir, "s", "x.toml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Spec.Fabric.Nodes != 12 {
		t.Fatalf("%d nodes, want the list's 12", sc.Spec.Fabric.Nodes)
	}
	res, err := Run(context.Background(), sc, Options{Check: true})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Summary
	if s.Fabric.Nodes != 12 || s.Fabric.Edges != 24 || s.Requests.Succeeded == 0 || s.Faults != 1 {
		t.Errorf("fabric %d nodes %d edges, %d successes, %d faults", s.Fabric.Nodes, s.Fabric.Edges, s.Requests.Succeeded, s.Faults)
	}
}
