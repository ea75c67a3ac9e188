package kuramoto

// coupledPairs writes the derivatives without damping, ω + K·w·ci·(cos θi
// · Σ sin θj − sin θi · Σ cos θj), of nodes two at a time from the start,
// with SSE2 (derive_amd64.s), while both nodes of a pair have neighbours
// (invDeg != 0), and returns how many it wrote; the caller does the rest.
//
//go:noescape
func coupledPairs(omega, invDeg, sums, self, k []float64, scale float64) int
