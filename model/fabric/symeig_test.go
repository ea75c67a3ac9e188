package fabric

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestTridiagEigenvalueKnownSpectrum checks bisection on matrices whose
// eigenvalues are known in closed form.
func TestTridiagEigenvalueKnownSpectrum(t *testing.T) {
	for _, tc := range []struct {
		name   string
		d, e   []float64
		want   func(j int) float64
		reason string
	}{
		{"path-laplacian-50", pathLaplacianDiag(50), slices.Repeat([]float64{-1}, 49),
			func(j int) float64 { return 2 - 2*math.Cos(math.Pi*float64(j)/50) },
			"λ_j = 2 − 2cos(πj/n), including the zero eigenvalue"},
		{"toeplitz-2-1-40", slices.Repeat([]float64{2}, 40), slices.Repeat([]float64{1}, 39),
			func(j int) float64 { return 2 + 2*math.Cos(math.Pi*float64(40-j)/41) },
			"λ_j = a + 2b·cos(πk/(n+1)), all simple"},
		{"diagonal", []float64{3, -1, 7, 0}, []float64{0, 0, 0},
			func(j int) float64 { return []float64{-1, 0, 3, 7}[j] },
			"zero off-diagonal: the sorted diagonal"},
		{"one", []float64{-2.5}, nil, func(int) float64 { return -2.5 }, "1×1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for j := range tc.d {
				if got, want := tridiagEigenvalue(tc.d, tc.e, j), tc.want(j); math.Abs(got-want) > 1e-13 {
					t.Errorf("λ_%d = %.17g, want %.17g (%s)", j, got, want, tc.reason)
				}
			}
		})
	}
}

// TestTridiagonalizeKeepsSpectrum checks the Householder reduction and
// bisection against gonum's EigenSym on random symmetric matrices: every
// eigenvalue to 1e-12 relative to the norm.
func TestTridiagonalizeKeepsSpectrum(t *testing.T) {
	r := rand.New(rand.NewPCG(testSeed, 5))
	for _, n := range []int{1, 2, 3, 7, 40} {
		a := make([]float64, n*n)
		sym := mat.NewSymDense(n, nil)
		for i := range n {
			for j := range i + 1 {
				x := r.NormFloat64()
				a[i*n+j] = x
				sym.SetSym(i, j, x)
			}
		}
		var eig mat.EigenSym
		if !eig.Factorize(sym, false) {
			t.Fatal("gonum eigendecomposition failed")
		}
		want := eig.RawValues()
		d, e := tridiagonalize(a, n)
		scale := math.Max(1, math.Abs(want[0])+math.Abs(want[n-1]))
		for j := range n {
			if got := tridiagEigenvalue(d, e, j); math.Abs(got-want[j]) > 1e-12*scale {
				t.Errorf("n=%d: λ_%d = %.17g, gonum %.17g", n, j, got, want[j])
			}
		}
	}
}

// TestTridiagEigenvectorResidual checks inverse iteration: a unit vector
// whose residual ‖Ty − θy‖ is at the level of rounding, for the largest
// eigenvalue of Lanczos-like matrices and for one in the middle of a
// spectrum with a zero pivot on the way (T − θI singular in its leading
// block).
func TestTridiagEigenvectorResidual(t *testing.T) {
	r := rand.New(rand.NewPCG(testSeed, 6))
	random := func(n int) ([]float64, []float64) {
		d, e := make([]float64, n), make([]float64, n-1)
		for i := range d {
			d[i] = r.Float64() * 10
		}
		for i := range e {
			e[i] = 0.1 + r.Float64()
		}
		return d, e
	}
	d20, e20 := random(20)
	d150, e150 := random(150)
	for _, tc := range []struct {
		name string
		d, e []float64
		j    int
	}{
		{"random-20-largest", d20, e20, 19},
		{"random-150-largest", d150, e150, 149},
		{"random-150-middle", d150, e150, 75},
		{"toeplitz-0-1-9-middle", slices.Repeat([]float64{0}, 9), slices.Repeat([]float64{1}, 8), 4}, // θ = 0: every other pivot is 0
	} {
		t.Run(tc.name, func(t *testing.T) {
			theta := tridiagEigenvalue(tc.d, tc.e, tc.j)
			y := tridiagEigenvector(tc.d, tc.e, theta)
			if nrm := norm(y); math.Abs(nrm-1) > 1e-14 {
				t.Errorf("‖y‖ = %v, want 1", nrm)
			}
			tnorm, _, _ := tridiagNorm(tc.d, tc.e)
			var res float64
			for i := range y {
				ty := tc.d[i] * y[i]
				if i > 0 {
					ty += tc.e[i-1] * y[i-1]
				}
				if i+1 < len(y) {
					ty += tc.e[i] * y[i+1]
				}
				res = math.Max(res, math.Abs(ty-theta*y[i]))
			}
			if res > 1e-13*tnorm {
				t.Errorf("‖Ty − θy‖∞ = %.3g for θ = %v (‖T‖ ≈ %v)", res, theta, tnorm)
			}
		})
	}
}

// TestAlgebraicConnectivityPinned pins the bits of the algebraic
// connectivity by both methods on generated fabrics. It runs on every leg
// of the determinism matrix (.ci/run): a compiler that fused a multiply-add
// or a kernel that summed in another order would move the last bits here.
func TestAlgebraicConnectivityPinned(t *testing.T) {
	for _, tc := range []struct {
		name  string
		nodes int
		seed  uint64
		dense bool
		want  uint64
	}{
		{"dense-24", 24, 1, true, 0x4024fe887f2056ed},
		{"dense-256", 256, 2, true, 0x40234cca2027af82},
		{"lanczos-24", 24, 1, false, 0x4024fe887f2056ed},
		{"lanczos-600", 600, 3, false, 0x4013c1cb6cedf4f2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, _ := generated(t, tc.nodes, tc.seed).live()
			var got float64
			if tc.dense {
				got = g.fiedlerDense()
			} else {
				got = g.fiedlerLanczos()
			}
			if math.Float64bits(got) != tc.want {
				t.Errorf("λ₂ = %.17g (%#x), pinned %.17g (%#x)", got, math.Float64bits(got), math.Float64frombits(tc.want), tc.want)
			}
		})
	}
}

// pathLaplacianDiag is the diagonal of the Laplacian of a path on n nodes.
func pathLaplacianDiag(n int) []float64 {
	d := slices.Repeat([]float64{2}, n)
	d[0], d[n-1] = 1, 1
	return d
}
