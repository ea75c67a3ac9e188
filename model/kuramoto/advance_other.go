//go:build !amd64

package kuramoto

// advancePairs advances no phase on this platform: the caller's loop
// updates them all (amd64 has an SSE2 version, advance_amd64.s).
func advancePairs(theta, k, kick []float64, h float64) int { return 0 }
