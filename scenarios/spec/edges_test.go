package spec

import (
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

// TestEdgeFileErrors: problems in the list are reported at the scenario's
// key and at the list's own line.
func TestEdgeFileErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"loop.csv": "0,1\n1,2\n2,0\n3,3\n",
		"ring.csv": ring(12),
	})
	for _, tc := range []struct{ doc, want string }{
		{"[fabric]\nedges = \"loop.csv\"\n", "x.toml:2: fabric.edges: " + filepath.Join(dir, "loop.csv") + ":4: node 3 is linked to itself"},
		{"[fabric]\nnodes = 8\nedges = \"ring.csv\"\n", "x.toml:3: fabric.edges: " + filepath.Join(dir, "ring.csv") + ":14: second node: node id 8 is out of range: the fabric has nodes 0 to 7"},
		{"[fabric]\nedges = \"none.csv\"\n", "x.toml:2: fabric.edges: open " + filepath.Join(dir, "none.csv")},
	} {
		_, err := Parse(filepath.Join(dir, "x.toml"), []byte(tc.doc), nil, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.doc, err, tc.want)
		}
	}
}
