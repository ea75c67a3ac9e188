package fabric

import (
	"math"
	"math/rand/v2"
)

// Symmetric eigenvalue routines for the algebraic connectivity, written
// here rather than taken from gonum so that their rounding is ours: gonum's
// EigenSym runs assembly kernels on amd64 and fused multiply-adds in pure
// Go on arm64, and the last bits of λ₂ differed between the two. Every
// product below is rounded by an explicit float64 conversion before it is
// added (the Go specification's rounding point, which forbids fusion) and
// every sum runs in a fixed order, so the results are the same bits on
// every architecture and GOAMD64 level. The algorithms are the textbook
// ones LAPACK uses for the same tasks: Householder reduction to
// tridiagonal form (dsytd2), Sturm-sequence bisection (dstebz) and inverse
// iteration (dstein); Golub and Van Loan, Matrix Computations, 4th ed.,
// §5.1.4, §8.3.1 and §8.4.1.

// tridiagonalize reduces the dense symmetric n×n matrix a (row-major; only
// its lower triangle is read, and a is overwritten) to a similar
// tridiagonal matrix by Householder reflections, and returns its diagonal d
// and off-diagonal e. The off-diagonal's signs are arbitrary, which does
// not change the eigenvalues. O(4n³/3) time, O(n) extra memory.
func tridiagonalize(a []float64, n int) (d, e []float64) {
	d = make([]float64, n)
	e = make([]float64, max(n-1, 0))
	v := make([]float64, n)
	w := make([]float64, n)
	for k := 0; k < n-2; k++ {
		d[k] = a[k*n+k]
		// The reflection H = I − β·v·vᵀ, v[k+1] = 1, maps the column below
		// the diagonal, x = a[k+1:, k], to ‖x‖·e₁.
		x0 := a[(k+1)*n+k]
		var sigma float64
		for i := k + 2; i < n; i++ {
			sigma += float64(a[i*n+k] * a[i*n+k])
		}
		if sigma == 0 {
			e[k] = x0 // already tridiagonal in this column
			continue
		}
		mu := math.Sqrt(float64(x0*x0) + sigma)
		v0 := x0 - mu
		if x0 > 0 {
			v0 = -sigma / (x0 + mu) // the same value without cancellation
		}
		v0sq := float64(v0 * v0)
		beta := 2 * v0sq / (sigma + v0sq)
		e[k] = mu
		v[k+1] = 1
		for i := k + 2; i < n; i++ {
			v[i] = a[i*n+k] / v0
		}
		// w = β·A′v on the trailing block A′ (lower triangle only), then
		// w −= (β/2)(wᵀv)·v, so that H·A′·H = A′ − v·wᵀ − w·vᵀ.
		clear(w[k+1:])
		for i := k + 1; i < n; i++ {
			row := a[i*n : i*n+i+1]
			var s float64
			for j := k + 1; j < i; j++ {
				s += float64(row[j] * v[j])
				w[j] += float64(row[j] * v[i])
			}
			w[i] += s + float64(row[i]*v[i])
		}
		for i := k + 1; i < n; i++ {
			w[i] *= beta
		}
		half := float64(beta/2) * dot(w[k+1:], v[k+1:])
		for i := k + 1; i < n; i++ {
			w[i] -= float64(half * v[i])
		}
		for i := k + 1; i < n; i++ {
			row := a[i*n : i*n+i+1]
			for j := k + 1; j <= i; j++ {
				row[j] -= float64(v[i]*w[j]) + float64(w[i]*v[j])
			}
		}
	}
	if n >= 2 {
		d[n-2] = a[(n-2)*n+n-2]
		e[n-2] = a[(n-1)*n+n-2]
	}
	if n >= 1 {
		d[n-1] = a[(n-1)*n+n-1]
	}
	return d, e
}

// tridiagNorm returns a bound on the spectral radius of the symmetric
// tridiagonal matrix (d, e) and the Gershgorin interval [lo, hi] holding
// its eigenvalues.
func tridiagNorm(d, e []float64) (norm, lo, hi float64) {
	for i := range d {
		r := 0.0
		if i > 0 {
			r += math.Abs(e[i-1])
		}
		if i < len(e) {
			r += math.Abs(e[i])
		}
		if i == 0 || d[i]-r < lo {
			lo = d[i] - r
		}
		if i == 0 || d[i]+r > hi {
			hi = d[i] + r
		}
	}
	return max(math.Abs(lo), math.Abs(hi)), lo, hi
}

