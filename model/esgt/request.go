package esgt

import (
	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/kuramoto"
)

// Request asks for global broadcast of content with the given salience.
type Request struct {
	Salience Salience
	// Sustain overrides Config.SustainDuration for this request when
	// positive.
	Sustain clock.Duration
}

// Outcome is the single result of one request. For a rejected request only
// ID, Arrival, Done (equal to Arrival), Salience and Reason are set.
type Outcome struct {
	ID       uint64 // sequence number of the request, from 1
	Arrival  clock.Time
	Done     clock.Time
	Salience float64 // total salience
	Reason   Reason  // Success or why it failed

	Nodes      int                       // nodes recruited
	PhaseTime  [numPhases]clock.Duration // time spent in each phase
	Synced     bool                      // coherence reached the target
	TimeToSync clock.Duration            // from the start of SYNCHRONIZE
	PeakR      float64                   // highest coherence observed
	FinalR     float64                   // coherence when the ignition ended
	TimeAbove  clock.Duration            // time at or above the target
	Dissolve   float64                   // dissolution rate at the end, r per second
	Reached    int                       // nodes the broadcast reached
	// History is the coherence history when Config.KeepHistory is set. It
	// is only valid during the observer call.
	History []kuramoto.Sample
}

// Latency returns the virtual time from arrival to outcome.
func (o *Outcome) Latency() clock.Duration { return o.Done.Sub(o.Arrival) }
