package esgt

// recruit returns the nodes an ignition would recruit now, without claiming
// them: every free healthy node in id order, or, with RecruitNodes set, up
// to that many free healthy nodes gathered breadth-first over active links
// from a randomly chosen free healthy node. The slice is scratch.
func (c *Coordinator) recruit() []int32 {
	f := c.fab
	free := c.scratch[:0]
	for i := range f.Nodes() {
		if c.busy[i] == nil && f.Healthy(i) {
			free = append(free, int32(i))
		}
	}
	c.scratch = free
	want := c.cfg.RecruitNodes
	if want == 0 || len(free) <= c.cfg.MinAvailableNodes-1 {
		return free
	}
	start := free[c.recruitRng.IntN(len(free))]
	// Reuse local as the visited mark: −2 means queued.
	q := append(c.queue[:0], start)
	c.local[start] = -2
	for head := 0; head < len(q) && len(q) < want; head++ {
		u := q[head]
		nb, links := f.Neighbors(int(u)), f.LinkIDs(int(u))
		for k, v := range nb {
			if len(q) == want {
				break
			}
			if c.local[v] == -2 || c.busy[v] != nil || !f.Healthy(int(v)) || !f.LinkActive(int(links[k])) {
				continue
			}
			c.local[v] = -2
			q = append(q, v)
		}
	}
	for _, v := range q {
		c.local[v] = -1
	}
	c.queue = q
	return q
}
