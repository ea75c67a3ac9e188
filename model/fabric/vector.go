package fabric

import "math"

// Vector kernels of the spectral code. Each product is rounded by an
// explicit float64 conversion before it is added, which the Go
// specification defines as a rounding point the compiler may not fuse into
// a multiply-add, and every sum runs in an order fixed here; so their
// results are the same bits on every architecture and GOAMD64 level.
// gonum's floats kernels are not used on this path: they are assembly with
// their own summation order on amd64 and fused pure Go on arm64.

// dot returns xᵀy, summed in four interleaved partial sums (for speed)
// combined as (s0+s1)+(s2+s3).
func dot(x, y []float64) float64 {
	y = y[:len(x)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		s0 += float64(x[i] * y[i])
		s1 += float64(x[i+1] * y[i+1])
		s2 += float64(x[i+2] * y[i+2])
		s3 += float64(x[i+3] * y[i+3])
	}
	for ; i < len(x); i++ {
		s0 += float64(x[i] * y[i])
	}
	return (s0 + s1) + (s2 + s3)
}

// norm returns the Euclidean norm of x. The vectors here are unit-scale, so
// the sum of squares neither overflows nor underflows.
func norm(x []float64) float64 { return math.Sqrt(dot(x, x)) }

// axpy sets y += a·x.
func axpy(y []float64, a float64, x []float64) {
	x = x[:len(y)]
	for i := range y {
		y[i] += float64(a * x[i])
	}
}

// scale sets dst = a·x.
func scale(dst []float64, a float64, x []float64) {
	x = x[:len(dst)]
	for i := range dst {
		dst[i] = a * x[i]
	}
}

// deflate removes the component of x along the constant vector.
func deflate(x []float64) {
	var s0, s1 float64
	i := 0
	for ; i+2 <= len(x); i += 2 {
		s0 += x[i]
		s1 += x[i+1]
	}
	if i < len(x) {
		s0 += x[i]
	}
	mean := (s0 + s1) / float64(len(x))
	for i := range x {
		x[i] -= mean
	}
}
