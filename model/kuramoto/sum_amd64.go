package kuramoto

// sumRows writes the coupling sums of rows [0, len(start)−1) of a padded
// layout into out, sines at 2r and cosines at 2r+1, each as sumUniform
// computes them; on amd64 it is SSE2 assembly (sum_amd64.s) with the same
// results bit for bit. It reads without bounds checks, so it is only ever
// given a layout's rows, whose offsets layout.build checked.
//
//go:noescape
func sumRows(start []int32, cols []uint32, tr []float64, out []float64)
