package fabric

import (
	"math/rand/v2"
	"slices"
)

// redundancyStats is the path redundancy of a graph: the local edge
// connectivity λ(u, v) (the maximum number of edge-disjoint u–v paths,
// networkx local_edge_connectivity) over unordered pairs of distinct nodes.
type redundancyStats struct {
	min   int     // minimum over the pairs
	mean  float64 // mean over the pairs
	exact bool    // all pairs
	pairs int     // pairs covered (n(n−1)/2 when exact)
}

// pathRedundancy computes redundancyStats over all pairs when
// n <= exactMax, with Gusfield's equivalent flow tree (n−1 maximum flows;
// λ(u, v) is the smallest tree weight on the u–v tree path, so the minimum
// is the graph's edge connectivity), and otherwise over `samples` pairs
// drawn independently and uniformly from rng (u uniform, v uniform among
// the others). It runs n−1 or `samples` maximum flows.
func (g *graph) pathRedundancy(exactMax, samples int, rng *rand.Rand) redundancyStats {
	n := g.n
	if n < 2 {
		return redundancyStats{exact: true}
	}
	mf := newMaxFlow(g)
	if n <= exactMax {
		return mf.allPairs()
	}
	st := redundancyStats{min: n, pairs: samples}
	var sum int64
	for range samples {
		g.stop.poll()
		u := int32(rng.IntN(n))
		v := int32(rng.IntN(n - 1))
		if v >= u {
			v++
		}
		f := mf.run(u, v)
		sum += int64(f)
		st.min = min(st.min, f)
	}
	st.mean = float64(sum) / float64(samples)
	return st
}

// allPairs builds Gusfield's equivalent flow tree: node s (1..n−1) hangs
// from parent[s] with weight λ(s, parent[s]). The mean over all pairs
// follows from Kruskal's order: joining the tree's edges by decreasing
// weight, an edge of weight w joining parts of sizes a and b is the
// lightest edge on the tree path of exactly a·b pairs.
func (mf *maxFlow) allPairs() redundancyStats {
	n := mf.g.n
	parent := make([]int32, n)
	weight := make([]int, n)
	for s := int32(1); s < int32(n); s++ {
		mf.g.stop.poll()
		t := parent[s]
		weight[s] = mf.run(s, t)
		for i := s + 1; i < int32(n); i++ {
			if mf.sourceSide(i) && parent[i] == t {
				parent[i] = s
			}
		}
	}
	order := make([]int32, 0, n-1)
	for s := int32(1); s < int32(n); s++ {
		order = append(order, s)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return weight[b] - weight[a] })
	uf := newUnionFind(n)
	var sum int64
	st := redundancyStats{min: n, exact: true, pairs: n * (n - 1) / 2}
	for _, s := range order {
		a, b := uf.find(s), uf.find(parent[s])
		sum += int64(weight[s]) * int64(uf.size[a]) * int64(uf.size[b])
		uf.union(a, b)
		st.min = min(st.min, weight[s])
	}
	st.mean = float64(sum) / float64(st.pairs)
	return st
}

// maxFlow computes unit-capacity maximum flows on an undirected graph:
// each link carries at most one unit, in either direction. It is Dinic's
// algorithm (breadth-first levels, then blocking flows by depth-first
// search), stopped as soon as the flow reaches min(deg s, deg t), which no
// flow can exceed; with unit capacities a flow of value λ costs
// O(min(λ, √links)·links).
type maxFlow struct {
	g     *graph
	rev   []int32 // rev[slot u→v] = slot v→u
	flow  []int8  // flow on slot u→v, in {−1, 0, 1}; flow[rev[s]] == −flow[s]
	level []int32 // BFS level of each node seen in the current epoch
	seen  []uint32
	epoch uint32
	next  []int32 // current arc of each node in the blocking-flow search
	queue []int32
	// The minimum cut found by the last run: {s} when the flow saturated
	// s's links, all but {t} when it saturated t's, else the nodes the
	// last, failed, breadth-first search reached.
	cut  cutKind
	s, t int32
}

type cutKind uint8

const (
	cutSearch cutKind = iota
	cutSource
	cutAllButSink
)

