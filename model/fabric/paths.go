package fabric

import "math/rand/v2"

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
// count, so the sums do not depend on the order of the searches.
// O(|S|·(n + links)).
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
	byHops := make([]int64, n)       // byHops[d]: pairs (s, v), s ∈ S, at distance d
	var lengthSum, lengthPairs int64 // over sources in the largest component
	dist := make([]int32, n)
	for i := range dist {
		dist[i] = -1
	}
	queue := make([]int32, 0, n)
	for _, s := range sources {
		queue = append(queue[:0], s)
		dist[s] = 0
		for h := 0; h < len(queue); h++ {
			u := queue[h]
			du := dist[u] + 1
			for _, v := range g.nbr[g.off[u]:g.off[u+1]] {
				if dist[v] < 0 {
					dist[v] = du
					queue = append(queue, v)
				}
			}
		}
		var sum int64
		for _, v := range queue[1:] {
			byHops[dist[v]]++
			sum += int64(dist[v])
		}
		if comp[s] == largest {
			lengthSum += sum
			lengthPairs += int64(len(queue) - 1)
		}
		for _, v := range queue {
			dist[v] = -1
		}
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
