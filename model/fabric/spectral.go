package fabric

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Spectrum methods reported in [Metrics].SpectrumMethod.
const (
	SpectrumDense        = "dense"        // gonum mat.EigenSym on the dense Laplacian
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
// Laplacian. O(n³) time, O(n²) memory.
func (g *graph) fiedlerDense() float64 {
	l := mat.NewSymDense(g.n, nil)
	for v := range g.n {
		l.SetSym(v, v, float64(g.deg(int32(v))))
		for _, u := range g.nbr[g.off[v]:g.off[v+1]] {
			if int(u) > v {
				l.SetSym(v, int(u), -1)
			}
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(l, false) {
		return math.NaN()
	}
	return eig.RawValues()[1] // ascending; [0] is 0 for the constant vector
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
		q0[i] = start.Float64() - 0.5
	}
	deflate(q0)
	floats.Scale(1/floats.Norm(q0, 2), q0)

	cg := newCGSolver(g)
	basis := [][]float64{q0}
	var alpha, beta []float64
	w := make([]float64, n)
	for j := 0; j < min(lanczosMaxSteps, n-1); j++ {
		q := basis[j]
		cg.solve(w, q)
		alpha = append(alpha, floats.Dot(q, w))
		for range 2 {
			deflate(w)
			for _, b := range basis {
				floats.AddScaled(w, -floats.Dot(b, w), b)
			}
		}
		bj := floats.Norm(w, 2)
		theta, s := largestRitz(alpha, beta)
		if bj*math.Abs(s[len(s)-1]) <= lanczosRitzTol*theta || j == min(lanczosMaxSteps, n-1)-1 {
			return g.rayleigh(basis, s)
		}
		beta = append(beta, bj)
		next := make([]float64, n)
		floats.ScaleTo(next, 1/bj, w)
		basis = append(basis, next)
	}
	return math.NaN() // unreachable: the loop returns on its last step
}

// deflate removes the component of x along the constant vector.
func deflate(x []float64) {
	mean := floats.Sum(x) / float64(len(x))
	floats.AddConst(-mean, x)
}

// largestRitz returns the largest eigenvalue of the symmetric tridiagonal
// matrix with diagonal alpha and off-diagonal beta, and its eigenvector.
func largestRitz(alpha, beta []float64) (float64, []float64) {
	k := len(alpha)
	t := mat.NewSymDense(k, nil)
	for i, a := range alpha {
		t.SetSym(i, i, a)
	}
	for i, b := range beta {
		t.SetSym(i, i+1, b)
	}
	var eig mat.EigenSym
	if !eig.Factorize(t, true) {
		return math.NaN(), make([]float64, k)
	}
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	return eig.RawValues()[k-1], mat.Col(nil, k-1, &vecs)
}

// rayleigh forms the Ritz vector x = Σ s_i·basis_i and returns its
// Rayleigh quotient xᵀLx / xᵀx.
func (g *graph) rayleigh(basis [][]float64, s []float64) float64 {
	x := make([]float64, g.n)
	for i, b := range basis {
		floats.AddScaled(x, s[i], b)
	}
	lx := make([]float64, g.n)
	g.laplacian(lx, x)
	return floats.Dot(x, lx) / floats.Dot(x, x)
}

// laplacian sets y = Lx.
func (g *graph) laplacian(y, x []float64) {
	g.stop.poll() // once per product: Lanczos and CG run thousands of them
	for v := range g.n {
		nb := g.nbr[g.off[v]:g.off[v+1]]
		s := float64(len(nb)) * x[v]
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
	floats.MulTo(c.z, c.invDeg, c.r)
	copy(c.p, c.z)
	rz := floats.Dot(c.r, c.z)
	limit := cgRelTol * floats.Norm(c.r, 2)
	for range c.maxIter {
		c.g.laplacian(c.ap, c.p)
		step := rz / floats.Dot(c.p, c.ap)
		floats.AddScaled(y, step, c.p)
		floats.AddScaled(c.r, -step, c.ap)
		if floats.Norm(c.r, 2) <= limit {
			break
		}
		floats.MulTo(c.z, c.invDeg, c.r)
		rzNext := floats.Dot(c.r, c.z)
		floats.AddScaledTo(c.p, c.z, rzNext/rz, c.p)
		rz = rzNext
	}
	deflate(y)
}
