package fabric

// graph is the simple undirected graph the metrics run on, in CSR form with
// compact node ids 0..n-1: the neighbours of v are nbr[off[v]:off[v+1]],
// ascending.
type graph struct {
	n    int
	off  []int32
	nbr  []int32
	stop *stopper // nil: the metrics run to the end
}

func (g *graph) deg(v int32) int32 { return g.off[v+1] - g.off[v] }

func (g *graph) edges() int { return len(g.nbr) / 2 }

// slot returns the index in nbr of b among a's neighbours, or -1.
func (g *graph) slot(a, b int32) int32 { return findSlot(g.off, g.nbr, a, b) }

// live returns the live graph: the healthy nodes and the active links
// between them, renumbered in ascending order of node id, with orig mapping
// each compact id back to its node id.
func (f *Fabric) live() (g *graph, orig []int32) {
	idx := make([]int32, f.n)
	for i := range f.n {
		if f.state[i].healthy() {
			idx[i] = int32(len(orig))
			orig = append(orig, int32(i))
		} else {
			idx[i] = -1
		}
	}
	g = &graph{n: len(orig), off: make([]int32, len(orig)+1)}
	for c, u := range orig {
		for s := f.g.off[u]; s < f.g.off[u+1]; s++ {
			if v := f.g.nbr[s]; idx[v] >= 0 && f.links[f.g.lid[s]].Active {
				g.nbr = append(g.nbr, idx[v])
			}
		}
		g.off[c+1] = int32(len(g.nbr))
	}
	return g, orig
}

// components labels each node with its connected component, numbered in
// order of their smallest node, and returns the labels and the sizes.
func (g *graph) components() (comp []int32, sizes []int) {
	comp = make([]int32, g.n)
	for i := range comp {
		comp[i] = -1
	}
	queue := make([]int32, 0, g.n)
	for r := range int32(g.n) {
		if comp[r] >= 0 {
			continue
		}
		c := int32(len(sizes))
		comp[r] = c
		queue = append(queue[:0], r)
		for h := 0; h < len(queue); h++ {
			u := queue[h]
			for _, v := range g.nbr[g.off[u]:g.off[u+1]] {
				if comp[v] < 0 {
					comp[v] = c
					queue = append(queue, v)
				}
			}
		}
		sizes = append(sizes, len(queue))
	}
	return comp, sizes
}
