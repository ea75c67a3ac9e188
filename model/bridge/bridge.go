// Package bridge couples the arousal controller to the ESGT coordinator
// (docs/model.md §4, "Bridge to ESGT"; §7.7).
//
// Every Interval (50 ms) the bridge sets the coordinator's salience
// threshold from the current arousal:
//
//	min_salience = clamp(BaseThreshold / factor^Sensitivity, MinThreshold, MaxThreshold)
//
// with factor the controller's threshold factor (0.5 + 1.5·arousal), and it
// makes the coordinator's arousal gate read the controller instead of a
// fixed value. After each successful ignition it tells the controller,
// which applies its one configured post-ignition drop
// (arousal.RefractoryDrop); the bridge adds no drop of its own, so the
// original's two overlapping drops become one mechanism.
package bridge

import (
	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/detmath"
	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/param"
	"github.com/esgtsim/esgtsim/sim"
)

// Config holds the bridge's parameters; [DefaultConfig] gives the model's.
// The tags name each field's key in a scenario's [bridge] table, its
// bounds and its one-line documentation.
type Config struct {
	Interval      clock.Duration `toml:"interval" check:"pos" doc:"time between updates of the salience threshold"`
	BaseThreshold float64        `toml:"base_threshold" check:"prob" doc:"threshold before the arousal factor"`
	Sensitivity   float64        `toml:"sensitivity" check:"nonneg" doc:"exponent on the arousal threshold factor"`
	MinThreshold  float64        `toml:"min_threshold" check:"prob" doc:"lowest threshold the bridge sets"`
	MaxThreshold  float64        `toml:"max_threshold" check:"prob" doc:"highest threshold the bridge sets"`
}

// DefaultConfig returns the model's bridge parameters.
func DefaultConfig() Config {
	return Config{
		Interval:      50 * clock.Millisecond,
		BaseThreshold: 0.70,
		Sensitivity:   1.0,
		MinThreshold:  0.30,
		MaxThreshold:  0.95,
	}
}

// Validate reports the first invalid parameter as a [*param.FieldError]
// naming its key as a scenario's [bridge] table spells it: the bounds of
// the tags ([param.Check]), then min_threshold against max_threshold.
func (c Config) Validate() error {
	if err := param.Check(c); err != nil {
		return err
	}
	if c.MinThreshold > c.MaxThreshold {
		return &param.FieldError{Key: "min_threshold", Value: c.MinThreshold, Reason: "exceeds", Other: "max_threshold", OtherValue: c.MaxThreshold}
	}
	return nil
}

// Bridge connects one arousal controller to one coordinator.
type Bridge struct {
	cfg    Config
	ctrl   *arousal.Controller
	coord  *esgt.Coordinator
	ticker *sim.Ticker
}

// New returns a bridge between ctrl and coord; Start connects them.
func New(cfg Config, ctrl *arousal.Controller, coord *esgt.Coordinator) (*Bridge, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Bridge{cfg: cfg, ctrl: ctrl, coord: coord}, nil
}

// Start connects the controller to the coordinator's arousal gate, watches
// the coordinator's outcomes, and updates the threshold now and every
// Interval.
func (b *Bridge) Start(s *sim.Sim) error {
	b.coord.SetArousalSource(b.ctrl)
	b.coord.OnFinished(b.finished)
	t, err := s.Every(s.Now(), b.cfg.Interval, b.update)
	if err != nil {
		return err
	}
	b.ticker = t
	return nil
}

// Threshold returns the salience threshold the bridge sets for a threshold
// factor.
func (b *Bridge) Threshold(factor float64) float64 {
	v := b.cfg.BaseThreshold / detmath.Pow(factor, b.cfg.Sensitivity)
	return min(max(v, b.cfg.MinThreshold), b.cfg.MaxThreshold)
}

func (b *Bridge) update(clock.Time) {
	b.coord.SetMinSalience(b.Threshold(b.ctrl.ThresholdFactor()))
}

// finished signals each successful ignition to the arousal controller.
func (b *Bridge) finished(o *esgt.Outcome) {
	if o.Reason == esgt.Success {
		b.ctrl.NotifyIgnition(o.Done)
	}
}
