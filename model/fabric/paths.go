package fabric

import (
	"math/bits"
	"math/rand/v2"
)

// pathStats is what the breadth-first searches measure.
type pathStats struct {
	length     float64 // mean distance within the largest component
	efficiency float64 // mean of 1/d over all ordered pairs
	exact      bool    // every node was a source
	sources    int     // number of BFS sources
}

// shortestPaths measures path length and global efficiency by breadth-first
// search from every node when n <= exactMax, and otherwise from `samples`
// distinct sources drawn uniformly from rng (partial Fisher–Yates). With
// S the sources and C the largest component (ties: the one with the
// smallest node):
//
//	efficiency = Σ_{s∈S} Σ_{v≠s} 1/d(s,v) / (|S|·(n−1))          (1/∞ = 0)
//	length     = Σ_{s∈S∩C} Σ_{v∈C, v≠s} d(s,v) / (|S∩C|·(|C|−1))
//
// With S = V these are networkx's global_efficiency(G) and
// average_shortest_path_length(G.subgraph(C)); with a sample they are
// unbiased estimates of them. Distances are tallied as integers per hop
// count, so the sums do not depend on the order of the searches. The
// searches run 64 sources at a time (multiBFS): O(⌈|S|/64⌉·diameter·links).
func (g *graph) shortestPaths(comp []int32, largest int32, exactMax, samples int, rng *rand.Rand) pathStats {
	n := g.n
	if n < 2 {
		return pathStats{exact: true, sources: n}
	}
	sources := make([]int32, n)
	for i := range sources {
		sources[i] = int32(i)
	}
	st := pathStats{exact: true, sources: n}
	if n > exactMax && samples < n {
		for i := range samples {
			j := i + rng.IntN(n-i)
			sources[i], sources[j] = sources[j], sources[i]
		}
		sources = sources[:samples]
		st = pathStats{sources: samples}
	}
	byHops := make([]int64, n) // byHops[d]: pairs (s, v), s ∈ S, at distance d
	// Over sources in the largest component, which reach exactly it.
	var lengthSum, lengthPairs int64
	ms := newMultiBFS(g)
	for lo := 0; lo < len(sources); lo += 64 {
		g.stop.poll()
		batch := sources[lo:min(lo+64, len(sources))]
		var inLargest uint64
		for i, s := range batch {
			if comp[s] == largest {
				inLargest |= 1 << i
			}
		}
		ms.run(batch, func(d int32, reached uint64) {
			byHops[d] += int64(bits.OnesCount64(reached))
			k := int64(bits.OnesCount64(reached & inLargest))
			lengthSum += int64(d) * k
			lengthPairs += k
		})
	}
	var inv float64
	for d := len(byHops) - 1; d >= 1; d-- { // small terms first
		inv += float64(byHops[d]) / float64(d)
	}
	st.efficiency = inv / (float64(len(sources)) * float64(n-1))
	if lengthPairs > 0 {
		st.length = float64(lengthSum) / float64(lengthPairs)
	}
	return st
}

// multiBFS runs breadth-first searches from up to 64 sources at once
// (Then et al., "The More the Merrier: Efficient Multi-Source Graph
// Traversal", VLDB 2014): bit i of a node's word says whether source i has
// reached it, and each level pushes the frontier nodes' words to their
// neighbours, so one pass over a frontier's links serves all 64 searches.
// A node is in at most 64 frontiers per run, so a run never costs more than
// 64 single-source searches, and on small-world graphs about as much as
// one per level of the diameter.
type multiBFS struct {
	g                    *graph
	seen, frontier, next []uint64
	front, touched       []int32
}

func newMultiBFS(g *graph) *multiBFS {
	return &multiBFS{g: g, seen: make([]uint64, g.n), frontier: make([]uint64, g.n), next: make([]uint64, g.n)}
}

// run searches from sources (at most 64) and calls visit(d, reached) for
// each node and distance d >= 1 at which some sources first reach it,
// reached holding their bits (bit i for sources[i]).
func (ms *multiBFS) run(sources []int32, visit func(d int32, reached uint64)) {
	g := ms.g
	clear(ms.seen)
	ms.front = ms.front[:0]
	for i, s := range sources {
		if ms.frontier[s] == 0 {
			ms.front = append(ms.front, s)
		}
		ms.seen[s] |= 1 << i
		ms.frontier[s] |= 1 << i
	}
	for d := int32(1); len(ms.front) > 0; d++ {
		ms.touched = ms.touched[:0]
		for _, v := range ms.front {
			fv := ms.frontier[v]
			for _, u := range g.nbr[g.off[v]:g.off[v+1]] {
				if x := fv &^ ms.seen[u]; x != 0 {
					if ms.next[u] == 0 {
						ms.touched = append(ms.touched, u)
					}
					ms.next[u] |= x
				}
			}
			ms.frontier[v] = 0
		}
		for _, u := range ms.touched {
			x := ms.next[u]
			ms.next[u] = 0
			ms.seen[u] |= x
			ms.frontier[u] = x
			visit(d, x)
		}
		ms.front, ms.touched = ms.touched, ms.front
	}
}
