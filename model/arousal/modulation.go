package arousal

import (
	"math"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
)

// Modulation is a request from outside (a threat detector, a task, the
// bridge) to move arousal: Delta at first, decaying linearly to 0 over
// Duration. The external term of the target is the priority-weighted mean
// of the active modulations' current deltas.
type Modulation struct {
	Source   string         // who asked, for traces
	Delta    float64        // initial change of the target, in [−1, 1]
	Duration clock.Duration // decay time, >= 0; 0 applies Delta at the next update only
	Priority float64        // weight in the mean, > 0
}

// Validate reports the first invalid field as a [*param.FieldError]
// naming it ("delta", "priority" or "duration", the keys of a modulation
// workload).
func (m Modulation) Validate() error {
	switch {
	case !(m.Delta >= -1 && m.Delta <= 1):
		return &param.FieldError{Key: "delta", Value: m.Delta, Reason: "must be in [-1, 1]"}
	case !(m.Priority > 0 && m.Priority <= math.MaxFloat64):
		return &param.FieldError{Key: "priority", Value: m.Priority, Reason: "must be > 0"}
	case m.Duration < 0:
		return &param.FieldError{Key: "duration", Value: m.Duration, Reason: "must be >= 0"}
	}
	return nil
}

// modulation is an accepted Modulation and the time it was requested.
type modulation struct {
	Modulation
	start clock.Time
}

// modulations is the list of active modulations, in request order. Its
// slice is reused, so adding and expiring modulations allocates nothing
// once it has grown to its high-water mark.
type modulations struct {
	list []modulation
}

// add appends m, requested at start, reusing the slice's capacity.
func (ms *modulations) add(m Modulation, start clock.Time) {
	ms.list = append(ms.list, modulation{Modulation: m, start: start})
}

// len returns the number of active modulations.
func (ms *modulations) len() int { return len(ms.list) }

// external returns the external term at t and drops the modulations that
// have ended. A modulation requested at start contributes nothing before
// start; from start it contributes Delta·(1 − (t − start)/Duration) until
// t − start reaches Duration, when it is removed. A Duration-0 modulation
// contributes Delta at the first update at or after start and is then
// removed (docs/model.md §7.8: the original dropped it before applying it). The
// term is Σ priority·delta / Σ priority over the modulations that
// contribute, and 0 if none does. Sums run in request order, so the result
// is deterministic.
func (ms *modulations) external(t clock.Time) float64 {
	var num, den float64
	keep := ms.list[:0]
	for _, m := range ms.list {
		if t < m.start {
			keep = append(keep, m)
			continue
		}
		d := m.Delta
		if m.Duration > 0 {
			elapsed := t.Sub(m.start)
			if elapsed >= m.Duration {
				continue
			}
			d = float64(m.Delta * (1 - float64(elapsed)/float64(m.Duration)))
			keep = append(keep, m)
		}
		num += float64(m.Priority * d)
		den += m.Priority
	}
	clear(ms.list[len(keep):]) // release the dropped Source strings
	ms.list = keep
	if den == 0 {
		return 0
	}
	return num / den
}
