//go:build !amd64

package detmath

const haveSincosPairs = false

func sincosPairs(x, out []float64, k *[len(pairConsts)]float64) {
	panic("detmath: sincosPairs without assembly")
}