func newMaxFlow(g *graph) *maxFlow {
	slots := len(g.nbr)
	mf := &maxFlow{g: g, rev: make([]int32, slots), flow: make([]int8, slots),
		level: make([]int32, g.n), seen: make([]uint32, g.n), next: make([]int32, g.n),
		queue: make([]int32, 0, g.n)}
	cursor := slices.Clone(g.off[:g.n])
	for u := range int32(g.n) {
		for s := g.off[u]; s < g.off[u+1]; s++ {
			if v := g.nbr[s]; v > u {
				// As in newCSR: v's neighbours below v are met in ascending order.
				mf.rev[s], mf.rev[cursor[v]] = cursor[v], s
				cursor[v]++
			}
		}
	}
	return mf
}

// run returns λ(s, t), s != t, and records a minimum cut for sourceSide.
func (mf *maxFlow) run(s, t int32) int {
	g := mf.g
	clear(mf.flow)
	mf.s, mf.t = s, t
	bound := int(min(g.deg(s), g.deg(t)))
	value := 0
	for value < bound {
		if !mf.levels(s, t) {
			mf.cut = cutSearch
			return value
		}
		copy(mf.next, g.off[:g.n])
		for value < bound && mf.push(s, t) {
			value++
		}
	}
	mf.cut = cutAllButSink
	if bound == int(g.deg(s)) {
		mf.cut = cutSource
	}
	return value
}

// levels labels the nodes by breadth-first distance from s in the residual
// graph and reports whether t was reached. It stops as soon as t is
// labelled: the blocking flow uses only nodes below t's level, all labelled
// by then, and t itself. A failed search labels everything s reaches.
func (mf *maxFlow) levels(s, t int32) bool {
	g := mf.g
	mf.epoch++
	mf.seen[s], mf.level[s] = mf.epoch, 0
	mf.queue = append(mf.queue[:0], s)
	for h := 0; h < len(mf.queue); h++ {
		u := mf.queue[h]
		for slot := g.off[u]; slot < g.off[u+1]; slot++ {
			v := g.nbr[slot]
			if mf.seen[v] != mf.epoch && mf.flow[slot] < 1 {
				mf.seen[v], mf.level[v] = mf.epoch, mf.level[u]+1
				if v == t {
					return true
				}
				mf.queue = append(mf.queue, v)
			}
		}
	}
	return false
}

// push finds one path from u to t along residual slots that go up one
// level, pushes a unit along it and reports whether it found one. Arcs
// that lead nowhere are skipped for the rest of the phase; a node just
// below t looks up its slot to t directly.
func (mf *maxFlow) push(u, t int32) bool {
	if u == t {
		return true
	}
	g := mf.g
	below := mf.level[t] - 1
	if mf.level[u] == below {
		slot := g.slot(u, t)
		if slot >= 0 && mf.flow[slot] < 1 {
			mf.flow[slot]++
			mf.flow[mf.rev[slot]]--
			return true
		}
		mf.next[u] = g.off[u+1]
		return false
	}
	for ; mf.next[u] < g.off[u+1]; mf.next[u]++ {
		slot := mf.next[u]
		v := g.nbr[slot]
		if mf.flow[slot] >= 1 || mf.seen[v] != mf.epoch || mf.level[v] != mf.level[u]+1 || mf.level[v] > below || mf.next[v] == g.off[v+1] {
			continue
		}
		if mf.push(v, t) {
			mf.flow[slot]++
			mf.flow[mf.rev[slot]]--
			return true
		}
	}
	return false
}

// sourceSide reports whether v is on the source side of the last minimum
// cut.
func (mf *maxFlow) sourceSide(v int32) bool {
	switch mf.cut {
	case cutSource:
		return v == mf.s
	case cutAllButSink:
		return v != mf.t
	}
	return mf.seen[v] == mf.epoch
}

// unionFind is a disjoint-set forest with union by size.
type unionFind struct {
	parent []int32
	size   []int
}

func newUnionFind(n int) *unionFind {
	uf := &unionFind{parent: make([]int32, n), size: make([]int, n)}
	for i := range uf.parent {
		uf.parent[i] = int32(i)
		uf.size[i] = 1
	}
	return uf
}

func (uf *unionFind) find(x int32) int32 {
	for uf.parent[x] != x {
		uf.parent[x] = uf.parent[uf.parent[x]]
		x = uf.parent[x]
	}
	return x
}

// union merges the roots a and b.
func (uf *unionFind) union(a, b int32) {
	if uf.size[a] < uf.size[b] {
		a, b = b, a
	}
	uf.parent[b] = a
	uf.size[a] += uf.size[b]
}
