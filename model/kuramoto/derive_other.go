//go:build !amd64

package kuramoto

// coupledPairs writes no derivative on this platform: the caller's loop
// computes them all (amd64 has an SSE2 version, derive_amd64.s).
func coupledPairs(omega, invDeg, sums, self, k []float64, scale float64) int { return 0 }
