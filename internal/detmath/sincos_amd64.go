package detmath

import "golang.org/x/sys/cpu"

// sincosWidth is how many arguments the widest batch kernel this CPU can
// run takes at a time: 8 with AVX-512F (and AVX2), 4 with AVX2, 2 with
// SSE2. A variable, so that tests can run the narrower kernels too.
var sincosWidth = widestSincos()

func widestSincos() int {
	switch {
	case cpu.X86.HasAVX512F && cpu.X86.HasAVX2:
		return 8
	case cpu.X86.HasAVX2:
		return 4
	}
	return 2
}

// sincosPairs is SincosPhases two arguments at a time from the start of x
// while both are in [0, 2π) and not negative, with SSE2 (sincos_amd64.s);
// it returns how many it did.
//
//go:noescape
func sincosPairs(x, out []float64, k *[len(pairConsts)]float64) int

// sincosQuads is sincosPairs four arguments at a time, with AVX2
// (sincos_quads_amd64.s); the same bits.
//
//go:noescape
func sincosQuads(x, out []float64, k *[len(quadConsts)]float64) int

// sincosOcts is sincosPairs eight arguments at a time, with AVX-512
// (sincos_octs_amd64.s); the same bits.
//
//go:noescape
func sincosOcts(x, out []float64, k *[len(quadConsts)]float64) int
