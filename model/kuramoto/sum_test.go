package kuramoto

import (
	"math"
	"math/rand/v2"
	"testing"
)

// testRows returns a padded layout's start and cols and a trig slice for
// the sums' tests: rows of every padded length up to 64, in pairs of every
// two such lengths (rows are summed in pairs), then an odd row, with
// values of mixed signs and magnitudes.
func testRows() (start []int32, cols []uint32, tr []float64) {
	rng := rand.New(rand.NewPCG(6, 1))
	const nodes = 300
	tr = make([]float64, 2*nodes+2)
	for i := range 2 * nodes {
		tr[i] = (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(40)-20))
	}
	start = []int32{0}
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
	return start, cols, tr
}

// checkRowSums fails t unless out holds sumUniform's results for every row,
// bit for bit.
func checkRowSums(t *testing.T, name string, start []int32, cols []uint32, tr, out []float64) {
	t.Helper()
	for r := range len(start) - 1 {
		ss, sc := sumUniform(cols[start[r]:start[r+1]], tr)
		if math.Float64bits(out[2*r]) != math.Float64bits(ss) || math.Float64bits(out[2*r+1]) != math.Float64bits(sc) {
			t.Errorf("row %d (%d edges): %s gave %v, %v; sumUniform %v, %v",
				r, start[r+1]-start[r], name, out[2*r], out[2*r+1], ss, sc)
		}
	}
}

// TestSumRowsMatchesSumUniform checks the platform's sumRows (assembly on
// amd64) against the plain four-lane loop, bit for bit.
func TestSumRowsMatchesSumUniform(t *testing.T) {
	start, cols, tr := testRows()
	out := make([]float64, 2*(len(start)-1))
	sumRows(start, cols, tr, out)
	checkRowSums(t, "sumRows", start, cols, tr, out)
}

// TestLayoutNarrowOffsets checks that a layout keeps 2-byte offsets up to
// maxNarrowNodes, where the platform reads them, equal to its 4-byte ones
// (the largest neighbour and the zero pair included), and none above.
func TestLayoutNarrowOffsets(t *testing.T) {
	for _, n := range []int{maxNarrowNodes, maxNarrowNodes + 1} {
		var b Builder
		b.Reset(n)
		b.Add(0, n-1, 1)
		b.Add(1, n-2, 1)
		b.Add(1, n-1, 1)
		var l layout
		l.build(b.Graph())
		if want := narrowOffsets && n <= maxNarrowNodes; (len(l.narrow) > 0) != want {
			t.Fatalf("%d nodes: narrow offsets %v, want %v", n, len(l.narrow) > 0, want)
		}
		if len(l.narrow) == 0 {
			continue
		}
		if len(l.narrow) != len(l.cols) {
			t.Fatalf("%d nodes: %d narrow offsets for %d", n, len(l.narrow), len(l.cols))
		}
		for e, c := range l.cols {
			if uint32(l.narrow[e]) != c {
				t.Errorf("%d nodes: narrow offset %d is %d, want %d", n, e, l.narrow[e], c)
			}
		}
	}
}
