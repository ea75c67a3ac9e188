package kuramoto

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// largeGraph returns a graph above ParallelMinWork; weighted gives it
// random link weights.
func largeGraph(t *testing.T, weighted bool) *Graph {
	t.Helper()
	g := ErdosRenyi(2000, 0.04, rand.New(rand.NewPCG(5, 1)))
	if g.Edges()+rowWork*g.Nodes() < ParallelMinWork {
		t.Fatalf("test graph too small to run in parallel: %d edges", g.Edges())
	}
	if weighted {
		rng := rand.New(rand.NewPCG(5, 2))
		for e := range g.Weights {
			g.Weights[e] = 0.5 + rng.Float64()
		}
	}
	return g
}

// largeNetwork returns a network on g with spread frequencies, noise and
// random phases; damping adds the original's damping term.
func largeNetwork(t *testing.T, g *Graph, in Integrator, damping bool) *Network {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Integrator = in
	cfg.Coupling = 30
	cfg.FreqDist, cfg.FreqSpreadHz = DistNormal, 1
	if damping {
		cfg.Damping = 0.1
	}
	n := mustNetwork(t, g, cfg, rand.NewPCG(5, 3))
	n.SetFrequenciesHz(DrawFrequencies(cfg, g.Nodes(), rand.New(rand.NewPCG(5, 4))))
	n.RandomizePhases(rand.New(rand.NewPCG(5, 5)))
	return n
}

// TestWorkersBitIdentical runs the same large network with 1, 2, 3 and 7
// workers and under GOMAXPROCS 1, 2 and 4, and requires every phase and
// the order parameter to be identical to the bit after 20 steps.
func TestWorkersBitIdentical(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, in := range []Integrator{Euler, RK4} {
		for _, weighted := range []bool{false, true} {
			name := fmt.Sprintf("%v/weighted=%v", in, weighted)
			t.Run(name, func(t *testing.T) {
				g := largeGraph(t, weighted)
				run := func(procs, workers int) ([]float64, float64) {
					runtime.GOMAXPROCS(procs)
					n := largeNetwork(t, g, in, weighted)
					n.SetWorkers(workers)
					for range 20 {
						n.Step()
					}
					r, _ := n.Order()
					return slices.Clone(n.Phases()), r
				}
				want, wantR := run(1, 1)
				for _, procs := range []int{1, 2, 4} {
					for _, workers := range []int{0, 1, 2, 3, 7} {
						got, r := run(procs, workers)
						if !slices.Equal(got, want) || math.Float64bits(r) != math.Float64bits(wantR) {
							t.Errorf("GOMAXPROCS=%d workers=%d: result differs from one worker's", procs, workers)
						}
					}
				}
			})
		}
	}
}

// laneSums is the documented summation order written plainly: edge e of a
// row goes to lane e mod 4, each lane adds in order from +0, and the sum
// is (lane0 + lane1) + (lane2 + lane3).
func laneSums(g *Graph, i int, sin, cos []float64, weighted bool) (ss, sc float64) {
	var ls, lc [4]float64
	lo := g.Offsets[i]
	for e := lo; e < g.Offsets[i+1]; e++ {
		j, l := g.Targets[e], (e-lo)%4
		if weighted {
			ls[l] += float64(g.Weights[e] * sin[j])
			lc[l] += float64(g.Weights[e] * cos[j])
		} else {
			ls[l] += sin[j]
			lc[l] += cos[j]
		}
	}
	return (ls[0] + ls[1]) + (ls[2] + ls[3]), (lc[0] + lc[1]) + (lc[2] + lc[3])
}

// TestDerivativeFollowsLaneOrder checks the padded, unrolled coupling sums
// against the plain statement of their order, bit for bit, on a graph
// whose degrees take every value modulo 4, with uniform weights (factored
// out of the sums) and with per-edge weights.
func TestDerivativeFollowsLaneOrder(t *testing.T) {
	for _, weighted := range []bool{false, true} {
		g := ErdosRenyi(60, 0.2, rand.New(rand.NewPCG(8, 1)))
		w := 0.75
		rng := rand.New(rand.NewPCG(8, 2))
		for e := range g.Weights {
			g.Weights[e] = w
			if weighted {
				g.Weights[e] = rng.Float64()
			}
		}
		cfg := quietConfig()
		cfg.Coupling = 9
		n := mustNetwork(t, g, cfg, nil)
		n.RandomizePhases(rand.New(rand.NewPCG(8, 3)))
		if n.uniform == weighted {
			t.Fatalf("weighted=%v: network found uniform=%v", weighted, n.uniform)
		}
		sin, cos := make([]float64, g.Nodes()), make([]float64, g.Nodes())
		for i, th := range n.Phases() {
			sin[i], cos[i] = n.trig[2*i], n.trig[2*i+1]
			if s, c := math.Sincos(th); math.Abs(s-sin[i]) > 1e-15 || math.Abs(c-cos[i]) > 1e-15 {
				t.Fatalf("trig of node %d is not that of its phase", i)
			}
		}
		k := make([]float64, g.Nodes())
		n.derivatives(0, g.Nodes(), n.theta, n.trig, k)
		degrees := map[int]bool{}
		for i := range g.Nodes() {
			degrees[g.Degree(i)%4] = true
			ss, sc := laneSums(g, i, sin, cos, weighted)
			scale := n.coupling
			if !weighted {
				scale = float64(n.coupling * w)
			}
			want := n.omega[i]
			if d := g.Degree(i); d > 0 {
				c := float64(cos[i]*ss) - float64(sin[i]*sc)
				want += float64(float64(scale*(1/float64(d))) * c)
			}
			if math.Float64bits(k[i]) != math.Float64bits(want) {
				t.Errorf("weighted=%v node %d (degree %d): derivative %v, want %v", weighted, i, g.Degree(i), k[i], want)
			}
		}
		if len(degrees) != 4 {
			t.Fatalf("test graph's degrees cover only %d residues modulo 4", len(degrees))
		}
	}
}

// TestWeightsChanged checks that a change of weights in place is seen
// after WeightsChanged, both from uniform to per-edge weights and back.
func TestWeightsChanged(t *testing.T) {
	g := Ring(40, 3)
	n := mustNetwork(t, g, quietConfig(), nil)
	n.RandomizePhases(rand.New(rand.NewPCG(4, 1)))
	k1 := make([]float64, g.Nodes())
	n.derivatives(0, g.Nodes(), n.theta, n.trig, k1)

	for e := range g.Weights {
		g.Weights[e] = 2
	}
	n.WeightsChanged()
	k2 := make([]float64, g.Nodes())
	n.derivatives(0, g.Nodes(), n.theta, n.trig, k2)
	g.Weights[5] = 1 // one edge differs: the sums must read the weights
	n.WeightsChanged()
	k3 := make([]float64, g.Nodes())
	n.derivatives(0, g.Nodes(), n.theta, n.trig, k3)
	for i := range k1 {
		base := n.omega[i]
		if got, want := k2[i]-base, 2*(k1[i]-base); math.Abs(got-want) > 1e-12*math.Abs(want)+1e-12 {
			t.Fatalf("node %d: doubling every weight gave coupling %v, want %v", i, got, want)
		}
	}
	if k3[0] == k2[0] {
		t.Error("changing one weight of node 0 did not change its derivative")
	}
	if !slices.Equal(k3[1:], k2[1:]) {
		t.Error("changing a weight of node 0 changed other nodes' derivatives")
	}
}
