package arousal

import (
	"math"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/needs"
	"github.com/esgtsim/esgtsim/model/param"
	"github.com/esgtsim/esgtsim/sim"
)

// NeedsSource supplies the current needs; [*needs.Monitor] satisfies it.
type NeedsSource interface {
	Needs() needs.Needs
}

// Terms are the parts of the target at the latest update (docs/model.md §4):
//
//	target = clamp(Baseline + Needs + External + Stress + Circadian − Drop, 0, 1)
type Terms struct {
	Baseline  float64 // Config.Baseline
	Needs     float64 // Σ NeedWeights·needs
	External  float64 // priority-weighted mean of the active modulations
	Stress    float64 // Stress.Gain·stress
	Circadian float64 // circadian term, 0 when disabled
	Drop      float64 // the DropTarget refractory drop, 0 when not active
}

// Target returns the clamped sum of the terms, added in the order of the
// formula above.
func (t Terms) Target() float64 {
	return min(max(t.Baseline+t.Needs+t.External+t.Stress+t.Circadian-t.Drop, 0), 1)
}

// Controller is the MCEA arousal controller: a scalar in [0, 1] that moves
// at a bounded rate toward a target made of a baseline, the needs, external
// modulations, accumulated stress, an optional circadian term and the
// post-ignition drop, updated every Config.UpdateInterval of virtual time.
// A Controller belongs to one simulation and is not safe for concurrent
// use.
type Controller struct {
	cfg Config
	src NeedsSource

	// per-update steps, computed once from the rates and the interval
	riseStep, fallStep, buildStep, relieveStep float64

	arousal, stress, target float64
	level                   Level
	terms                   Terms
	lastNeeds               needs.Needs // last valid needs, for NaN replacement
	mods                    modulations
	ignited                 bool
	lastIgnition            clock.Time

	ticker   *sim.Ticker
	updates  int
	warnings int
	onLevel  []func(now clock.Time, from, to Level)
	onUpdate []func(now clock.Time, arousal, target float64)
}

// New returns a controller at cfg.Initial arousal (Baseline if NaN) that
// reads needs from src at every update; a nil src means no needs. Pass an
// untyped nil, not a nil *needs.Monitor. New returns a [*param.FieldError] if cfg
// is invalid.
func New(cfg Config, src NeedsSource) (*Controller, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	dt := cfg.UpdateInterval.Seconds()
	a := cfg.Initial
	if math.IsNaN(a) {
		a = cfg.Baseline
	}
	return &Controller{
		cfg:         cfg,
		src:         src,
		riseStep:    float64(cfg.RisePerSecond * dt),
		fallStep:    float64(cfg.FallPerSecond * dt),
		buildStep:   float64(cfg.Stress.BuildPerSecond * dt),
		relieveStep: float64(cfg.Stress.RelievePerSecond * dt),
		arousal:     a,
		target:      cfg.Baseline,
		level:       Classify(a),
		terms:       Terms{Baseline: cfg.Baseline},
	}, nil
}

// Start makes the controller update at s.Now(), then every
// UpdateInterval. It returns [ErrStarted] if it is already running and
// [ErrNilSim] if s is nil. Start the needs monitor first so that, at
// instants where both tick, the update sees the sample of that instant.
func (c *Controller) Start(s *sim.Sim) error {
	if s == nil {
		return ErrNilSim
	}
	if c.ticker != nil && c.ticker.Active() {
		return ErrStarted
	}
	t, err := s.Every(s.Now(), c.cfg.UpdateInterval, c.update)
	if err != nil {
		return err
	}
	c.ticker = t
	return nil
}

// Stop cancels future updates; the state stays readable. Stopping a
// controller that is not running does nothing.
func (c *Controller) Stop() {
	if c.ticker != nil {
		c.ticker.Stop()
	}
}

// Config returns the controller's configuration.
func (c *Controller) Config() Config { return c.cfg }

