package fabric

import (
	"math"
	"testing"
)

// TestLanczosMatchesDense checks the sparse Fiedler value against the
// dense one to 1e-9 on graphs of a few hundred nodes, including
// ones whose small eigenvalues are clustered or repeated (ring, path,
// barbell, star), which are hardest for Lanczos.
func TestLanczosMatchesDense(t *testing.T) {
	crashed := generated(t, 400, 3)
	for _, i := range []int{0, 1, 2, 3, 5, 8, 13} {
		if err := crashed.CrashNode(i); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name   string
		f      *Fabric
		reason string
	}{
		{"fabric-300", generated(t, 300, testSeed), "the default topology"},
		{"fabric-500-seed-2", generated(t, 500, 2), "a larger one"},
		{"fabric-400-7-down", crashed, "a live graph without its hubs"},
		{"ring-200", fromEdges(t, 200, ring(200)), "λ₂ = λ₃ ≈ 1e-3, condition number ≈ 4e3"},
		{"path-150", fromEdges(t, 150, pathGraph(150)), "λ₂ ≈ 4.4e-4, the slowest CG"},
		{"barbell-60", fromEdges(t, 120, barbell(60)), "λ₂ far below the clustered λ₃ = … = 60"},
		{"star-300", fromEdges(t, 301, star(300)), "λ₂ = 1 with multiplicity 299"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, _ := tc.f.live()
			dense, sparse := g.fiedlerDense(), g.fiedlerLanczos()
			if math.Abs(dense-sparse) > 1e-9 {
				t.Errorf("Lanczos %.15g, dense %.15g: differ by %.2g (%s)", sparse, dense, sparse-dense, tc.reason)
			}
		})
	}
}
