package arousal

import (
	"math"

	"github.com/esgtsim/esgtsim/clock"
)

// update is one controller tick at virtual time now. In order:
//
//  1. stress moves by the arousal before this update (above
//     Stress.BuildAbove it builds, below Stress.RelieveBelow it relieves),
//     clamped to [0, 1], as in the original;
//  2. the terms are computed and the target is their clamped sum;
//  3. arousal moves toward the target by at most RisePerSecond·interval up
//     or FallPerSecond·interval down, never past it;
//  4. level-change callbacks run if the level changed, then update
//     callbacks.
//
// It allocates nothing.
func (c *Controller) update(now clock.Time) {
	switch {
	case c.arousal > c.cfg.Stress.BuildAbove:
		c.stress = min(c.stress+c.buildStep, 1)
	case c.arousal < c.cfg.Stress.RelieveBelow:
		c.stress = max(c.stress-c.relieveStep, 0)
	}
	c.terms = Terms{
		Baseline:  c.cfg.Baseline,
		Needs:     c.needsTerm(),
		External:  c.mods.external(now),
		Stress:    float64(c.cfg.Stress.Gain * c.stress),
		Circadian: c.cfg.circadian(now),
		Drop:      c.drop(now),
	}
	c.target = c.terms.Target()
	if c.target > c.arousal {
		c.arousal = min(c.arousal+c.riseStep, c.target)
	} else {
		c.arousal = max(c.arousal-c.fallStep, c.target)
	}
	c.updates++

	if l := Classify(c.arousal); l != c.level {
		from := c.level
		c.level = l
		for _, fn := range c.onLevel {
			fn(now, from, l)
		}
	}
	for _, fn := range c.onUpdate {
		fn(now, c.arousal, c.target)
	}
}

// drop returns the DropTarget refractory drop at t.
func (c *Controller) drop(t clock.Time) float64 {
	d := c.cfg.RefractoryDrop
	if d.Mode != DropTarget || !c.ignited || t < c.lastIgnition || t.Sub(c.lastIgnition) >= d.Duration {
		return 0
	}
	return d.Delta
}

// needsTerm reads the needs source, sanitises what it returns, and returns
// Σ weight·need.
func (c *Controller) needsTerm() float64 {
	if c.src == nil {
		return 0
	}
	n := c.src.Needs()
	l, w := &c.lastNeeds, c.cfg.NeedWeights
	return float64(w.Repair*c.need(n.Repair, &l.Repair)) +
		float64(w.Rest*c.need(n.Rest, &l.Rest)) +
		float64(w.Efficiency*c.need(n.Efficiency, &l.Efficiency)) +
		float64(w.Connectivity*c.need(n.Connectivity, &l.Connectivity)) +
		float64(w.Curiosity*c.need(n.Curiosity, &l.Curiosity)) +
		float64(w.Learning*c.need(n.Learning, &l.Learning))
}

// need returns v if it is a valid need (in [0, 1]) and remembers it in
// *last; otherwise it counts a warning and returns *last for NaN and
// infinities, or v clamped to [0, 1] (and remembered).
func (c *Controller) need(v float64, last *float64) float64 {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		c.warnings++
		return *last
	case v < 0 || v > 1:
		c.warnings++
		v = min(max(v, 0), 1)
	}
	*last = v
	return v
}
