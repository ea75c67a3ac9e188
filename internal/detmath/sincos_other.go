//go:build !amd64

package detmath

// sincosWidth is 0: no batch kernel here; SincosPhases goes through
// SincosPhase.
var sincosWidth = 0

func sincosPairs(x, out []float64, k *[len(pairConsts)]float64) int {
	panic("detmath: sincosPairs without assembly")
}

func sincosQuads(x, out []float64, k *[len(quadConsts)]float64) int {
	panic("detmath: sincosQuads without assembly")
}

func sincosOcts(x, out []float64, k *[len(quadConsts)]float64) int {
	panic("detmath: sincosOcts without assembly")
}
