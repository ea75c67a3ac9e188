package fabric

import (
	"math"
	"slices"
	"testing"
)

// TestMetricsHandKnown checks every structural metric on graphs whose
// answers are known in closed form.
func TestMetricsHandKnown(t *testing.T) {
	cos := math.Cos
	for _, tc := range []struct {
		name   string
		n      int
		edges  [][2]int
		reason string
		// expected
		density, clustering, pathLength, efficiency, lambda2 float64
		articulation                                         []int
		redundancyMin                                        int
		redundancyMean                                       float64
	}{
		{
			name: "complete K5", n: 5, edges: complete(5),
			reason:  "every pair adjacent: λ₂ = n, λ(u,v) = n−1",
			density: 1, clustering: 1, pathLength: 1, efficiency: 1, lambda2: 5,
			articulation: []int{}, redundancyMin: 4, redundancyMean: 4,
		},
		{
			name: "ring C6", n: 6, edges: ring(6),
			reason:  "distances 1,1,2,2,3 from each node; λ₂ = 2−2cos(2π/n); two disjoint arcs",
			density: 6.0 / 15, clustering: 0, pathLength: 9.0 / 5, efficiency: (1 + 1 + 0.5 + 0.5 + 1.0/3) / 5,
			lambda2: 2 - 2*cos(2*math.Pi/6), articulation: []int{}, redundancyMin: 2, redundancyMean: 2,
		},
		{
			name: "star with 5 leaves", n: 6, edges: star(5),
			reason:  "10 ordered centre–leaf pairs at 1, 20 leaf–leaf pairs at 2; λ₂ = 1; the centre cuts",
			density: 5.0 / 15, clustering: 0, pathLength: 50.0 / 30, efficiency: 20.0 / 30,
			lambda2: 1, articulation: []int{0}, redundancyMin: 1, redundancyMean: 1,
		},
		{
			name: "path P5", n: 5, edges: pathGraph(5),
			reason:  "Σ_d d(5−d) = 20 over 10 pairs; λ₂ = 2−2cos(π/n); inner nodes cut",
			density: 0.4, clustering: 0, pathLength: 2, efficiency: (4 + 3.0/2 + 2.0/3 + 1.0/4) / 10,
			lambda2: 2 - 2*cos(math.Pi/5), articulation: []int{1, 2, 3}, redundancyMin: 1, redundancyMean: 1,
		},
		{
			name: "two K4 joined by a bridge", n: 8, edges: barbell(4),
			reason: "bridge ends have clustering ½; cross distances 9×3+6×2+1; " +
				"antisymmetric Fiedler vector gives λ²−6λ+2 = 0; λ = 3 inside a clique, 1 across",
			density: 13.0 / 28, clustering: 7.0 / 8, pathLength: 52.0 / 28, efficiency: 19.0 / 28,
			lambda2: 3 - math.Sqrt(7), articulation: []int{3, 4}, redundancyMin: 1, redundancyMean: 52.0 / 28,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := fromEdges(t, tc.n, tc.edges)
			m := f.Metrics(nil)
			approx := func(what string, got, want float64) {
				t.Helper()
				if math.Abs(got-want) > 1e-12 {
					t.Errorf("%s = %.15g, want %.15g (%s)", what, got, want, tc.reason)
				}
			}
			if m.Nodes != tc.n || m.Edges != len(tc.edges) || !m.Connected || m.Components != 1 {
				t.Errorf("nodes %d edges %d connected %v components %d, want %d %d true 1",
					m.Nodes, m.Edges, m.Connected, m.Components, tc.n, len(tc.edges))
			}
			approx("density", m.Density, tc.density)
			approx("clustering", m.Clustering, tc.clustering)
			approx("path length", m.PathLength, tc.pathLength)
			approx("efficiency", m.Efficiency, tc.efficiency)
			approx("algebraic connectivity", m.AlgebraicConnectivity, tc.lambda2)
			approx("path redundancy mean", m.PathRedundancyMean, tc.redundancyMean)
			if !slices.Equal(m.ArticulationPoints, tc.articulation) {
				t.Errorf("articulation points %v, want %v (%s)", m.ArticulationPoints, tc.articulation, tc.reason)
			}
			if m.PathRedundancy != tc.redundancyMin {
				t.Errorf("path redundancy %d, want %d (%s)", m.PathRedundancy, tc.redundancyMin, tc.reason)
			}
			if !m.PathsExact || m.PathSources != tc.n || !m.RedundancyExact || m.RedundancyPairs != tc.n*(tc.n-1)/2 || m.SpectrumMethod != SpectrumDense {
				t.Errorf("small graph not computed exactly: %+v", m)
			}
		})
	}
}

