package needs

import "fmt"

// Urgency is the class of a need value, as the original's MMEI names it.
type Urgency uint8

// Urgency classes: below 0.20 satisfied, below 0.40 low, below 0.60
// moderate, below 0.80 high, else critical. A NaN fails every "below" test
// and is critical, as in the original.
const (
	Satisfied Urgency = iota
	Low
	Moderate
	High
	Critical
	numUrgencies
)

var urgencyNames = [numUrgencies]string{"satisfied", "low", "moderate", "high", "critical"}

// String returns the class's name.
func (u Urgency) String() string {
	if u < numUrgencies {
		return urgencyNames[u]
	}
	return fmt.Sprintf("Urgency(%d)", uint8(u))
}

// UrgencyOf returns the class of need value v.
func UrgencyOf(v float64) Urgency {
	switch {
	case v < 0.20:
		return Satisfied
	case v < 0.40:
		return Low
	case v < 0.60:
		return Moderate
	case v < 0.80:
		return High
	}
	return Critical
}

// Need names one of the six needs, in the original's order.
type Need uint8

// The six needs.
const (
	Rest Need = iota
	Repair
	Efficiency
	Connectivity
	Curiosity
	Learning
	numNeeds
)

var needNames = [numNeeds]string{"rest", "repair", "efficiency", "connectivity", "curiosity", "learning"}

// String returns the need's name.
func (k Need) String() string {
	if k < numNeeds {
		return needNames[k]
	}
	return fmt.Sprintf("Need(%d)", uint8(k))
}

// Get returns the value of need k.
func (n Needs) Get(k Need) float64 {
	switch k {
	case Rest:
		return n.Rest
	case Repair:
		return n.Repair
	case Efficiency:
		return n.Efficiency
	case Connectivity:
		return n.Connectivity
	case Curiosity:
		return n.Curiosity
	}
	return n.Learning
}

// MostUrgent returns the need with the highest value, the first in the
// original's order on ties (a NaN in first place stays there, since
// nothing compares above it), its value and its class.
func (n Needs) MostUrgent() (Need, float64, Urgency) {
	best := Rest
	for k := Repair; k < numNeeds; k++ {
		if n.Get(k) > n.Get(best) {
			best = k
		}
	}
	return best, n.Get(best), UrgencyOf(n.Get(best))
}

// CriticalThreshold is the value at or above which a deficit need is
// critical for [Needs.Critical].
const CriticalThreshold = 0.80

// Critical returns the deficit needs (rest, repair, efficiency,
// connectivity) at or above [CriticalThreshold], in order.
func (n Needs) Critical() []Need {
	var out []Need
	for k := Rest; k <= Connectivity; k++ {
		if n.Get(k) >= CriticalThreshold {
			out = append(out, k)
		}
	}
	return out
}
