package kuramoto

import (
	"fmt"
	"math"

	"github.com/esgtsim/esgtsim/internal/detmath"
)

// The coupling sums Σj wij·sin θj and Σj wij·cos θj over the neighbours of
// one node are the step's inner loop. A single running sum would make every
// addition wait for the one before it, so the sums run in four lanes: edge
// e of the row (counting from 0 in the row's ascending neighbour order)
// goes to lane e mod 4, each lane adds its edges in order starting from
// +0, and the row's sum is (lane0 + lane1) + (lane2 + lane3). That order is
// part of the model's definition: it fixes the bits of every result on
// every platform, whatever the number of workers (a row is always summed
// whole by one).
//
// The layout serves that loop. The sines and cosines of all phases sit
// side by side in one flat slice (sin θj at 2j, cos θj at 2j+1), followed
// by a pair of zeros; a row's neighbours are stored as those offsets 2j,
// and padded to a multiple of four with the offset of the zeros. Adding +0
// to a lane that started at +0 changes no bit, so the padding only spares
// the loop its remainder.
//
// Where the platform sums from 2-byte offsets (narrowOffsets) and every
// offset fits in one (up to 32,767 nodes), the layout keeps a uint16 copy
// of them as well, for the uniform-weight sums: half the bytes read per
// edge besides the neighbour's pair.

// layout is a network's private, padded copy of its graph's rows.
type layout struct {
	start   []int32   // row i is cols[start[i]:start[i+1]]
	cols    []uint32  // 2·neighbour, then padding
	narrow  []uint16  // cols as uint16 where they fit and narrowOffsets, else empty
	weights []float64 // the edges' weights (0 for padding), when not uniform
}

// maxNarrowNodes is the largest network whose offsets, the zero pair's
// 2·nodes included, fit in a uint16.
const maxNarrowNodes = math.MaxUint16 / 2

// build lays out g's rows, without their weights (see setWeights).
func (l *layout) build(g *Graph) {
	n := g.Nodes()
	pad := uint32(2 * n)
	l.start = resize(l.start, n+1)
	l.cols = l.cols[:0]
	for i := range n {
		l.start[i] = int32(len(l.cols))
		for _, j := range g.Targets[g.Offsets[i]:g.Offsets[i+1]] {
			if j < 0 || int(j) >= n {
				// sumRows and sumRowsNarrow read without bounds
				// checks: never let an offset outside the trig slice
				// through.
				panic(fmt.Sprintf("kuramoto: node %d has neighbour %d outside [0, %d)", i, j, n))
			}
			l.cols = append(l.cols, uint32(2*j))
		}
		for len(l.cols)%4 != 0 {
			l.cols = append(l.cols, pad)
		}
	}
	l.start[n] = int32(len(l.cols))
	l.narrow = l.narrow[:0]
	if narrowOffsets && n <= maxNarrowNodes {
		l.narrow = resize(l.narrow, len(l.cols))
		for e, c := range l.cols {
			l.narrow[e] = uint16(c)
		}
	}
}

// setWeights copies g's weights into the layout (same topology).
func (l *layout) setWeights(g *Graph) {
	l.weights = resize(l.weights, len(l.cols))
	for i := range len(l.start) - 1 {
		lo, hi := g.Offsets[i], g.Offsets[i+1]
		w := l.weights[l.start[i]:l.start[i+1]]
		clear(w[copy(w, g.Weights[lo:hi]):])
	}
}

// sumUniform returns Σ sin θj and Σ cos θj over a padded row, in the lane
// order above. Rows whose weights are all equal use it, and multiply the
// sums by the weight afterwards.
func sumUniform(cols []uint32, tr []float64) (ss, sc float64) {
	var s0, s1, s2, s3, c0, c1, c2, c3 float64
	for e := 0; e < len(cols)-3; e += 4 {
		q := cols[e : e+4 : e+4]
		a, b, c, d := uint(q[0]), uint(q[1]), uint(q[2]), uint(q[3])
		_, _, _, _ = tr[a+1], tr[b+1], tr[c+1], tr[d+1]
		s0 += tr[a]
		c0 += tr[a+1]
		s1 += tr[b]
		c1 += tr[b+1]
		s2 += tr[c]
		c2 += tr[c+1]
		s3 += tr[d]
		c3 += tr[d+1]
	}
	return (s0 + s1) + (s2 + s3), (c0 + c1) + (c2 + c3)
}

