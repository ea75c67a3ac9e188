package kuramoto

// narrowOffsets reports whether layouts keep 2-byte neighbour offsets
// where they fit: on amd64, sumRowsNarrow reads them (0.361 against 0.337
// ns per edge for the 10,000-node Euler step, docs/performance.md).
const narrowOffsets = true

// sums writes the coupling sums of rows [lo, hi) into out, as sumRows
// does, from the layout's 2-byte offsets when it has them.
func (l *layout) sums(lo, hi int, tr, out []float64) {
	if len(l.narrow) > 0 {
		sumRowsNarrow(l.start[lo:hi+1], l.narrow, tr, out)
		return
	}
	sumRows(l.start[lo:hi+1], l.cols, tr, out)
}

// sumRows writes the coupling sums of rows [0, len(start)−1) of a padded
// layout into out, sines at 2r and cosines at 2r+1, each as sumUniform
// computes them; on amd64 it is SSE2 assembly (sum_amd64.s) with the same
// results bit for bit. It reads without bounds checks, so it is only ever
// given a layout's rows, whose offsets layout.build checked.
//
//go:noescape
func sumRows(start []int32, cols []uint32, tr []float64, out []float64)

// sumRowsNarrow is sumRows on the same offsets stored as uint16
// (layout.narrow), the same results bit for bit.
//
//go:noescape
func sumRowsNarrow(start []int32, cols []uint16, tr []float64, out []float64)
