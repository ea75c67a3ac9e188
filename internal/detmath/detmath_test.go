package detmath

import (
	"math"
	"math/rand/v2"
	"testing"
)

// ulpDiff returns how many representable float64 values lie between a and b.
func ulpDiff(a, b float64) uint64 {
	ia, ib := int64(math.Float64bits(a)), int64(math.Float64bits(b))
	if ia < 0 {
		ia = math.MinInt64 - ia
	}
	if ib < 0 {
		ib = math.MinInt64 - ib
	}
	if ia > ib {
		return uint64(ia - ib)
	}
	return uint64(ib - ia)
}

// TestAgreesWithMath checks each function against the standard library over
// the ranges the models use. The algorithms are the same, so they must agree
// to within a couple of ulps (the standard library may fuse or use assembly).
func TestAgreesWithMath(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name     string
		got      func(float64) float64
		want     func(float64) float64
		lo, hi   float64
		maxUlps  uint64
		absFloor float64 // differences below this absolute value are accepted (near zeros of sin/cos)
	}{
		{"Sin", Sin, math.Sin, -20, 20, 2, 1e-16},
		{"Cos", cosine, math.Cos, -20, 20, 2, 1e-16},
		{"Sin large", Sin, math.Sin, 1e3, 1e6, 2, 1e-16},
		{"Exp", Exp, math.Exp, -700, 700, 2, 0},
		{"Log", Log, math.Log, 1e-300, 1e300, 2, 0},
		{"Log unit", Log, math.Log, 0, 1, 2, 0},
		{"Atan", Atan, math.Atan, -50, 50, 2, 0},
	} {
		for range 20000 {
			x := tc.lo + r.Float64()*(tc.hi-tc.lo)
			g, w := tc.got(x), tc.want(x)
			if d := ulpDiff(g, w); d > tc.maxUlps && math.Abs(g-w) > tc.absFloor {
				t.Fatalf("%s(%v) = %v, math gives %v (%d ulps)", tc.name, x, g, w, d)
			}
		}
	}
}

func TestAtan2Quadrants(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	for range 20000 {
		y, x := r.NormFloat64(), r.NormFloat64()
		g, w := Atan2(y, x), math.Atan2(y, x)
		if ulpDiff(g, w) > 2 {
			t.Fatalf("Atan2(%v, %v) = %v, math gives %v", y, x, g, w)
		}
	}
	for _, c := range [][2]float64{{0, 1}, {0, -1}, {1, 0}, {-1, 0}, {math.Inf(1), math.Inf(-1)}, {1, math.Inf(1)}} {
		if g, w := Atan2(c[0], c[1]), math.Atan2(c[0], c[1]); g != w {
			t.Errorf("Atan2(%v, %v) = %v, want %v", c[0], c[1], g, w)
		}
	}
}

func TestSpecialCases(t *testing.T) {
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"Exp(0)", Exp(0), 1},
		{"Exp(+Inf)", Exp(math.Inf(1)), math.Inf(1)},
		{"Exp(-Inf)", Exp(math.Inf(-1)), 0},
		{"Log(1)", Log(1), 0},
		{"Log(0)", Log(0), math.Inf(-1)},
		{"Log(e)", Log(math.E), 1},
		{"Sin(0)", Sin(0), 0},
		{"Cos(0)", cosine(0), 1},
		{"Sin(π/2)", Sin(math.Pi / 2), 1},
		{"Pow(0,2)", Pow(0, 2), 0},
		{"Pow(4,0.5)", Pow(4, 0.5), 2},
		{"Pow(x,1)", Pow(1.7, 1), 1.7},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	for name, v := range map[string]float64{
		"Log(-1)": Log(-1), "Sin(NaN)": Sin(math.NaN()), "Cos(Inf)": cosine(math.Inf(1)),
		"Pow(-1,2)": Pow(-1, 2), "Exp(NaN)": Exp(math.NaN()),
	} {
		if !math.IsNaN(v) {
			t.Errorf("%s = %v, want NaN", name, v)
		}
	}
}

// TestPinnedBits pins exact results so that a build that fuses or
// reassociates these functions fails here first, before any golden file.
func TestPinnedBits(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  float64
		bits uint64
	}{
		{"Sin(1)", Sin(1), 0x3feaed548f090cee},
		{"Cos(1)", cosine(1), 0x3fe14a280fb5068c},
		{"Exp(1)", Exp(1), 0x4005bf0a8b145769},
		{"Log(10)", Log(10), 0x40026bb1bbb55516},
		{"Sin(5.5)", Sin(5.5), 0xbfe693c94e0ab057},
		{"Exp(-3.7)", Exp(-3.7), 0x3f99511fc6871044},
	} {
		if b := math.Float64bits(tc.got); b != tc.bits {
			t.Errorf("%s = %#x (%v), want %#x", tc.name, b, tc.got, tc.bits)
		}
	}
}

// TestSincosPhaseMatchesSincos checks the phase fast path against Sincos,
// bit for bit, on a million phases in [0, 2π), the multiples of π/4 and
// the edges of the range, and on arguments outside it.
func TestSincosPhaseMatchesSincos(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 7))
	xs := []float64{0, math.Copysign(0, -1), math.SmallestNonzeroFloat64, math.Nextafter(2*math.Pi, 0),
		2 * math.Pi, -1e-300, 7, -3, 1e10, math.Inf(1), math.Inf(-1), math.NaN()}
	for k := range 8 {
		xs = append(xs, float64(k)*math.Pi/4, math.Nextafter(float64(k)*math.Pi/4, 0), math.Nextafter(float64(k)*math.Pi/4, 10))
	}
	for range 1000000 {
		xs = append(xs, 2*math.Pi*rng.Float64())
	}
	for _, x := range xs {
		s0, c0 := Sincos(x)
		s1, c1 := SincosPhase(x)
		if math.Float64bits(s0) != math.Float64bits(s1) || math.Float64bits(c0) != math.Float64bits(c1) {
			if !(math.IsNaN(s0) && math.IsNaN(s1) && math.IsNaN(c0) && math.IsNaN(c1)) {
				t.Fatalf("SincosPhase(%v) = %v, %v; Sincos gives %v, %v", x, s1, c1, s0, c0)
			}
		}
	}
}

// cosine is the cosine half of [Sincos], which the models call.
func cosine(x float64) float64 {
	_, c := Sincos(x)
	return c
}

// TestExpScalesAsLdexp requires Exp's power-of-two scaling (scale2) to
// give math.Ldexp's bits: on arguments over Exp's whole range, densest
// where the scale leaves the fast path (results near the smallest normal
// number and near overflow), and on every k with y at the ends of [½, 2).
func TestExpScalesAsLdexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 1))
	check := func(y float64, k int) {
		t.Helper()
		if got, want := scale2(y, k), math.Ldexp(y, k); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("scale2(%v, %d) = %v, want %v", y, k, got, want)
		}
	}
	for k := -1080; k <= 1030; k++ {
		for _, y := range []float64{0.5, math.Nextafter(0.5, 1), 1, math.Nextafter(2, 0), 0.7071067811865476, 1.4142135623730951} {
			check(y, k)
		}
		for range 50 {
			check(0.5+1.5*rng.Float64(), k)
		}
	}
}
