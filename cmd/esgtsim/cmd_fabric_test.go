package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/sim"
)

func TestFabricJSON(t *testing.T) {
	out, stderr, code := runCLI(t, "fabric", "--nodes", "32", "--seed", "3", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	for _, key := range []string{"nodes", "edges", "density", "clustering", "path_length", "efficiency",
		"algebraic_connectivity", "articulation_points", "path_redundancy", "compliance", "methods"} {
		if _, ok := rep[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
	if rep["nodes"] != 32.0 || rep["seed"] != 3.0 {
		t.Errorf("nodes %v seed %v, want 32 and 3", rep["nodes"], rep["seed"])
	}
	if aps, ok := rep["articulation_points"].([]any); !ok {
		t.Errorf("articulation_points is %T, want a list", rep["articulation_points"])
	} else {
		for _, ap := range aps {
			if v, ok := ap.(float64); !ok || v < 0 || v >= 32 {
				t.Errorf("articulation point %v is not a 0-based node index", ap)
			}
		}
	}
}

// TestFabricFlagOrder checks that flags are accepted in any order and give
// the same bytes, run after run.
func TestFabricFlagOrder(t *testing.T) {
	a, _, codeA := runCLI(t, "fabric", "--nodes", "20", "--seed", "9", "--format", "json")
	b, _, codeB := runCLI(t, "fabric", "--format=json", "--seed", "9", "--nodes=20")
	if codeA != 0 || codeB != 0 || a != b || a == "" {
		t.Errorf("flag order changed the output (exit %d, %d)", codeA, codeB)
	}
}

func TestFabricText(t *testing.T) {
	out, _, code := runCLI(t, "fabric", "--nodes", "8", "--seed", "1")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"TIG fabric", "8 nodes", "clustering", "algebraic connectivity", "exact, dense eigendecomposition",
		"path redundancy", "IIT compliance", "path_length", "reported, never enforced"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.TrimRight(line, " ") != line {
			t.Errorf("line %d has trailing spaces: %q", i+1, line)
		}
	}
}

// TestFabricExportEdges checks the CSV against the fabric the command
// generates, and that the write leaves no temporary file behind.
func TestFabricExportEdges(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "edges.csv")
	if err := os.WriteFile(file, []byte("old contents\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCLI(t, "fabric", "--nodes", "40", "--seed", "5", "--export-edges", file, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	cfg := fabric.DefaultConfig()
	cfg.Nodes = 40
	f, _ := fabric.New(cfg)
	if err := f.Initialize(sim.NewStream(5, "fabric")); err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, e := range f.Edges() {
		fmt.Fprintf(&want, "%d,%d\n", e[0], e[1])
	}
	got, err := os.ReadFile(file)
	if err != nil || string(got) != want.String() {
		t.Errorf("edge file differs from the generated fabric (%v)", err)
	}
	var rep struct{ Edges int }
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Edges != strings.Count(string(got), "\n") {
		t.Errorf("report says %d edges, file has %d lines", rep.Edges, strings.Count(string(got), "\n"))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only edges.csv", len(entries))
	}

	_, stderr, code = runCLI(t, "fabric", "--export-edges", filepath.Join(dir, "missing", "edges.csv"))
	if code != 1 || !strings.Contains(stderr, "--export-edges") || !strings.Contains(stderr, "does not exist") {
		t.Errorf("unwritable export: exit %d, stderr %q; want 1", code, stderr)
	}
}

func TestFabricBadFlagsExit2(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--nodes", "-5"}, "nodes -5 must be >= 2"},
		{[]string{"--nodes", "1"}, "nodes 1 must be >= 2"},
		{[]string{"--nodes", "abc"}, "invalid argument"},
		{[]string{"--min-degree", "16"}, "min_degree 16 must be < nodes 16"},
		{[]string{"--min-degree", "0"}, "min_degree 0 must be > 0"},
		{[]string{"--seed", "-1"}, "invalid argument"},
		{[]string{"--format", "xml"}, "--format must be text or json"},
		{[]string{"extra"}, "want 0 argument(s)"},
		{[]string{"--bogus"}, "unknown flag"},
	} {
		_, stderr, code := runCLI(t, append([]string{"fabric"}, tc.args...)...)
		if code != 2 || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "Run 'esgtsim help fabric' for usage.") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

// TestFabricFromEdges: the metrics of a fabric read back from its exported
// edge list are those of the generated fabric; a bad list exits 1 with its
// file and line.
func TestFabricFromEdges(t *testing.T) {
	file := filepath.Join(t.TempDir(), "edges.csv")
	gen, stderr, code := runCLI(t, "fabric", "--nodes", "40", "--seed", "5", "--export-edges", file, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	read, stderr, code := runCLI(t, "fabric", "--edges", file, "--format", "json")
	if code != 0 {
		t.Fatalf("--edges: exit %d: %s", code, stderr)
	}
	type structure struct {
		Nodes, Edges, PathRedundancy                                       int
		Density, Clustering, PathLength, Efficiency, AlgebraicConnectivity float64
		EdgesFile                                                          string `json:"edges_file"`
	}
	var a, b structure
	if err := json.Unmarshal([]byte(gen), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(read), &b); err != nil {
		t.Fatal(err)
	}
	if b.EdgesFile != file {
		t.Errorf("edges_file %q, want %q", b.EdgesFile, file)
	}
	b.EdgesFile = ""
	if a != b {
		t.Errorf("read back %+v, generated %+v", b, a)
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, []byte("0,1\n1,2\n0,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code = runCLI(t, "fabric", "--edges", bad)
	if code != 1 || !strings.Contains(stderr, bad+":3: link 0,1 is listed twice (first on line 1)") {
		t.Errorf("duplicate link: exit %d, stderr %q", code, stderr)
	}
}
