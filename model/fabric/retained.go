package fabric

// Retained returns the number of values the fabric holds in its arrays:
// node states, links (a link's record and its weight count as one value,
// as when the weight was a field of the record), their generated
// latencies, the adjacency and the broadcast's scratch. It measures the
// fabric's retained memory deterministically, in values rather than
// bytes, which the Go heap cannot give reproducibly.
func (f *Fabric) Retained() int {
	return len(f.state) + len(f.links) + len(f.baseLatency) +
		len(f.g.off) + len(f.g.nbr) + len(f.g.lid) +
		len(f.bc.arrival) + len(f.bc.done) + len(f.bc.heap)
}
