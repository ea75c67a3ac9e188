package detmath

import "math"

// Polynomial coefficients of the Cephes sin and cos kernels on [-π/4, π/4].
var (
	sinCoef = [...]float64{
		1.58962301576546568060e-10,
		-2.50507477628578072866e-8,
		2.75573136213857245213e-6,
		-1.98412698295895385996e-4,
		8.33333333332211858878e-3,
		-1.66666666666666307295e-1,
	}
	cosCoef = [...]float64{
		-1.13585365213876817300e-11,
		2.08757008419747316778e-9,
		-2.75573141792967388112e-7,
		2.48015872888517045348e-5,
		-1.38888888888730564116e-3,
		4.16666666666665929218e-2,
	}
)

// reduceLimit bounds the arguments reduced by Cody–Waite; beyond it the
// argument is first taken modulo 2π with math.Mod, which is exact.
const reduceLimit = 1 << 29

// octant reduces |x| to z in [-π/4, π/4] and returns the octant j in 0..7.
func octant(x float64) (j uint64, z float64) {
	const (
		pi4A = 7.85398125648498535156e-1 // π/4 in three parts
		pi4B = 3.77489470793079817668e-8
		pi4C = 2.69515142907905952645e-15
	)
	if x >= reduceLimit {
		x = math.Mod(x, 2*math.Pi)
	}
	j = uint64(float64(x * (4 / math.Pi)))
	y := float64(j)
	if j&1 == 1 {
		j++
		y++
	}
	j &= 7
	z = float64(float64(x-float64(y*pi4A))-float64(y*pi4B)) - float64(y*pi4C)
	return j, z
}

// horner evaluates c[0]·zᵏ + c[1]·zᵏ⁻¹ + ... + c[k] with a rounding point
// after every product.
func horner(c []float64, z float64) float64 {
	q := c[0]
	for _, ci := range c[1:] {
		q = float64(q*z) + ci
	}
	return q
}

func sinKernel(z, zz float64) float64 {
	return z + float64(float64(z*zz)*horner(sinCoef[:], zz))
}

func cosKernel(zz float64) float64 {
	return float64(1.0-float64(0.5*zz)) + float64(float64(zz*zz)*horner(cosCoef[:], zz))
}

// Sincos returns Sin(x) and Cos(x). NaN and ±Inf give NaN, NaN.
func Sincos(x float64) (sin, cos float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.NaN(), math.NaN()
	}
	if x == 0 {
		return x, 1
	}
	sinSign, cosSign := false, false
	if x < 0 {
		x = -x
		sinSign = true
	}
	j, z := octant(x)
	if j > 3 {
		j -= 4
		sinSign, cosSign = !sinSign, !cosSign
	}
	if j > 1 {
		cosSign = !cosSign
	}
	zz := float64(z * z)
	s, c := sinKernel(z, zz), cosKernel(zz)
	if j == 1 || j == 2 {
		s, c = c, s
	}
	if sinSign {
		s = -s
	}
	if cosSign {
		c = -c
	}
	return s, c
}

// Sin returns the sine of x radians.
func Sin(x float64) float64 {
	s, _ := Sincos(x)
	return s
}

// Cos returns the cosine of x radians.
func Cos(x float64) float64 {
	_, c := Sincos(x)
	return c
}
