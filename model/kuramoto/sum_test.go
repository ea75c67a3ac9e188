package kuramoto

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSumRowsMatchesSumUniform checks the platform's sumRows (assembly on
// amd64) against the plain four-lane loop, bit for bit, on rows of every
// padded length up to 64, in pairs of every two such lengths, with values
// of mixed signs and magnitudes.
func TestSumRowsMatchesSumUniform(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 1))
	const nodes = 300
	tr := make([]float64, 2*nodes+2)
	for i := range 2 * nodes {
		tr[i] = (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(40)-20))
	}
	start := []int32{0}
	var cols []uint32
	// Every padded length up to 64 after and before every other (rows are
	// summed in pairs), then an odd row.
	var lengths []int
	for a := range 17 {
		for b := range 17 {
			lengths = append(lengths, 4*a, 4*b)
		}
	}
	lengths = append(lengths, 12)
	for _, n := range lengths {
		for range n {
			cols = append(cols, uint32(2*rng.IntN(nodes+1))) // nodes: the zero pair
		}
		start = append(start, int32(len(cols)))
	}
	out := make([]float64, 2*(len(start)-1))
	sumRows(start, cols, tr, out)
	for r := range len(start) - 1 {
		ss, sc := sumUniform(cols[start[r]:start[r+1]], tr)
		if math.Float64bits(out[2*r]) != math.Float64bits(ss) || math.Float64bits(out[2*r+1]) != math.Float64bits(sc) {
			t.Errorf("row %d (%d edges): sumRows gave %v, %v; sumUniform %v, %v",
				r, start[r+1]-start[r], out[2*r], out[2*r+1], ss, sc)
		}
	}
}
