package fabric

// articulationPoints returns the nodes whose removal increases the number
// of connected components (networkx articulation_points), ascending. It is
// Tarjan's lowpoint depth-first search, iterative so that deep graphs need
// no deep call stack. O(n + links).
func (g *graph) articulationPoints() []int32 {
	disc := make([]int32, g.n) // discovery time + 1; 0 = unvisited
	low := make([]int32, g.n)
	cut := make([]bool, g.n)
	type frame struct{ v, parent, next int32 }
	var stack []frame
	var time int32
	for root := range int32(g.n) {
		if disc[root] != 0 {
			continue
		}
		time++
		disc[root], low[root] = time, time
		stack = append(stack[:0], frame{root, -1, g.off[root]})
		rootChildren := 0
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			v := top.v
			if top.next < g.off[v+1] {
				w := g.nbr[top.next]
				top.next++
				switch {
				case disc[w] == 0:
					if v == root {
						rootChildren++
					}
					time++
					disc[w], low[w] = time, time
					stack = append(stack, frame{w, v, g.off[w]})
				case w != top.parent:
					low[v] = min(low[v], disc[w])
				}
				continue
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				break
			}
			p := stack[len(stack)-1].v
			low[p] = min(low[p], low[v])
			if p != root && low[v] >= disc[p] {
				cut[p] = true
			}
		}
		if rootChildren > 1 {
			cut[root] = true
		}
	}
	out := []int32{}
	for v, c := range cut {
		if c {
			out = append(out, int32(v))
		}
	}
	return out
}
