package kuramoto

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// Graph is a weighted directed adjacency in compressed sparse row form: the
// neighbours of node i are Targets[Offsets[i]:Offsets[i+1]], with weights
// Weights[Offsets[i]:Offsets[i+1]]. Neighbours are sorted ascending, which
// fixes the summation order and so the bits of every result.
type Graph struct {
	Offsets []int32
	Targets []int32
	Weights []float64
}

// Nodes returns the number of nodes.
func (g *Graph) Nodes() int { return max(len(g.Offsets)-1, 0) }

// Edges returns the number of directed edges (twice the number of
// undirected links).
func (g *Graph) Edges() int { return len(g.Targets) }

// Degree returns the number of neighbours of node i.
func (g *Graph) Degree(i int) int { return int(g.Offsets[i+1] - g.Offsets[i]) }

// Reset empties g so that it can be filled row by row with AddEdge and
// EndRow, keeping its capacity.
func (g *Graph) Reset() {
	g.Offsets = append(g.Offsets[:0], 0)
	g.Targets = g.Targets[:0]
	g.Weights = g.Weights[:0]
}

// AddEdge appends an edge from the node whose row is being filled to node
// j with weight w. Within a row, add targets in ascending order: that fixes
// the summation order, as the sorted graphs of [Builder] do.
func (g *Graph) AddEdge(j int32, w float64) {
	g.Targets = append(g.Targets, j)
	g.Weights = append(g.Weights, w)
}

// EndRow closes the current node's row; the next AddEdge starts the next
// node's.
func (g *Graph) EndRow() {
	g.Offsets = append(g.Offsets, int32(len(g.Targets)))
}

// Builder assembles a Graph from undirected edges, reusing its buffers
// across builds so that rebuilding a graph of the same size allocates
// nothing.
type Builder struct {
	n     int
	edges []halfEdge
	g     Graph
}

type halfEdge struct {
	from, to int32
	w        float64
}

// Reset starts a new graph with n nodes and no edges.
func (b *Builder) Reset(n int) {
	b.n = n
	b.edges = b.edges[:0]
}

// Add adds an undirected edge between a and b with weight w. Self-loops are
// ignored; adding the same edge twice counts it twice.
func (b *Builder) Add(a, c int, w float64) {
	if a == c {
		return
	}
	b.edges = append(b.edges, halfEdge{int32(a), int32(c), w}, halfEdge{int32(c), int32(a), w})
}

// Graph returns the graph built so far. The returned graph shares the
// builder's buffers and is valid until the next Reset.
func (b *Builder) Graph() *Graph {
	slices.SortFunc(b.edges, func(x, y halfEdge) int {
		if x.from != y.from {
			return int(x.from - y.from)
		}
		return int(x.to - y.to)
	})
	g := &b.g
	g.Offsets = slices.Grow(g.Offsets[:0], b.n+1)[:b.n+1]
	clear(g.Offsets)
	g.Targets = slices.Grow(g.Targets[:0], len(b.edges))[:len(b.edges)]
	g.Weights = slices.Grow(g.Weights[:0], len(b.edges))[:len(b.edges)]
	for i, e := range b.edges {
		g.Offsets[e.from+1]++
		g.Targets[i], g.Weights[i] = e.to, e.w
	}
	for i := 0; i < b.n; i++ {
		g.Offsets[i+1] += g.Offsets[i]
	}
	return g
}

// FromEdges returns the undirected graph on n nodes with the given edges,
// all of weight 1. It returns an error for an edge naming a node outside
// [0, n).
func FromEdges(n int, edges [][2]int) (*Graph, error) {
	var b Builder
	b.Reset(n)
	for _, e := range edges {
		if e[0] < 0 || e[0] >= n || e[1] < 0 || e[1] >= n {
			return nil, fmt.Errorf("kuramoto: edge %v outside nodes 0..%d", e, n-1)
		}
		b.Add(e[0], e[1], 1)
	}
	g := *b.Graph()
	return &g, nil
}

// Complete returns the complete graph on n nodes with unit weights.
func Complete(n int) *Graph {
	var b Builder
	b.Reset(n)
	for i := range n {
		for j := i + 1; j < n; j++ {
			b.Add(i, j, 1)
		}
	}
	g := *b.Graph()
	return &g
}

// Ring returns the ring lattice on n nodes in which each node is linked to
// its k nearest neighbours on either side, with unit weights. k is clamped
// to n/2, and no edge is repeated.
func Ring(n, k int) *Graph {
	var b Builder
	b.Reset(n)
	k = min(k, n/2)
	for i := range n {
		for d := 1; d <= k; d++ {
			if 2*d == n && i >= d {
				continue // the opposite node, already linked from i−d
			}
			b.Add(i, (i+d)%n, 1)
		}
	}
	g := *b.Graph()
	return &g
}

// ErdosRenyi returns a G(n, p) random graph with unit weights: each of the
// n(n−1)/2 possible edges is present independently with probability p,
// decided in lexicographic order from rng.
func ErdosRenyi(n int, p float64, rng *rand.Rand) *Graph {
	var b Builder
	b.Reset(n)
	for i := range n {
		for j := i + 1; j < n; j++ {
			if rng.Float64() < p {
				b.Add(i, j, 1)
			}
		}
	}
	g := *b.Graph()
	return &g
}
