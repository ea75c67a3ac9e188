package kuramoto

// advancePairs performs the Euler update θ ← wrap((θ + k·h) + kick) on
// theta two phases at a time from the start, with SSE2 (advance_amd64.s),
// while both new phases of a pair are in [0, 4π), and returns how many it
// advanced; the caller updates the rest with wrap.
//
//go:noescape
func advancePairs(theta, k, kick []float64, h float64) int
