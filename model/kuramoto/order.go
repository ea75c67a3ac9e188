package kuramoto

import (
	"fmt"
	"math"

	"github.com/esgtsim/esgtsim/internal/detmath"
)

// Order returns the Kuramoto order parameter of the current phases: the
// coherence r = |Σ exp(iθj)| / N in [0, 1] and the mean phase ψ, its angle,
// in (−π, π]. An empty network has r = 0. The sums run in four lanes, node
// j in lane j mod 4, added as (lane0 + lane1) + (lane2 + lane3), like the
// coupling sums.
func (n *Network) Order() (r, psi float64) {
	if len(n.theta) == 0 {
		return 0, 0
	}
	s, c := sumAll(n.trig[:2*len(n.theta)])
	return coherence(s, c, len(n.theta)), detmath.Atan2(s, c)
}

// Coherence returns r of [Network.Order], the same bits, without the
// arctangent of the mean phase: the per-step check of an ignition needs
// only r.
func (n *Network) Coherence() float64 {
	if len(n.theta) == 0 {
		return 0
	}
	s, c := sumAll(n.trig[:2*len(n.theta)])
	return coherence(s, c, len(n.theta))
}

// coherence is |(c, s)| / nodes, at most 1.
func coherence(s, c float64, nodes int) float64 {
	r := math.Sqrt(float64(s*s)+float64(c*c)) / float64(nodes)
	return min(r, 1)
}

// sumAll returns Σ sin θj and Σ cos θj over a flat trig slice (pairs
// sin, cos) in the four-lane order.
func sumAll(tr []float64) (ss, sc float64) {
	var s0, s1, s2, s3, c0, c1, c2, c3 float64
	t := tr
	for len(t) >= 8 {
		s0 += t[0]
		c0 += t[1]
		s1 += t[2]
		c1 += t[3]
		s2 += t[4]
		c2 += t[5]
		s3 += t[6]
		c3 += t[7]
		t = t[8:]
	}
	for k := 0; k+1 < len(t); k += 2 {
		switch k {
		case 0:
			s0 += t[k]
			c0 += t[k+1]
		case 2:
			s1 += t[k]
			c1 += t[k+1]
		default:
			s2 += t[k]
			c2 += t[k+1]
		}
	}
	return (s0 + s1) + (s2 + s3), (c0 + c1) + (c2 + c3)
}

// Band is the quality band of a coherence value (docs/model.md §2).
type Band uint8

// Quality bands, from r < 0.30 (unconscious) to r >= 0.90 (deep).
const (
	Unconscious  Band = iota // r < 0.30
	Preconscious             // 0.30 <= r < 0.70
	Conscious                // 0.70 <= r < 0.90
	Deep                     // r >= 0.90
)

// Quality returns the band of coherence r.
func Quality(r float64) Band {
	switch {
	case r < 0.30:
		return Unconscious
	case r < 0.70:
		return Preconscious
	case r < 0.90:
		return Conscious
	}
	return Deep
}

// String returns the band's name.
func (b Band) String() string {
	switch b {
	case Unconscious:
		return "unconscious"
	case Preconscious:
		return "preconscious"
	case Conscious:
		return "conscious"
	case Deep:
		return "deep"
	}
	return fmt.Sprintf("Band(%d)", b)
}
