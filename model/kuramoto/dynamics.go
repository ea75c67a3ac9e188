package kuramoto

import (
	"github.com/esgtsim/esgtsim/clock"
)

// Sample is one recorded coherence value.
type Sample struct {
	At clock.Time // virtual time of the sample
	R  float64    // coherence
}

// slopeWindow is how many of the latest observations the dissolution rate
// is fitted to.
const slopeWindow = 10

// Dynamics records how coherence evolves during one synchronisation: the
// history (one sample per sampling interval), the time to reach the target,
// the peak, the time spent at or above the target and the dissolution rate.
// Observe it after every integration step. The zero value is not usable;
// call Reset first. Reset reuses the history's storage.
type Dynamics struct {
	target   float64
	start    clock.Time
	every    clock.Duration
	keep     bool
	history  []Sample
	lastKept clock.Time

	synced     bool
	timeToSync clock.Duration
	peak       float64
	above      clock.Duration
	lastAt     clock.Time
	lastR      float64
	observed   int

	recent [slopeWindow]Sample // ring buffer of the latest observations
}

// Reset starts a new record at start with the given target coherence.
// History samples are kept, one per sampleEvery, only if keep is true, so
// that long runs stream without retaining every ignition's history.
func (d *Dynamics) Reset(start clock.Time, target float64, sampleEvery clock.Duration, keep bool) {
	*d = Dynamics{
		target: target, start: start, every: sampleEvery, keep: keep,
		history: d.history[:0], lastAt: start, lastKept: start,
	}
}

// Observe records coherence r at virtual time now (at or after the
// previous observation).
func (d *Dynamics) Observe(now clock.Time, r float64) {
	if r >= d.target {
		if !d.synced {
			d.synced, d.timeToSync = true, now.Sub(d.start)
		}
		d.above += now.Sub(d.lastAt)
	}
	d.peak = max(d.peak, r)
	d.recent[d.observed%slopeWindow] = Sample{now, r}
	d.observed++
	if d.keep && (len(d.history) == 0 || now.Sub(d.lastKept) >= d.every) {
		d.history = append(d.history, Sample{now, r})
		d.lastKept = now
	}
	d.lastAt, d.lastR = now, r
}

// Synced reports whether the target was reached, and when, measured from
// the start of the record.
func (d *Dynamics) Synced() (bool, clock.Duration) { return d.synced, d.timeToSync }

// Peak returns the highest coherence observed.
func (d *Dynamics) Peak() float64 { return d.peak }

// Last returns the latest coherence observed.
func (d *Dynamics) Last() float64 { return d.lastR }

// TimeAbove returns the virtual time spent at or above the target, counting
// each step that ended at or above it.
func (d *Dynamics) TimeAbove() clock.Duration { return d.above }

// History returns the kept samples; it is empty unless Reset was asked to
// keep them. The slice is reused by the next Reset.
func (d *Dynamics) History() []Sample { return d.history }

// DissolutionRate returns the least-squares slope of coherence against time,
// in r per second, over the latest observations (up to ten); negative while
// coherence dissolves, 0 with fewer than two observations.
func (d *Dynamics) DissolutionRate() float64 {
	k := min(d.observed, slopeWindow)
	if k < 2 {
		return 0
	}
	// Times relative to the first sample in the window keep the sums small.
	first := d.recent[(d.observed-k)%slopeWindow].At
	var st, sr float64
	for i := range k {
		s := d.recent[(d.observed-k+i)%slopeWindow]
		st += s.At.Sub(first).Seconds()
		sr += s.R
	}
	mt, mr := st/float64(k), sr/float64(k)
	var num, den float64
	for i := range k {
		s := d.recent[(d.observed-k+i)%slopeWindow]
		dt := s.At.Sub(first).Seconds() - mt
		num += float64(dt * (s.R - mr))
		den += float64(dt * dt)
	}
	if den == 0 {
		return 0
	}
	return num / den
}
