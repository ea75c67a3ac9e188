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
	for i := 0; i < len(x); {
		end := i
		for end < len(x) && inPhaseRange(x[end]) {
			end++
		}
		if octs := i + (end-i)&^7; sincosWidth >= 8 && octs > i {
			sincosOcts(x[i:octs], out[2*i:2*octs], &quadConsts)
			i = octs
		}
		if quads := i + (end-i)&^3; sincosWidth >= 4 && quads > i {
			sincosQuads(x[i:quads], out[2*i:2*quads], &quadConsts)
			i = quads
		}
		if even := i + (end-i)&^1; sincosWidth >= 2 && even > i {
			sincosPairs(x[i:even], out[2*i:2*even], &pairConsts)
			i = even
		}
		// The odd argument left of the run, and the one out of range
		// after it.
		for stop := min(end+1, len(x)); i < stop; i++ {
			out[2*i], out[2*i+1] = SincosPhase(x[i])
		}
	}
}

// inPhaseRange reports whether x is in SincosPhase's fast path: 0 <= x <
// 2π, not −0.
func inPhaseRange(x float64) bool { return !math.Signbit(x) && x < 2*math.Pi }

// pairConsts holds, each twice (one per SSE2 lane), the constants of
// octantSmall and the kernels, and the integer masks of fromOctant, in the
// order sincos_amd64.s reads them.
var pairConsts = [...]float64{
	4 / math.Pi, 4 / math.Pi,
	pi4A, pi4A, pi4B, pi4B, pi4C, pi4C,
	sin0, sin0, sin1, sin1, sin2, sin2, sin3, sin3, sin4, sin4, sin5, sin5,
	cos0, cos0, cos1, cos1, cos2, cos2, cos3, cos3, cos4, cos4, cos5, cos5,
	1, 1, 0.5, 0.5,
	math.Float64frombits(1<<32 | 1), math.Float64frombits(1<<32 | 1), // int32 ones
	math.Float64frombits(1), math.Float64frombits(1), // int64 ones
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
