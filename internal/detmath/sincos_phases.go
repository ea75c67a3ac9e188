package detmath

import "math"

// SincosPhases writes SincosPhase(x[i]) into out[2i] (the sine) and
// out[2i+1] (the cosine) for every i, the same bits. On amd64 runs of
// arguments in [0, 2π) are computed eight at a time with AVX-512 or four
// with AVX2 where the CPU has them, and two at a time with SSE2 (the same
// IEEE operations in the same order, no fused multiply-add); other
// arguments, and other architectures, go through SincosPhase.
// out must hold at least 2·len(x) values.
func SincosPhases(x, out []float64) {
	out = out[:2*len(x)]
	for i := 0; i < len(x); i++ {
		i += sincosBatch(x[i:], out[2*i:])
		if i < len(x) {
			// Out of range, or left over after the kernels' groups.
			out[2*i], out[2*i+1] = SincosPhase(x[i])
		}
	}
}

// sincosBatch runs the widest kernel the CPU has, then the narrower
// ones, from the start of x while the arguments are in [0, 2π) and not
// negative (each kernel checks its groups), and returns how many
// arguments they did.
func sincosBatch(x, out []float64) int {
	n := 0
	if sincosWidth >= 8 {
		n += sincosOcts(x[n:], out[2*n:], &quadConsts)
	}
	if sincosWidth >= 4 {
		n += sincosQuads(x[n:], out[2*n:], &quadConsts)
	}
	if sincosWidth >= 2 {
		n += sincosPairs(x[n:], out[2*n:], &pairConsts)
	}
	return n
}

// pairConsts holds, each twice (one per SSE2 lane), the constants of
// octantSmall and the kernels, the integer masks of fromOctant and 2π,
// in the order sincos_amd64.s reads them.
var pairConsts = [...]float64{
	4 / math.Pi, 4 / math.Pi,
	pi4A, pi4A, pi4B, pi4B, pi4C, pi4C,
	sin0, sin0, sin1, sin1, sin2, sin2, sin3, sin3, sin4, sin4, sin5, sin5,
	cos0, cos0, cos1, cos1, cos2, cos2, cos3, cos3, cos4, cos4, cos5, cos5,
	1, 1, 0.5, 0.5,
	math.Float64frombits(1<<32 | 1), math.Float64frombits(1<<32 | 1), // int32 ones
	math.Float64frombits(1), math.Float64frombits(1), // int64 ones
	2 * math.Pi, 2 * math.Pi, // the end of the range
}

// quadConsts holds pairConsts' values four times each (one per AVX2
// lane), for sincosQuads; sincosOcts broadcasts them.
var quadConsts = func() (q [2 * len(pairConsts)]float64) {
	for c := 0; c < len(pairConsts); c += 2 {
		v := pairConsts[c]
		q[2*c], q[2*c+1], q[2*c+2], q[2*c+3] = v, v, v, v
	}
	return q
}()
