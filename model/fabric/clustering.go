package fabric

// averageClustering returns networkx's average_clustering: the mean over
// all nodes of 2·T(v)/(deg(v)·(deg(v)−1)), where T(v) counts the links
// among v's neighbours and nodes of degree < 2 count 0. O(Σ deg²).
func (g *graph) averageClustering() float64 {
	if g.n == 0 {
		return 0
	}
	mark := make([]int32, g.n) // mark[w] == v+1: w is a neighbour of v
	var sum float64
	for v := range int32(g.n) {
		g.stop.poll()
		d := g.deg(v)
		if d < 2 {
			continue
		}
		nb := g.nbr[g.off[v]:g.off[v+1]]
		for _, u := range nb {
			mark[u] = v + 1
		}
		var twiceT int64 // each link among the neighbours is seen from both ends
		for _, u := range nb {
			for _, w := range g.nbr[g.off[u]:g.off[u+1]] {
				if mark[w] == v+1 {
					twiceT++
				}
			}
		}
		sum += float64(twiceT) / (float64(d) * float64(d-1))
	}
	return sum / float64(g.n)
}