// Arousal returns the current arousal, in [0, 1].
func (c *Controller) Arousal() float64 { return c.arousal }

// Target returns the target of the latest update (Baseline before the
// first).
func (c *Controller) Target() float64 { return c.target }

// Terms returns the parts of the latest target.
func (c *Controller) Terms() Terms { return c.terms }

// Stress returns the accumulated stress, in [0, 1].
func (c *Controller) Stress() float64 { return c.stress }

// Level returns the level of the current arousal.
func (c *Controller) Level() Level { return c.level }

// ThresholdFactor returns 0.5 + 1.5·arousal with the default
// configuration ([Config.ThresholdFactor]).
func (c *Controller) ThresholdFactor() float64 { return c.cfg.ThresholdFactor(c.arousal) }

// EffectiveThreshold returns 0.70 / ThresholdFactor with the default
// configuration ([Config.EffectiveThreshold]).
func (c *Controller) EffectiveThreshold() float64 { return c.cfg.EffectiveThreshold(c.arousal) }

// Updates returns the number of updates run.
func (c *Controller) Updates() int { return c.updates }

// Warnings returns the number of invalid need values read from the needs
// source: each NaN or infinity (replaced by that need's last valid value)
// and each value outside [0, 1] (clamped) counts once.
func (c *Controller) Warnings() int { return c.warnings }

// ActiveModulations returns the number of modulations not yet expired,
// including those added by NotifyIgnition in DropModulation mode.
func (c *Controller) ActiveModulations() int { return c.mods.len() }

// Modulate requests an external modulation taking effect at virtual time
// now (normally the simulator's Now): it counts from the first update at
// or after now, decays linearly to 0 over m.Duration, and with Duration 0
// applies once, at that first update (docs/model.md §7.8). It returns a
// [*param.FieldError] for an invalid modulation or a negative now, and
// [ErrTooManyModulations] when Config.MaxModulations are already active.
// In steady state it allocates nothing.
func (c *Controller) Modulate(now clock.Time, m Modulation) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if now < 0 {
		return &param.FieldError{Key: "now", Value: now, Reason: "must be >= 0"}
	}
	if c.cfg.MaxModulations > 0 && c.mods.len() >= c.cfg.MaxModulations {
		return ErrTooManyModulations
	}
	c.mods.add(m, now)
	return nil
}

// NotifyIgnition signals an ignition completed at virtual time now and
// applies the configured [RefractoryDrop], the controller's one
// post-ignition drop: in DropTarget mode the target is lowered by Delta at
// every update in [now, now+Duration) of the latest ignition; in
// DropModulation mode a modulation {RefractorySource, −Delta, Duration,
// Priority} is added (it is not subject to MaxModulations: ignitions are
// rate-limited upstream); in DropOff mode nothing happens.
func (c *Controller) NotifyIgnition(now clock.Time) {
	d := c.cfg.RefractoryDrop
	switch d.Mode {
	case DropTarget:
		if !c.ignited || now > c.lastIgnition {
			c.ignited, c.lastIgnition = true, now
		}
	case DropModulation:
		c.mods.add(Modulation{Source: RefractorySource, Delta: -d.Delta, Duration: d.Duration, Priority: d.Priority}, now)
	}
}

// OnLevelChange registers fn to run after an update that changes the
// level, with the update's time and the old and new levels. It does not run
// for updates that keep the level. A nil fn is ignored.
func (c *Controller) OnLevelChange(fn func(now clock.Time, from, to Level)) {
	if fn != nil {
		c.onLevel = append(c.onLevel, fn)
	}
}

// OnUpdate registers fn to run after every update, after any level-change
// callbacks, with the update's time, the new arousal and the target. A nil
// fn is ignored.
func (c *Controller) OnUpdate(fn func(now clock.Time, arousal, target float64)) {
	if fn != nil {
		c.onUpdate = append(c.onUpdate, fn)
	}
}