// sumWeighted returns Σ wj·sin θj and Σ wj·cos θj over a padded row with
// its weights, in the lane order above; every product is rounded before
// it is added, so that no compiler may fuse them.
func sumWeighted(cols []uint32, weights []float64, tr []float64) (ss, sc float64) {
	var s0, s1, s2, s3, c0, c1, c2, c3 float64
	weights = weights[:len(cols)]
	for e := 0; e < len(cols)-3; e += 4 {
		q, w := cols[e:e+4:e+4], weights[e:e+4:e+4]
		a, b, c, d := uint(q[0]), uint(q[1]), uint(q[2]), uint(q[3])
		_, _, _, _ = tr[a+1], tr[b+1], tr[c+1], tr[d+1]
		s0 += float64(w[0] * tr[a])
		c0 += float64(w[0] * tr[a+1])
		s1 += float64(w[1] * tr[b])
		c1 += float64(w[1] * tr[b+1])
		s2 += float64(w[2] * tr[c])
		c2 += float64(w[2] * tr[c+1])
		s3 += float64(w[3] * tr[d])
		c3 += float64(w[3] * tr[d+1])
	}
	return (s0 + s1) + (s2 + s3), (c0 + c1) + (c2 + c3)
}

// derivatives writes into k[lo:hi] the derivative of each node i at phase
// at[i], its neighbours' phases given by their trig tr:
//
//	ωi + K·w·ci · (cos θi · Σ sin θj − sin θi · Σ cos θj) − d·(θi mod 2π)
//
// where ci is 1/|Ni| or 1/N (see [Normalization]), with the weight w
// factored out when the graph's weights are uniform, and inside the sums
// otherwise.
func (n *Network) derivatives(lo, hi int, at, tr, k []float64) {
	l := &n.layout
	sums := n.sums[2*lo : 2*hi]
	if n.uniform {
		l.sums(lo, hi, tr, sums)
	} else {
		for r := range hi - lo {
			i := lo + r
			a, b := l.start[i], l.start[i+1]
			sums[2*r], sums[2*r+1] = sumWeighted(l.cols[a:b], l.weights[a:b], tr)
		}
	}
	omega, invDeg := n.omega[lo:hi], n.invDeg[lo:hi]
	at, k = at[lo:hi], k[lo:hi]
	self := tr[2*lo : 2*hi]
	scale, damping := n.scale, n.cfg.Damping
	coupled(omega, invDeg, sums, self, k, scale)
	if damping != 0 {
		for r := range k {
			k[r] -= float64(damping * wrap(at[r]))
		}
	}
}

// coupled sets k[r] = ωr + scale·ci·(cos θi · Σ sin θj − sin θi · Σ cos θj)
// for every node r, the derivative without damping, ci = invDeg[r], the
// node's sums at sums[2r], sums[2r+1] and its own sine and cosine at
// self[2r], self[2r+1]; a node without neighbours (ci = 0) gets ωr.
// coupledPairs takes the pairs of nodes that both have neighbours; this
// loop takes a node without, then hands back.
func coupled(omega, invDeg, sums, self, k []float64, scale float64) {
	invDeg, k = invDeg[:len(omega)], k[:len(omega)]
	sums, self = sums[:2*len(omega)], self[:2*len(omega)]
	for r := 0; r < len(omega); r++ {
		r += coupledPairs(omega[r:], invDeg[r:], sums[2*r:], self[2*r:], k[r:], scale)
		if r == len(omega) {
			break
		}
		d := omega[r]
		if inv := invDeg[r]; inv != 0 {
			ss, sc := sums[2*r], sums[2*r+1]
			c := float64(self[2*r+1]*ss) - float64(self[2*r]*sc)
			d += float64(float64(scale*inv) * c)
		}
		k[r] = d
	}
}

// setTrigs writes sin x[r] and cos x[r] at tr[2i] and tr[2i+1], i = lo +
// r, with detmath's phase fast path (phases are mostly in [0, 2π)), two
// at a time where the platform allows (detmath.SincosPhases).
func setTrigs(tr []float64, lo int, x []float64) {
	detmath.SincosPhases(x, tr[2*lo:2*(lo+len(x))])
}
