package fabric

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/spectral"
	"gonum.org/v1/gonum/graph/topo"
	"gonum.org/v1/gonum/mat"
)

// gonumGraphs returns g as gonum's undirected graph and as a directed graph
// with a unit-capacity arc each way per link.
func gonumGraphs(g *graph) (*simple.UndirectedGraph, *simple.WeightedDirectedGraph) {
	u := simple.NewUndirectedGraph()
	d := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for v := range int64(g.n) {
		u.AddNode(simple.Node(v))
		d.AddNode(simple.Node(v))
	}
	for a := range int32(g.n) {
		for _, b := range g.nbr[g.off[a]:g.off[a+1]] {
			d.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(a), T: simple.Node(b), W: 1})
			if b > a {
				u.SetEdge(simple.Edge{F: simple.Node(a), T: simple.Node(b)})
			}
		}
	}
	return u, d
}

// TestAgainstGonum checks the CSR kernels against gonum's graph algorithms
// on live graphs with nodes offline: shortest paths (Dijkstra, all pairs),
// connected components, maximum flow (Dinic) and the Laplacian spectrum.
func TestAgainstGonum(t *testing.T) {
	for _, tc := range []struct {
		name     string
		n        int
		crash    []int
		isolated []int // nodes whose links are all cut
	}{
		{"fabric-48", 48, nil, nil},
		{"fabric-96-hubs-down", 96, []int{0, 1, 2, 3, 4, 5}, nil},
		{"fabric-150-disconnected", 150, []int{3}, []int{7, 100}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := generated(t, tc.n, testSeed)
			for _, i := range tc.crash {
				if err := f.CrashNode(i); err != nil {
					t.Fatal(err)
				}
			}
			for _, i := range tc.isolated {
				for _, j := range slices.Clone(f.Neighbors(i)) {
					if err := f.CutLink(i, int(j)); err != nil {
						t.Fatal(err)
					}
				}
			}
			g, _ := f.live()
			ug, dg := gonumGraphs(g)

			comp, sizes := g.components()
			if cc := topo.ConnectedComponents(ug); len(cc) != len(sizes) {
				t.Errorf("%d components, gonum %d", len(sizes), len(cc))
			}

			if len(sizes) != len(tc.isolated)+1 {
				t.Fatalf("%d components, want %d", len(sizes), len(tc.isolated)+1)
			}
			largest := int32(slices.Index(sizes, slices.Max(sizes)))
			all := path.DijkstraAllPaths(ug)
			var inv, sum, pairs float64
			for u := range int64(g.n) {
				for v := range int64(g.n) {
					if w := all.Weight(u, v); u != v && !math.IsInf(w, 1) {
						inv += 1 / w
						if comp[u] == largest {
							sum += w
							pairs++
						}
					}
				}
			}
			ps := g.shortestPaths(comp, largest, g.n, 0, nil)
			if want := inv / float64(g.n*(g.n-1)); math.Abs(ps.efficiency-want) > 1e-12 {
				t.Errorf("efficiency %v, gonum Dijkstra %v", ps.efficiency, want)
			}
			if want := sum / pairs; math.Abs(ps.length-want) > 1e-12 {
				t.Errorf("path length %v, gonum Dijkstra over the largest component %v", ps.length, want)
			}

			mf := newMaxFlow(g)
			pick := newTestRand(testSeed)
			for range 25 {
				s, u := int32(pick.IntN(g.n)), int32(pick.IntN(g.n))
				if s == u {
					continue
				}
				want := network.MaxFlowDinic(dg, simple.Node(s), simple.Node(u), 1e-9)
				if got := mf.run(s, u); float64(got) != math.Round(want) {
					t.Fatalf("λ(%d, %d) = %d, gonum MaxFlowDinic %v", s, u, got, want)
				}
			}

			var eig mat.EigenSym
			if !eig.Factorize(spectral.NewLaplacian(ug).Matrix.(mat.Symmetric), false) {
				t.Fatal("gonum eigendecomposition failed")
			}
			if got, want := g.fiedlerDense(), eig.RawValues()[1]; math.Abs(got-want) > 1e-12 {
				t.Errorf("λ₂ %v, from gonum's spectral.NewLaplacian %v", got, want)
			}
		})
	}
}
