package fabric

import (
	"math"
	"math/rand/v2"
)

// Spectrum methods reported in [Metrics].SpectrumMethod.
const (
	SpectrumDense        = "dense"        // Householder tridiagonalisation and bisection on the dense Laplacian
	SpectrumLanczos      = "lanczos"      // sparse shift-invert Lanczos
	SpectrumDisconnected = "disconnected" // 0 by definition
)

// algebraicConnectivity returns the Fiedler value λ₂ of the Laplacian
// L = D − A (unit weights, networkx algebraic_connectivity with
// normalized=False), and how it was computed: 0 if g has fewer than two
// nodes or is disconnected; a dense symmetric eigendecomposition when
// n <= denseMax; shift-invert Lanczos above.
func (g *graph) algebraicConnectivity(connected bool, denseMax int) (float64, string) {
	switch {
	case g.n < 2 || !connected:
		return 0, SpectrumDisconnected
	case g.n <= denseMax:
		return g.fiedlerDense(), SpectrumDense
	}
	return g.fiedlerLanczos(), SpectrumLanczos
}

// fiedlerDense returns the second smallest eigenvalue of the dense
// Laplacian: Householder reduction to tridiagonal form, then bisection for
// λ₂ alone (see symeig.go). O(n³) time, O(n²) memory.
func (g *graph) fiedlerDense() float64 {
	n := g.n
	l := make([]float64, n*n) // row-major; only the lower triangle is used
	for v := range n {
		l[v*n+v] = float64(g.deg(int32(v)))
		for _, u := range g.nbr[g.off[v]:g.off[v+1]] {
			if int(u) < v {
				l[v*n+int(u)] = -1
			}
		}
	}
	d, e := tridiagonalize(l, n)
	return tridiagEigenvalue(d, e, 1) // [0] is 0, for the constant vector
}

// Lanczos parameters. The Ritz value is accepted once the Lanczos residual
// estimate of L⁺ falls below lanczosRitzTol relative to it; the returned
// value is then the Rayleigh quotient of the Ritz vector on L itself, whose
// error is at most ‖Lx − λx‖²/gap (and never more than ‖Lx − λx‖).
const (
	lanczosMaxSteps = 150
	lanczosRitzTol  = 1e-10
	cgRelTol        = 1e-14
	cgMaxFactor     = 4 // CG iterations at most cgMaxFactor·n (never reached in practice)
)

// fiedlerLanczos returns λ₂ of the connected graph g by Lanczos iteration
// on L⁺, the pseudo-inverse restricted to the complement of the constant
// vector (shift-invert at 0): λ₂ is 1/θ for the largest eigenvalue θ of L⁺,
// which Lanczos finds in a few dozen steps because 1/λ₂ is well separated
// from 1/λ₃ relative to the spread of L⁺'s spectrum. Each step applies L⁺
// by conjugate gradients with the Jacobi (degree) preconditioner to a
// relative residual of 1e-14; Lanczos vectors are fully reorthogonalised
// (twice, classical Gram–Schmidt) against each other and the constant
// vector. The start vector comes from a fixed PCG seed, so the value does
// not depend on any caller's random stream. Memory O(steps·n); time
// O(steps·(CG iterations·links + steps·n)).
func (g *graph) fiedlerLanczos() float64 {
	n := g.n
	start := rand.New(rand.NewPCG(0x46696564, 0x6c6572)) // "Fiedler"
	q0 := make([]float64, n)
	for i := range q0 {
		q0[i] = float64(start.Float64()) - 0.5 // rounded: Float64 ends in a product
	}
	deflate(q0)
	scale(q0, 1/norm(q0), q0)

	cg := newCGSolver(g)
	basis := [][]float64{q0}
	var alpha, beta []float64
	w := make([]float64, n)
	for j := 0; j < min(lanczosMaxSteps, n-1); j++ {
		q := basis[j]
		cg.solve(w, q)
		alpha = append(alpha, dot(q, w))
		for range 2 {
			deflate(w)
			for _, b := range basis {
				axpy(w, -dot(b, w), b)
			}
		}
		bj := norm(w)
		theta, s := largestRitz(alpha, beta)
		if float64(bj*math.Abs(s[len(s)-1])) <= float64(lanczosRitzTol*theta) || j == min(lanczosMaxSteps, n-1)-1 {
			return g.rayleigh(basis, s)
		}
		beta = append(beta, bj)
		next := make([]float64, n)
		scale(next, 1/bj, w)
		basis = append(basis, next)
	}
	return math.NaN() // unreachable: the loop returns on its last step
}

// largestRitz returns the largest eigenvalue of the symmetric tridiagonal
// matrix with diagonal alpha and off-diagonal beta, and a unit eigenvector.
func largestRitz(alpha, beta []float64) (float64, []float64) {
	theta := tridiagEigenvalue(alpha, beta, len(alpha)-1)
	return theta, tridiagEigenvector(alpha, beta, theta)
}

// rayleigh forms the Ritz vector x = Σ s_i·basis_i and returns its
// Rayleigh quotient xᵀLx / xᵀx.
func (g *graph) rayleigh(basis [][]float64, s []float64) float64 {
	x := make([]float64, g.n)
	for i, b := range basis {
		axpy(x, s[i], b)
	}
	lx := make([]float64, g.n)
	g.laplacian(lx, x)
	return dot(x, lx) / dot(x, x)
}

// laplacian sets y = Lx.
func (g *graph) laplacian(y, x []float64) {
	g.stop.poll() // once per product: Lanczos and CG run thousands of them
	for v := range g.n {
		nb := g.nbr[g.off[v]:g.off[v+1]]
		s := float64(float64(len(nb)) * x[v]) // rounded: the subtractions below must not fuse with it
		for _, u := range nb {
			s -= x[u]
		}
		y[v] = s
	}
}

// cgSolver solves Ly = b for b orthogonal to the constant vector by
// Jacobi-preconditioned conjugate gradients. L is singular, but the system
// is consistent and the preconditioned operator D^-½LD^-½ keeps every
// iterate in its range, so CG converges; the solution is returned with its
// constant component removed.
type cgSolver struct {
	g           *graph
	invDeg      []float64
	r, z, p, ap []float64
	maxIter     int
}

func newCGSolver(g *graph) *cgSolver {
	n := g.n
	c := &cgSolver{g: g, invDeg: make([]float64, n), maxIter: cgMaxFactor * n,
		r: make([]float64, n), z: make([]float64, n), p: make([]float64, n), ap: make([]float64, n)}
	for v := range n {
		c.invDeg[v] = 1 / float64(g.deg(int32(v)))
	}
	return c
}

func (c *cgSolver) solve(y, b []float64) {
	clear(y)
	copy(c.r, b)
	deflate(c.r) // b's constant component, however small, would grow without bound
	c.precondition()
	copy(c.p, c.z)
	rz := dot(c.r, c.z)
	limit := cgRelTol * norm(c.r)
	for range c.maxIter {
		c.g.laplacian(c.ap, c.p)
		step := rz / dot(c.p, c.ap)
		axpy(y, step, c.p)
		axpy(c.r, -step, c.ap)
		if norm(c.r) <= limit {
			break
		}
		c.precondition()
		rzNext := dot(c.r, c.z)
		ratio := rzNext / rz
		for i, z := range c.z {
			c.p[i] = z + float64(ratio*c.p[i])
		}
		rz = rzNext
	}
	deflate(y)
}

// precondition sets z = D⁻¹r.
func (c *cgSolver) precondition() {
	for i, r := range c.r {
		c.z[i] = c.invDeg[i] * r
	}
}
