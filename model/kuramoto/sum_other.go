//go:build !amd64

package kuramoto

// narrowOffsets reports whether layouts keep 2-byte neighbour offsets
// where they fit; only the amd64 assembly reads them.
const narrowOffsets = false

// sums writes the coupling sums of rows [lo, hi) into out, as sumRows
// does.
func (l *layout) sums(lo, hi int, tr, out []float64) {
	sumRows(l.start[lo:hi+1], l.cols, tr, out)
}

// sumRows writes the coupling sums of rows [0, len(start)−1) of a padded
// layout into out, sines at 2r and cosines at 2r+1, as sumUniform computes
// them. amd64 has an assembly version (sum_amd64.s).
func sumRows(start []int32, cols []uint32, tr []float64, out []float64) {
	for r := range len(start) - 1 {
		out[2*r], out[2*r+1] = sumUniform(cols[start[r]:start[r+1]], tr)
	}
}
