package kuramoto

import (
	"fmt"
	"math"

	"github.com/esgtsim/esgtsim/internal/detmath"
)

// Order returns the Kuramoto order parameter of the current phases: the
// coherence r = |Σ exp(iθj)| / N in [0, 1] and the mean phase ψ, its angle,
// in (−π, π]. An empty network has r = 0.
func (n *Network) Order() (r, psi float64) {
	if len(n.theta) == 0 {
		return 0, 0
	}
	var s, c float64
	for i := range n.sin {
		s += n.sin[i]
		c += n.cos[i]
	}
	r = math.Sqrt(float64(s*s)+float64(c*c)) / float64(len(n.theta))
	return min(r, 1), detmath.Atan2(s, c)
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
