package detmath

import "math"

// Polynomial coefficients of the Cephes sin and cos kernels on [-π/4, π/4],
// highest degree first.
const (
	sin0 = 1.58962301576546568060e-10
	sin1 = -2.50507477628578072866e-8
	sin2 = 2.75573136213857245213e-6
	sin3 = -1.98412698295895385996e-4
	sin4 = 8.33333333332211858878e-3
	sin5 = -1.66666666666666307295e-1

	cos0 = -1.13585365213876817300e-11
	cos1 = 2.08757008419747316778e-9
	cos2 = -2.75573141792967388112e-7
	cos3 = 2.48015872888517045348e-5
	cos4 = -1.38888888888730564116e-3
	cos5 = 4.16666666666665929218e-2
)

// reduceLimit bounds the arguments reduced by Cody–Waite; beyond it the
// argument is first taken modulo 2π with math.Mod, which is exact.
const reduceLimit = 1 << 29

// π/4 in three parts, for Cody–Waite reduction.
const (
	pi4A = 7.85398125648498535156e-1
	pi4B = 3.77489470793079817668e-8
	pi4C = 2.69515142907905952645e-15
)

// octant reduces |x| to z in [-π/4, π/4] and returns the octant j in 0..7.
func octant(x float64) (j uint64, z float64) {
	if x >= reduceLimit {
		x = math.Mod(x, 2*math.Pi)
	}
	return octantSmall(x)
}

// octantSmall is octant for 0 <= x < reduceLimit.
func octantSmall(x float64) (j uint64, z float64) {
	// The int64 conversion is exact here and cheaper than the uint64 one,
	// which must handle values above 2^63.
	j = uint64(int64(float64(x * (4 / math.Pi))))
	j += j & 1 // round an odd octant up, without a branch (phases are random)
	y := float64(j)
	j &= 7
	z = float64(float64(x-float64(y*pi4A))-float64(y*pi4B)) - float64(y*pi4C)
	return j, z
}

// The polynomials are evaluated by Horner's rule, unrolled, with a
// rounding point after every product.

func sinKernel(z, zz float64) float64 {
	q := sin0
	q = float64(q*zz) + sin1
	q = float64(q*zz) + sin2
	q = float64(q*zz) + sin3
	q = float64(q*zz) + sin4
	q = float64(q*zz) + sin5
	return z + float64(float64(z*zz)*q)
}

func cosKernel(zz float64) float64 {
	q := cos0
	q = float64(q*zz) + cos1
	q = float64(q*zz) + cos2
	q = float64(q*zz) + cos3
	q = float64(q*zz) + cos4
	q = float64(q*zz) + cos5
	return float64(1.0-float64(0.5*zz)) + float64(float64(zz*zz)*q)
}

// Sincos returns the sine and cosine of x radians. NaN and ±Inf give NaN, NaN.
func Sincos(x float64) (sin, cos float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.NaN(), math.NaN()
	}
	if x == 0 {
		return x, 1
	}
	sinSign := math.Float64bits(x) >> 63
	j, z := octant(math.Abs(x))
	return fromOctant(j, z, sinSign)
}

// SincosPhase returns Sincos(x), bit for bit, with fewer checks for the
// arguments an oscillator's phase takes, 0 <= x < 2π; any other argument
// goes through Sincos.
func SincosPhase(x float64) (sin, cos float64) {
	if math.Signbit(x) || !(x < 2*math.Pi) { // negative (−0 too), too large or NaN
		return Sincos(x)
	}
	j, z := octantSmall(x)
	return fromOctant(j, z, 0)
}

// fromOctant evaluates the kernels at z and applies the signs of octant j
// (0, 2, 4 or 6) and of the argument (sinSign 1 if negative). The signs
// and the sine–cosine swap are applied to the bits without branches: for
// random phases a branch would be mispredicted half the time. The results
// are those of the plain branches.
func fromOctant(j uint64, z float64, sinSign uint64) (sin, cos float64) {
	half, swap := j>>2, j>>1&1
	sinSign ^= half
	cosSign := half ^ swap
	zz := float64(z * z)
	sb, cb := math.Float64bits(sinKernel(z, zz)), math.Float64bits(cosKernel(zz))
	t := (sb ^ cb) & -swap
	sb, cb = sb^t, cb^t
	return math.Float64frombits(sb ^ sinSign<<63), math.Float64frombits(cb ^ cosSign<<63)
}

// Sin returns the sine of x radians.
func Sin(x float64) float64 {
	s, _ := Sincos(x)
	return s
}
