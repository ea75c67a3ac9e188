package detmath

const haveSincosPairs = true

// sincosPairs is SincosPhases for len(x) even, every x in [0, 2π): SSE2
// assembly (sincos_amd64.s), two arguments at a time.
//
//go:noescape
func sincosPairs(x, out []float64, k *[len(pairConsts)]float64)