// tridiagEigenvalue returns the j-th smallest eigenvalue (from 0) of the
// symmetric tridiagonal matrix with diagonal d and off-diagonal e, by
// bisection on Sturm counts, to an absolute accuracy of about
// ε·‖T‖ (plus a relative 2ε): about 60 halvings of O(n) each.
func tridiagEigenvalue(d, e []float64, j int) float64 {
	const eps = 0x1p-52
	e2 := make([]float64, len(e))
	maxE2 := 0.0
	for i, x := range e {
		e2[i] = float64(x * x)
		maxE2 = max(maxE2, e2[i])
	}
	pivmin := math.SmallestNonzeroFloat64 * 0x1p1022 * max(1, maxE2) // smallest normal × max(1, max e²)
	tnorm, lo, hi := tridiagNorm(d, e)
	widen := float64(float64(2*eps*float64(len(d)))*tnorm) + float64(4*pivmin)
	lo, hi = lo-widen, hi+widen
	atol := eps * tnorm
	// Invariant: fewer than j+1 eigenvalues lie below lo, at least j+1 below
	// hi; so the j-th is in [lo, hi).
	for {
		mid := lo + float64((hi-lo)/2) // rounded: x/2 becomes x·0.5, which would fuse
		if mid <= lo || mid >= hi || hi-lo <= max(atol, pivmin, 2*eps*max(math.Abs(lo), math.Abs(hi))) {
			return mid
		}
		if sturmCount(d, e2, mid, pivmin) > j {
			hi = mid
		} else {
			lo = mid
		}
	}
}

// sturmCount returns how many eigenvalues of the symmetric tridiagonal
// matrix with diagonal d and squared off-diagonal e2 are below x: the
// number of negative pivots of the LDLᵀ factorisation of T − xI, each
// pivot kept at least pivmin away from 0 (LAPACK's dlaebz).
func sturmCount(d, e2 []float64, x, pivmin float64) int {
	count := 0
	q := d[0] - x
	for i := 0; ; i++ {
		if math.Abs(q) < pivmin {
			q = -pivmin
		}
		if q < 0 {
			count++
		}
		if i+1 == len(d) {
			return count
		}
		q = (d[i+1] - x) - e2[i]/q
	}
}

// inverseIterations is how many inverse iteration steps
// tridiagEigenvector takes. With an eigenvalue accurate to the last bits,
// one step already gives the eigenvector to working accuracy when the
// eigenvalue is simple (as for an unreduced Lanczos matrix); the others
// make it robust to a poor start. A fixed count keeps the cost and the
// bits independent of convergence tests.
const inverseIterations = 3

// tridiagEigenvector returns a unit eigenvector of the symmetric
// tridiagonal matrix (d, e) for its eigenvalue theta, by inverse iteration:
// repeated solves of (T − θI)·z = y by Gaussian elimination with partial
// pivoting, zero pivots replaced by ε·‖T‖. O(n) per step. The start vector
// comes from a fixed PCG seed.
func tridiagEigenvector(d, e []float64, theta float64) []float64 {
	const eps = 0x1p-52
	k := len(d)
	tnorm, _, _ := tridiagNorm(d, e)
	tiny := max(eps*tnorm, math.SmallestNonzeroFloat64*0x1p1022)
	// U has diagonal u0 and two superdiagonals u1, u2; L has multipliers l
	// below the diagonal, after the row swaps recorded in swapped.
	u0, u1, u2 := make([]float64, k), make([]float64, k), make([]float64, k)
	l, swapped := make([]float64, k), make([]bool, k)
	for i := range k {
		u0[i] = d[i] - theta
		if i < k-1 {
			u1[i] = e[i]
		}
	}
	for i := 0; i < k-1; i++ {
		// Before this step row i holds u0[i], u1[i] (columns i, i+1) and
		// row i+1 is T − θI's: e[i], u0[i+1], u1[i+1].
		sub := e[i]
		if math.Abs(u0[i]) >= math.Abs(sub) {
			if u0[i] != 0 {
				l[i] = sub / u0[i]
			}
			u0[i+1] -= float64(l[i] * u1[i])
			continue
		}
		swapped[i] = true
		l[i] = u0[i] / sub
		rowI1, rowI2 := u0[i+1], u1[i+1] // columns i+1, i+2 of the row moving up
		nextU0 := u1[i] - float64(l[i]*rowI1)
		nextU1 := -float64(l[i] * rowI2)
		u0[i], u1[i], u2[i] = sub, rowI1, rowI2
		u0[i+1], u1[i+1] = nextU0, nextU1
	}
	for i := range u0 {
		if math.Abs(u0[i]) < tiny {
			u0[i] = math.Copysign(tiny, u0[i])
		}
	}

	start := rand.New(rand.NewPCG(0x7269747a, 0x766563)) // "Ritz vec"
	y := make([]float64, k)
	for i := range y {
		y[i] = float64(start.Float64()) + 0.5 // rounded: Float64 ends in a product
	}
	for range inverseIterations {
		for i := 0; i < k-1; i++ {
			if swapped[i] {
				y[i], y[i+1] = y[i+1], y[i]
			}
			y[i+1] -= float64(l[i] * y[i])
		}
		for i := k - 1; i >= 0; i-- {
			s := y[i]
			if i+1 < k {
				s -= float64(u1[i] * y[i+1])
			}
			if i+2 < k {
				s -= float64(u2[i] * y[i+2])
			}
			y[i] = s / u0[i]
		}
		scale(y, 1/norm(y), y)
	}
	return y
}
