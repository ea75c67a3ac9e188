package sim

import (
	"time"

	"github.com/esgtsim/esgtsim/clock"
)

// Stats summarises a run: how many events ran, how far virtual time got, and,
// when a wall clock was injected with [Sim.SetWallClock], how long that took.
type Stats struct {
	Events  uint64        // events executed
	Virtual clock.Time    // virtual time reached
	Wall    time.Duration // wall time spent inside Run, RunUntil and RunWhile; 0 without a wall clock
}

// Speed returns virtual seconds simulated per wall second, or 0 when no wall
// time was measured.
func (st Stats) Speed() float64 {
	if st.Wall <= 0 {
		return 0
	}
	return st.Virtual.Seconds() / st.Wall.Seconds()
}

// EventsPerSecond returns events executed per wall second, or 0 when no wall
// time was measured.
func (st Stats) EventsPerSecond() float64 {
	if st.Wall <= 0 {
		return 0
	}
	return float64(st.Events) / st.Wall.Seconds()
}

// counters is the kernel's bookkeeping behind Stats.
type counters struct {
	events uint64
	wall   time.Duration
	// elapsed reads a monotonic wall clock; nil means wall time is not
	// measured, which keeps the kernel free of wall-clock reads by default.
	elapsed func() time.Duration
}

func (c *counters) startWall() time.Duration {
	if c.elapsed == nil {
		return 0
	}
	return c.elapsed()
}

func (c *counters) stopWall(start time.Duration) {
	if c.elapsed != nil {
		c.wall += c.elapsed() - start
	}
}

// SetWallClock injects a monotonic wall clock, elapsed, used only to report
// [Stats.Wall] and speed. It never influences the simulation. Pass, e.g.,
// a closure over time.Since(start).
func (s *Sim) SetWallClock(elapsed func() time.Duration) { s.stats.elapsed = elapsed }

// Stats returns the run statistics so far.
func (s *Sim) Stats() Stats {
	return Stats{Events: s.stats.events, Virtual: s.now, Wall: s.stats.wall}
}
