package kuramoto

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSumRowsNarrowMatchesSumUniform checks the assembly on 2-byte offsets
// against the plain four-lane loop, bit for bit.
func TestSumRowsNarrowMatchesSumUniform(t *testing.T) {
	start, cols, tr := testRows()
	narrow := make([]uint16, len(cols))
	for e, c := range cols {
		narrow[e] = uint16(c)
	}
	out := make([]float64, 2*(len(start)-1))
	sumRowsNarrow(start, narrow, tr, out)
	checkRowSums(t, "sumRowsNarrow", start, cols, tr, out)
}

// hubGraph returns a preferential-attachment graph on 3,000 nodes (each new
// node linked to 8 earlier ones drawn in proportion to their degree, so
// that a few hubs have hundreds of neighbours) followed by 5 isolated
// nodes.
func hubGraph() *Graph {
	const nodes, links, isolated = 3000, 8, 5
	rng := rand.New(rand.NewPCG(17, 1))
	var b Builder
	b.Reset(nodes + isolated)
	var ends []int // every node once per link it has
	for v := 1; v <= links; v++ {
		b.Add(0, v, 1)
		ends = append(ends, 0, v)
	}
	for v := links + 1; v < nodes; v++ {
		picked := map[int]bool{}
		for len(picked) < links {
			picked[ends[rng.IntN(len(ends))]] = true
		}
		for u := range v { // ascending, so the map's order does not matter
			if picked[u] {
				b.Add(u, v, 1)
				ends = append(ends, u, v)
			}
		}
	}
	g := *b.Graph()
	return &g
}

// TestNarrowOffsetsBitIdentical steps networks summed from 2-byte offsets
// and the same networks summed from 4-byte ones (their narrow copy
// dropped), on a graph with hubs and isolated nodes and on a large random
// one, with Euler and RK4, uniform and per-edge weights, on one and three
// workers, and requires every phase and the order parameter identical to
// the bit after 20 steps.
func TestNarrowOffsetsBitIdentical(t *testing.T) {
	graphs := map[string]func(weighted bool) *Graph{
		"hubs": func(weighted bool) *Graph {
			g := hubGraph()
			if weighted {
				rng := rand.New(rand.NewPCG(17, 2))
				for e := range g.Weights {
					g.Weights[e] = 0.5 + rng.Float64()
				}
			}
			return g
		},
		"random": func(weighted bool) *Graph { return largeGraph(t, weighted) },
	}
	for _, name := range []string{"hubs", "random"} {
		for _, in := range []Integrator{Euler, RK4} {
			for _, weighted := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%v/weighted=%v", name, in, weighted), func(t *testing.T) {
					g := graphs[name](weighted)
					run := func(narrow bool, workers int) ([]float64, float64) {
						n := largeNetwork(t, g, in, weighted)
						if len(n.layout.narrow) == 0 {
							t.Fatal("no narrow offsets on a small graph")
						}
						if !narrow {
							n.layout.narrow = n.layout.narrow[:0]
						}
						n.SetWorkers(workers)
						for range 20 {
							n.Step()
						}
						r, _ := n.Order()
						return slices.Clone(n.Phases()), r
					}
					want, wantR := run(false, 1)
					for _, workers := range []int{1, 3} {
						got, r := run(true, workers)
						if !slices.Equal(got, want) || math.Float64bits(r) != math.Float64bits(wantR) {
							t.Errorf("workers=%d: phases from 2-byte offsets differ from 4-byte ones", workers)
						}
					}
				})
			}
		}
	}
}
