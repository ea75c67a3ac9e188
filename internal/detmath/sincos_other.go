//go:build !amd64

package detmath

const haveSincosPairs = false

var haveSincosQuads = false

func sincosPairs(x, out []float64, k *[len(pairConsts)]float64) {
	panic("detmath: sincosPairs without assembly")
}

func sincosQuads(x, out []float64, k *[len(quadConsts)]float64) {
	panic("detmath: sincosQuads without assembly")
}
