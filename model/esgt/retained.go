package esgt

// Retained returns the number of values the coordinator holds in its
// arrays: per-node frequencies, owners and indices, recruitment buffers,
// the admission window, the degraded-mode window, and every ignition it
// keeps, in flight or pooled for reuse, with its nodes, frequencies, saved
// phases, link map, coupling graph and oscillators. With
// [fabric.Fabric.Retained] it measures the model's retained memory
// deterministically: a buffer that outlives the fabric it was sized for,
// or a pool that grows with every cycle, shows here.
func (c *Coordinator) Retained() int {
	n := len(c.freqHz) + len(c.busy) + len(c.local) + len(c.scratch) + len(c.queue) +
		len(c.starts) + len(c.degraded.at) + len(c.degraded.peaks)
	for _, ig := range c.inFlight {
		n += ig.retained()
	}
	for _, ig := range c.pool {
		n += ig.retained()
	}
	return n
}

// retained counts the values an ignition keeps between uses.
func (ig *ignition) retained() int {
	n := len(ig.nodes) + len(ig.freq) + len(ig.saved) + len(ig.links) +
		len(ig.graph.Offsets) + len(ig.graph.Targets) + len(ig.graph.Weights)
	if ig.net != nil {
		n += ig.net.Size()
	}
	return n
}
