package kuramoto

import "fmt"

// Normalization says what the coupling sum of node i is divided by.
type Normalization uint8

// Normalizations. ByDegree divides by |Ni|, the node's number of
// neighbours in the network (the original at its revision of 2025-10-07);
// ByNodes divides by N, the number of oscillators in the network (its
// revision of 2025-11-15). Both are one coefficient per node, computed when
// the network is reset, outside the coupling loop.
const (
	ByDegree Normalization = iota
	ByNodes
)

var normalizationNames = [...]string{ByDegree: "degree", ByNodes: "nodes"}

// String returns the normalisation's name as used in configuration.
func (m Normalization) String() string {
	if int(m) < len(normalizationNames) {
		return normalizationNames[m]
	}
	return fmt.Sprintf("Normalization(%d)", m)
}

// NoiseScaling says how the phase noise of one step scales with the step.
type NoiseScaling uint8

// Noise scalings. NoiseSqrtStep adds σ·√dt·ξ per step, the Euler–Maruyama term
// of white noise of intensity σ; NoiseStep adds σ·dt·ξ, as the original does
// (θ += (velocity + N(0, σ))·dt), which makes the noise vanish as the step
// shrinks (a documented defect of the original).
const (
	NoiseSqrtStep NoiseScaling = iota
	NoiseStep
)

// String returns the scaling's name as used in configuration.
func (s NoiseScaling) String() string {
	switch s {
	case NoiseSqrtStep:
		return "sqrt_dt"
	case NoiseStep:
		return "dt"
	}
	return fmt.Sprintf("NoiseScaling(%d)", s)
}

// coefficient returns the factor applied to node i's coupling sum: 1/|Ni|
// or 1/N, and 0 for a node without neighbours.
func (m Normalization) coefficient(degree, nodes int) float64 {
	if degree == 0 {
		return 0
	}
	if m == ByNodes {
		return 1 / float64(nodes)
	}
	return 1 / float64(degree)
}