// TestMetricsLiveGraph checks that metrics see only healthy nodes and
// active links, and the definitions for a disconnected live graph.
func TestMetricsLiveGraph(t *testing.T) {
	f := fromEdges(t, 8, barbell(4))
	if err := f.CutLink(3, 4); err != nil {
		t.Fatal(err)
	}
	m := f.Metrics(nil)
	if m.Connected || m.Components != 2 || m.LargestComponent != 4 {
		t.Errorf("cut bridge: connected %v components %d largest %d, want false 2 4", m.Connected, m.Components, m.LargestComponent)
	}
	if m.AlgebraicConnectivity != 0 || m.SpectrumMethod != SpectrumDisconnected {
		t.Errorf("disconnected graph: algebraic connectivity %v (%s), want 0", m.AlgebraicConnectivity, m.SpectrumMethod)
	}
	if m.PathLength != 1 {
		t.Errorf("path length %v, want 1: the largest component is a K4", m.PathLength)
	}
	if want := 24.0 / 56; math.Abs(m.Efficiency-want) > 1e-15 {
		t.Errorf("efficiency %v, want %v: 24 adjacent ordered pairs of 56", m.Efficiency, want)
	}
	if m.PathRedundancy != 0 || m.Edges != 12 {
		t.Errorf("path redundancy %d edges %d, want 0 and 12", m.PathRedundancy, m.Edges)
	}

	if err := f.HealLink(3, 4); err != nil {
		t.Fatal(err)
	}
	if err := f.CrashNode(0); err != nil {
		t.Fatal(err)
	}
	m = f.Metrics(nil)
	if m.Nodes != 7 || m.Edges != 10 || !slices.Equal(m.ArticulationPoints, []int{3, 4}) {
		t.Errorf("node 0 offline: nodes %d edges %d articulation %v, want 7 10 [3 4] in fabric ids",
			m.Nodes, m.Edges, m.ArticulationPoints)
	}
	if err := f.CrashNode(3); err != nil {
		t.Fatal(err)
	}
	if m := f.Metrics(nil); m.Connected || m.LargestComponent != 4 || len(m.ArticulationPoints) != 0 {
		t.Errorf("nodes 0 and 3 offline: connected %v largest %d articulation %v, want false 4 []",
			m.Connected, m.LargestComponent, m.ArticulationPoints)
	}
}

// TestMetricsTinyGraphs covers the degenerate sizes: one live node, none.
func TestMetricsTinyGraphs(t *testing.T) {
	f := fromEdges(t, 2, [][2]int{{0, 1}})
	if err := f.CrashNode(1); err != nil {
		t.Fatal(err)
	}
	m := f.Metrics(nil)
	if m.Nodes != 1 || m.Edges != 0 || m.Density != 0 || m.Efficiency != 0 || m.PathLength != 0 || m.AlgebraicConnectivity != 0 {
		t.Errorf("one live node: %+v", m)
	}
	if err := f.CrashNode(0); err != nil {
		t.Fatal(err)
	}
	if m := f.Metrics(nil); m.Nodes != 0 || m.Components != 0 || m.Clustering != 0 || m.ArticulationPoints == nil {
		t.Errorf("no live node: %+v", m)
	}
}

// TestMetricsEstimators forces the sampled estimators on a small graph and
// checks that they say so, are seeded, and land near the exact values.
func TestMetricsEstimators(t *testing.T) {
	f := generated(t, 300, testSeed)
	exact := f.Metrics(nil)
	f.cfg.ExactPathsMaxNodes, f.cfg.PathSources = 100, 150
	f.cfg.ExactRedundancyMaxNodes, f.cfg.RedundancyPairs = 100, 200
	f.cfg.DenseSpectrumMaxNodes = 100
	est := f.Metrics(newTestRand(7))
	if est.PathsExact || est.PathSources != 150 || est.RedundancyExact || est.RedundancyPairs != 200 || est.SpectrumMethod != SpectrumLanczos {
		t.Fatalf("estimators not reported: %+v", est)
	}
	if again := f.Metrics(newTestRand(7)); again.PathLength != est.PathLength || again.PathRedundancyMean != est.PathRedundancyMean {
		t.Errorf("same stream, different estimates: %v/%v vs %v/%v", again.PathLength, again.PathRedundancyMean, est.PathLength, est.PathRedundancyMean)
	}
	if a, b := f.Metrics(nil), f.Metrics(nil); a.PathLength != b.PathLength || a.PathRedundancyMean != b.PathRedundancyMean {
		t.Error("a nil stream gave different estimates")
	}
	for _, c := range []struct {
		what      string
		got, want float64
		relTol    float64
	}{
		{"path length", est.PathLength, exact.PathLength, 0.02},
		{"efficiency", est.Efficiency, exact.Efficiency, 0.02},
		{"path redundancy mean", est.PathRedundancyMean, exact.PathRedundancyMean, 0.1},
		{"algebraic connectivity", est.AlgebraicConnectivity, exact.AlgebraicConnectivity, 1e-9},
	} {
		if math.Abs(c.got-c.want) > c.relTol*c.want {
			t.Errorf("%s estimate %v, exact %v: off by more than %g", c.what, c.got, c.want, c.relTol)
		}
	}
	if est.PathRedundancy < exact.PathRedundancy {
		t.Errorf("sampled minimum %d below the true minimum %d", est.PathRedundancy, exact.PathRedundancy)
	}
}
