package esgt

import "fmt"

// Phase is one of an ignition's five phases.
type Phase uint8

// The phases, in the order an ignition goes through them.
const (
	Prepare Phase = iota
	Synchronize
	Broadcast
	Sustain
	Dissolve
	numPhases
)

var phaseNames = [numPhases]string{"prepare", "synchronize", "broadcast", "sustain", "dissolve"}

// String returns the phase's name.
func (p Phase) String() string {
	if p < numPhases {
		return phaseNames[p]
	}
	return fmt.Sprintf("Phase(%d)", p)
}

// Phases returns the phases in order.
func Phases() []Phase { return []Phase{Prepare, Synchronize, Broadcast, Sustain, Dissolve} }
