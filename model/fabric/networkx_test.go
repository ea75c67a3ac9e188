package fabric

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/graphs.json (then rerun testdata/networkx_reference.py)")

// referenceGraph is one entry of testdata/graphs.json: a live graph in
// fabric node ids.
type referenceGraph struct {
	Name  string   `json:"name"`
	Nodes []int    `json:"nodes"`
	Edges [][2]int `json:"edges"`
}

// referenceValues is one graph's entry of testdata/networkx.json.
type referenceValues struct {
	Density               float64 `json:"density"`
	Clustering            float64 `json:"clustering"`
	PathLength            float64 `json:"path_length"`
	Efficiency            float64 `json:"efficiency"`
	AlgebraicConnectivity float64 `json:"algebraic_connectivity"`
	ArticulationPoints    []int   `json:"articulation_points"`
	PathRedundancy        int     `json:"path_redundancy"`
	PathRedundancyMean    float64 `json:"path_redundancy_mean"`
}

// referenceFabrics are the graphs checked against networkx: the hand-known
// shapes, generated fabrics (seed 1, the CLI's stream), and live graphs
// with a node offline or links cut.
func referenceFabrics(t *testing.T) map[string]*Fabric {
	crash := func(f *Fabric, nodes ...int) *Fabric {
		for _, i := range nodes {
			if err := f.CrashNode(i); err != nil {
				t.Fatal(err)
			}
		}
		return f
	}
	cutAround := func(f *Fabric, i int) *Fabric {
		for _, j := range slices.Clone(f.Neighbors(i)) {
			if err := f.CutLink(i, int(j)); err != nil {
				t.Fatal(err)
			}
		}
		return f
	}
	return map[string]*Fabric{
		"complete-6":            fromEdges(t, 6, complete(6)),
		"ring-12":               fromEdges(t, 12, ring(12)),
		"star-7":                fromEdges(t, 8, star(7)),
		"path-9":                fromEdges(t, 9, pathGraph(9)),
		"barbell-5":             fromEdges(t, 10, barbell(5)),
		"fabric-16":             generated(t, 16, testSeed),
		"fabric-32":             generated(t, 32, testSeed),
		"fabric-64":             generated(t, 64, testSeed),
		"fabric-64-seed-2":      generated(t, 64, 2),
		"fabric-32-node-0-down": crash(generated(t, 32, testSeed), 0),
		"fabric-64-hubs-down":   crash(generated(t, 64, testSeed), 0, 1, 2),
		"fabric-24-isolated":    cutAround(generated(t, 24, testSeed), 7),
	}
}

func liveGraphOf(name string, f *Fabric) referenceGraph {
	g, orig := f.live()
	rg := referenceGraph{Name: name, Nodes: []int{}, Edges: [][2]int{}}
	for c, u := range orig {
		rg.Nodes = append(rg.Nodes, int(u))
		for _, v := range g.nbr[g.off[c]:g.off[c+1]] {
			if int(v) > c {
				rg.Edges = append(rg.Edges, [2]int{int(u), int(orig[v])})
			}
		}
	}
	return rg
}

// TestAgainstNetworkx compares Metrics with networkx's values
// (testdata/networkx.json) to 1e-9, and pins the generated graphs
// (testdata/graphs.json), so a change to the generator fails here too.
func TestAgainstNetworkx(t *testing.T) {
	fabrics := referenceFabrics(t)
	names := make([]string, 0, len(fabrics))
	for name := range fabrics {
		names = append(names, name)
	}
	slices.Sort(names)
	var graphs []referenceGraph
	for _, name := range names {
		graphs = append(graphs, liveGraphOf(name, fabrics[name]))
	}
	got, err := json.Marshal(graphs)
	if err != nil {
		t.Fatal(err)
	}
	graphsFile := filepath.Join("testdata", "graphs.json")
	if *update {
		if err := os.WriteFile(graphsFile, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("wrote testdata/graphs.json; now run testdata/networkx_reference.py")
	}
	want, err := os.ReadFile(graphsFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.TrimSpace(want), got) {
		t.Fatalf("the generated graphs differ from %s: the generator changed; if on purpose, rerun with -update and regenerate networkx.json", graphsFile)
	}

	raw, err := os.ReadFile(filepath.Join("testdata", "networkx.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Graphs map[string]referenceValues `json:"graphs"`
	}
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			want, ok := ref.Graphs[name]
			if !ok {
				t.Fatalf("no networkx values for %s: rerun testdata/networkx_reference.py", name)
			}
			m := fabrics[name].Metrics(nil)
			for _, c := range []struct {
				what      string
				got, want float64
			}{
				{"density", m.Density, want.Density},
				{"clustering", m.Clustering, want.Clustering},
				{"path_length", m.PathLength, want.PathLength},
				{"efficiency", m.Efficiency, want.Efficiency},
				{"algebraic_connectivity", m.AlgebraicConnectivity, want.AlgebraicConnectivity},
				{"path_redundancy_mean", m.PathRedundancyMean, want.PathRedundancyMean},
			} {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("%s = %.15g, networkx %.15g", c.what, c.got, c.want)
				}
			}
			if !slices.Equal(m.ArticulationPoints, want.ArticulationPoints) {
				t.Errorf("articulation points %v, networkx %v", m.ArticulationPoints, want.ArticulationPoints)
			}
			if m.PathRedundancy != want.PathRedundancy {
				t.Errorf("path redundancy %d, networkx edge_connectivity %d", m.PathRedundancy, want.PathRedundancy)
			}
		})
	}
}
