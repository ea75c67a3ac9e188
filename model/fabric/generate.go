package fabric

import (
	"math/rand/v2"
	"slices"
)

// Closure sampling caps of docs/model.md §1: pass 1 draws min(⌊3.5·deg⌋, 35)
// neighbour pairs per node, pass 2 min(⌊1.5·deg⌋, 15) per hub.
const (
	pass1MaxPairs = 35
	pass2MaxPairs = 15
)

// builder holds a growing simple undirected graph: adjacency lists in
// insertion order and a set of edges for O(1) membership. The set is only
// queried, never iterated, so its order cannot leak into the result.
type builder struct {
	adj   [][]int32
	edges map[uint64]struct{}
	stop  *stopper
}

func edgeKey(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(b)
}

func (g *builder) has(a, b int32) bool {
	_, ok := g.edges[edgeKey(a, b)]
	return ok
}

func (g *builder) add(a, b int32) {
	g.edges[edgeKey(a, b)] = struct{}{}
	g.adj[a] = append(g.adj[a], b)
	g.adj[b] = append(g.adj[b], a)
}

// generate builds the topology of docs/model.md §1 from rng: a Barabási–Albert
// graph, then the two triadic-closure passes. It returns adjacency lists.
// cfg must be valid.
// stop is polled once per node of each pass.
func generate(cfg Config, rng *rand.Rand, stop *stopper) [][]int32 {
	n, m := cfg.Nodes, cfg.MinDegree
	g := &builder{adj: make([][]int32, n), edges: make(map[uint64]struct{}, 4*n*m), stop: stop}
	barabasiAlbert(g, n, m, rng)
	closePass1(g, cfg.RewiringProbability, rng)
	closePass2(g, cfg.HubClosureProbability, rng)
	return g.adj
}

// barabasiAlbert follows networkx's barabasi_albert_graph: the initial graph
// is the star on nodes 0..m (centre 0); repeated holds every node once per
// incident edge; each new node draws uniformly from repeated until it has m
// distinct targets, links to them (in ascending order, as a set of small
// ints iterates in CPython), then appends the targets and m copies of
// itself to repeated.
func barabasiAlbert(g *builder, n, m int, rng *rand.Rand) {
	repeated := make([]int32, 0, 2*m*n)
	for leaf := 1; leaf <= m; leaf++ {
		g.add(0, int32(leaf))
		repeated = append(repeated, 0)
	}
	for leaf := 1; leaf <= m; leaf++ {
		repeated = append(repeated, int32(leaf))
	}
	chosen := make([]int32, n) // chosen[v] == source+1: v already a target of source
	targets := make([]int32, 0, m)
	for source := m + 1; source < n; source++ {
		g.stop.poll()
		targets = targets[:0]
		for len(targets) < m {
			x := repeated[rng.IntN(len(repeated))]
			if chosen[x] != int32(source+1) {
				chosen[x] = int32(source + 1)
				targets = append(targets, x)
			}
		}
		slices.Sort(targets)
		for _, t := range targets {
			g.add(int32(source), t)
		}
		repeated = append(repeated, targets...)
		for range m {
			repeated = append(repeated, int32(source))
		}
	}
}

// closePass1 is the first triadic-closure pass: nodes in id order, on the
// graph as it grows; a node with deg >= 2 neighbours draws
// min(⌊3.5·deg⌋, 35) ordered pairs of distinct neighbours (indices into its
// ascending neighbour list) and closes each open pair with probability p,
// drawing the coin only for open pairs.
func closePass1(g *builder, p float64, rng *rand.Rand) {
	for v := range g.adj {
		g.stop.poll()
		deg := len(g.adj[v])
		closeAround(g, v, min(7*deg/2, pass1MaxPairs), p, rng)
	}
}

// closePass2 is the second pass: the hubs are the nodes whose degree after
// pass 1 exceeds the 75th percentile of all degrees (numpy's default linear
// interpolation, as the original's np.percentile), visited in id order; each
// draws min(⌊1.5·deg⌋, 15) pairs with its degree at its turn.
func closePass2(g *builder, p float64, rng *rand.Rand) {
	n := len(g.adj)
	deg := make([]int, n)
	for v := range n {
		deg[v] = len(g.adj[v])
	}
	thr4 := percentile75x4(deg)
	for v := range n {
		g.stop.poll()
		if 4*deg[v] > thr4 {
			d := len(g.adj[v])
			closeAround(g, v, min(3*d/2, pass2MaxPairs), p, rng)
		}
	}
}

// percentile75x4 returns four times the 75th percentile of deg with numpy's
// default linear interpolation: at position 0.75·(n−1) = lo + rem/4 of the
// sorted values, sorted[lo] + rem/4·(sorted[lo+1] − sorted[lo]). Scaling by
// four keeps it an integer, so no rounding can move a node across it.
func percentile75x4(deg []int) int {
	sorted := slices.Clone(deg)
	slices.Sort(sorted)
	q := 3 * (len(sorted) - 1)
	lo, rem := q/4, q%4
	thr4 := 4 * sorted[lo]
	if rem > 0 {
		thr4 += rem * (sorted[lo+1] - sorted[lo])
	}
	return thr4
}

// closeAround draws pairs of v's neighbours and closes open ones.
func closeAround(g *builder, v, pairs int, p float64, rng *rand.Rand) {
	nb := g.adj[v]
	if len(nb) < 2 {
		return
	}
	// Closing a pair of v's neighbours never changes v's own list, so it
	// can be sorted once for the whole turn.
	slices.Sort(nb)
	for range pairs {
		i := rng.IntN(len(nb))
		j := rng.IntN(len(nb) - 1)
		if j >= i {
			j++
		}
		a, b := nb[i], nb[j]
		if !g.has(a, b) && rng.Float64() < p {
			g.add(a, b)
		}
	}
}
