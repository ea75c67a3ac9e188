package fabric

import "slices"

// csr is an undirected graph in compressed sparse row form: the neighbours
// of v are nbr[off[v]:off[v+1]], ascending, and lid holds the link id of
// each adjacency. Link ids number the edges (a, b), a < b, in lexicographic
// order.
type csr struct {
	off []int32
	nbr []int32
	lid []int32
}

// newCSR builds the CSR form of the simple graph given by adjacency lists
// (each edge listed at both ends, in any order; the lists are sorted in
// place) and returns it with its edges indexed by link id.
func newCSR(adj [][]int32) (csr, [][2]int32) {
	n := len(adj)
	g := csr{off: make([]int32, n+1)}
	for v, nb := range adj {
		slices.Sort(nb)
		g.off[v+1] = g.off[v] + int32(len(nb))
	}
	g.nbr = make([]int32, 0, g.off[n])
	for _, nb := range adj {
		g.nbr = append(g.nbr, nb...)
	}
	g.lid = make([]int32, len(g.nbr))
	edges := make([][2]int32, 0, len(g.nbr)/2)
	// The neighbours of b below b come first in its sorted list and are met
	// here in ascending order, so a cursor per node finds b's slot for a.
	cursor := slices.Clone(g.off[:n])
	for a := range n {
		for s := g.off[a]; s < g.off[a+1]; s++ {
			b := g.nbr[s]
			if b <= int32(a) {
				continue
			}
			id := int32(len(edges))
			edges = append(edges, [2]int32{int32(a), b})
			g.lid[s] = id
			g.lid[cursor[b]] = id
			cursor[b]++
		}
	}
	return g, edges
}

// slot returns the index in nbr of b among a's neighbours, or -1.
func (g *csr) slot(a, b int32) int32 { return findSlot(g.off, g.nbr, a, b) }

// findSlot returns the index in nbr of b among a's neighbours, which are
// nbr[off[a]:off[a+1]] in ascending order, or -1. O(log deg).
func findSlot(off, nbr []int32, a, b int32) int32 {
	if i, ok := slices.BinarySearch(nbr[off[a]:off[a+1]], b); ok {
		return off[a] + int32(i)
	}
	return -1
}
