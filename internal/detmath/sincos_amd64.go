package detmath

import "golang.org/x/sys/cpu"

const haveSincosPairs = true

// haveSincosQuads reports whether sincosQuads can run here (AVX2); a
// variable, so that tests can run the SSE2 path on an AVX2 machine.
var haveSincosQuads = cpu.X86.HasAVX2

// sincosPairs is SincosPhases for len(x) even, every x in [0, 2π): SSE2
// assembly (sincos_amd64.s), two arguments at a time.
//
//go:noescape
func sincosPairs(x, out []float64, k *[len(pairConsts)]float64)

// sincosQuads is sincosPairs for len(x) a multiple of 4, four arguments
// at a time, with AVX2 (sincos_quads_amd64.s); the same bits.
//
//go:noescape
func sincosQuads(x, out []float64, k *[len(quadConsts)]float64)
