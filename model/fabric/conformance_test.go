package fabric

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/esgtsim/esgtsim/sim"
)

// networkxFigures are the metrics networkx computed for an edge list in
// testdata/conformance (fabric_seed42.json, original_fabric32.json).
type networkxFigures struct {
	Nodes                 int     `json:"nodes"`
	Edges                 int     `json:"edges"`
	Density               float64 `json:"density"`
	Clustering            float64 `json:"clustering"`
	PathLength            float64 `json:"path_length"`
	Efficiency            float64 `json:"efficiency"`
	AlgebraicConnectivity float64 `json:"algebraic_connectivity"`
	ArticulationPoints    []int   `json:"articulation_points"`
	EdgeConnectivity      *int    `json:"edge_connectivity"`
}

// conformanceFile returns the path of a file in testdata/conformance.
func conformanceFile(name string) string { return filepath.Join("testdata", "conformance", name) }

func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	raw, err := os.ReadFile(conformanceFile(name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}

// fabricFromFile builds the fabric of an edge list in testdata/conformance.
func fabricFromFile(t *testing.T, name string) *Fabric {
	t.Helper()
	file, err := os.Open(conformanceFile(name))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	list, err := ReadEdgeList(name, file, 0)
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Nodes, cfg.MinDegree = list.Nodes, 1
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.InitializeFromEdges(list, sim.NewStream(1, "fabric")); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestConformanceFabrics: the metrics of the original's own 32-node
// fabrics (both revisions of its generator) and of esgtsim's seed-42
// fabrics, read from their edge lists, agree with networkx's figures to
// 1e-9, and path redundancy is networkx's edge connectivity.
func TestConformanceFabrics(t *testing.T) {
	var original struct {
		Networkx networkxFigures `json:"networkx_metrics"`
		Earlier  struct {
			Networkx networkxFigures `json:"networkx_metrics"`
		} `json:"revision_2025_10_07"`
	}
	readJSON(t, "original_fabric32.json", &original)
	var ours struct {
		Files map[string]struct {
			Networkx networkxFigures `json:"networkx_metrics"`
		} `json:"files"`
	}
	readJSON(t, "fabric_seed42.json", &ours)
	for _, c := range []struct {
		name string
		want networkxFigures
	}{
		{"original_fabric32.csv", original.Networkx},
		{"original_fabric32_2025-10-07.csv", original.Earlier.Networkx},
		{"fabric32_seed42.csv", ours.Files["fabric32_seed42.csv"].Networkx},
		{"fabric128_seed42.csv", ours.Files["fabric128_seed42.csv"].Networkx},
	} {
		name, want := c.name, c.want
		t.Run(name, func(t *testing.T) {
			if want.Nodes == 0 {
				t.Fatal("no networkx figures for it")
			}
			m := fabricFromFile(t, name).Metrics(sim.NewStream(1, "fabric/metrics"))
			if m.Nodes != want.Nodes || m.Edges != want.Edges {
				t.Fatalf("%d nodes, %d edges; networkx %d, %d", m.Nodes, m.Edges, want.Nodes, want.Edges)
			}
			for _, v := range []struct {
				name      string
				got, want float64
			}{
				{"density", m.Density, want.Density}, {"clustering", m.Clustering, want.Clustering},
				{"path length", m.PathLength, want.PathLength}, {"efficiency", m.Efficiency, want.Efficiency},
				{"algebraic connectivity", m.AlgebraicConnectivity, want.AlgebraicConnectivity},
			} {
				if !(math.Abs(v.got-v.want) <= 1e-9) {
					t.Errorf("%s %.15g, networkx %.15g", v.name, v.got, v.want)
				}
			}
			if !slices.Equal(m.ArticulationPoints, want.ArticulationPoints) && len(m.ArticulationPoints)+len(want.ArticulationPoints) > 0 {
				t.Errorf("articulation points %v, networkx %v", m.ArticulationPoints, want.ArticulationPoints)
			}
			if want.EdgeConnectivity != nil && m.PathRedundancy != *want.EdgeConnectivity {
				t.Errorf("path redundancy %d, networkx edge connectivity %d", m.PathRedundancy, *want.EdgeConnectivity)
			}
		})
	}
}

// TestConformanceGeneratorStable: the generator still builds, for 32 and
// 128 nodes at seed 42, the fabrics whose edge lists the conformance data
// was computed on.
func TestConformanceGeneratorStable(t *testing.T) {
	for _, c := range []struct {
		name  string
		nodes int
	}{{"fabric32_seed42.csv", 32}, {"fabric128_seed42.csv", 128}} {
		name, nodes := c.name, c.nodes
		cfg := DefaultConfig()
		cfg.Nodes = nodes
		f, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Initialize(sim.NewStream(42, "fabric")); err != nil {
			t.Fatal(err)
		}
		if got, want := f.Edges(), fabricFromFile(t, name).Edges(); !slices.Equal(got, want) {
			t.Errorf("%s: the generator gives %d links, the file %d, or they differ", name, len(got), len(want))
		}
	}
}
