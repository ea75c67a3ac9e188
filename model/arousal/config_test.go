package arousal

import (
	"errors"
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
)

// Every default is docs/model.md §4's value (the original's), or, where the model
// leaves it open, the documented choice.
func TestDefaultConfig(t *testing.T) {
	c := DefaultConfig()
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate() = %v", err)
	}
	if !math.IsNaN(c.Initial) {
		t.Errorf("Initial = %v, want NaN (= Baseline)", c.Initial)
	}
	for _, d := range []struct {
		name      string
		got, want float64
	}{
		{"baseline", c.Baseline, 0.6},
		{"UpdateInterval ms", c.UpdateInterval.Milliseconds(), 100},
		{"rise_per_second", c.RisePerSecond, 0.05},
		{"fall_per_second", c.FallPerSecond, 0.02},
		{"need_weights.repair", c.NeedWeights.Repair, 0.3},
		{"need_weights.rest", c.NeedWeights.Rest, -0.2},
		{"need_weights.efficiency", c.NeedWeights.Efficiency, 0.1},
		{"need_weights.connectivity", c.NeedWeights.Connectivity, 0.15},
		{"need_weights.curiosity", c.NeedWeights.Curiosity, 0},
		{"need_weights.learning", c.NeedWeights.Learning, 0},
		{"stress.build_above", c.Stress.BuildAbove, 0.7},
		{"stress.relieve_below", c.Stress.RelieveBelow, 0.5},
		{"stress.build_per_second", c.Stress.BuildPerSecond, 0.01},
		{"stress.relieve_per_second", c.Stress.RelievePerSecond, 0.005},
		{"stress.gain", c.Stress.Gain, 0.2},
		{"circadian_amplitude", c.CircadianAmplitude, 0.1},
		{"StartOfDay h", c.StartOfDay.Std().Hours(), 6},
		{"refractory_drop.delta", c.RefractoryDrop.Delta, 0.1},
		{"RefractoryDrop.Duration s", c.RefractoryDrop.Duration.Seconds(), 5},
		{"refractory_drop.priority", c.RefractoryDrop.Priority, 1},
		{"max_modulations", float64(c.MaxModulations), 1024},
		{"base_threshold", c.BaseThreshold, 0.70},
		{"factor_base", c.FactorBase, 0.5},
		{"factor_slope", c.FactorSlope, 1.5},
	} {
		if d.got != d.want {
			t.Errorf("%s = %v, want %v", d.name, d.got, d.want)
		}
	}
	if c.Circadian || c.CircadianHourly || c.RefractoryDrop.Mode != DropTarget {
		t.Errorf("Circadian %v, CircadianHourly %v, drop mode %v; want off, off, target", c.Circadian, c.CircadianHourly, c.RefractoryDrop.Mode)
	}
}

func TestConfigValidate(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		field string
		edit  func(*Config)
	}{
		{"baseline", func(c *Config) { c.Baseline = 1.2 }},
		{"baseline", func(c *Config) { c.Baseline = nan }},
		{"initial", func(c *Config) { c.Initial = -0.1 }},
		{"initial", func(c *Config) { c.Initial = inf }},
		{"update_interval", func(c *Config) { c.UpdateInterval = 0 }},
		{"rise_per_second", func(c *Config) { c.RisePerSecond = -0.05 }},
		{"fall_per_second", func(c *Config) { c.FallPerSecond = nan }},
		{"need_weights.rest", func(c *Config) { c.NeedWeights.Rest = inf }},
		{"need_weights.learning", func(c *Config) { c.NeedWeights.Learning = nan }},
		{"stress.build_above", func(c *Config) { c.Stress.BuildAbove = 2 }},
		{"stress.relieve_below", func(c *Config) { c.Stress.RelieveBelow = 0.8 }},
		{"stress.build_per_second", func(c *Config) { c.Stress.BuildPerSecond = -1 }},
		{"stress.relieve_per_second", func(c *Config) { c.Stress.RelievePerSecond = inf }},
		{"stress.gain", func(c *Config) { c.Stress.Gain = nan }},
		{"circadian_amplitude", func(c *Config) { c.CircadianAmplitude = inf }},
		{"start_of_day", func(c *Config) { c.StartOfDay = 24 * clock.Hour }},
		{"start_of_day", func(c *Config) { c.StartOfDay = -1 }},
		{"refractory_drop.mode", func(c *Config) { c.RefractoryDrop.Mode = 7 }},
		{"refractory_drop.delta", func(c *Config) { c.RefractoryDrop.Delta = -0.1 }},
		{"refractory_drop.delta", func(c *Config) { c.RefractoryDrop.Mode, c.RefractoryDrop.Delta = DropOff, nan }}, // bounded in every mode
		{"refractory_drop.duration", func(c *Config) { c.RefractoryDrop.Duration = -clock.Second }},
		{"refractory_drop.priority", func(c *Config) { c.RefractoryDrop.Mode, c.RefractoryDrop.Priority = DropModulation, 0 }},
		{"max_modulations", func(c *Config) { c.MaxModulations = -1 }},
		{"base_threshold", func(c *Config) { c.BaseThreshold = 0 }},
		{"factor_base", func(c *Config) { c.FactorBase = -0.5 }},
		{"factor_slope", func(c *Config) { c.FactorSlope = -0.5 }},
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			c := DefaultConfig()
			tc.edit(&c)
			var fe *param.FieldError
			err := c.Validate()
			if !errors.As(err, &fe) || fe.Key != tc.field {
				t.Fatalf("Validate() = %v, want a FieldError for %s", err, tc.field)
			}
			if _, err := New(c, nil); err == nil {
				t.Fatal("New accepted an invalid config")
			}
		})
	}
	t.Run("valid edge values", func(t *testing.T) {
		c := DefaultConfig()
		c.Initial, c.RisePerSecond, c.StartOfDay = 0, 0, 24*clock.Hour-1
		c.RefractoryDrop.Mode = DropOff
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
	})
}

// The threshold at arousal 0, 0.5 and 1 is 0.70 / (0.5 + 1.5·a).
func TestThreshold(t *testing.T) {
	tests := []struct {
		arousal, factor, threshold float64
	}{
		{0, 0.5, 1.4},
		{0.5, 1.25, 0.56},
		{0.6, 1.4, 0.5},
		{1, 2, 0.35},
	}
	for _, tc := range tests {
		cfg := DefaultConfig()
		cfg.Initial = tc.arousal
		c, err := New(cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		if f, th := c.ThresholdFactor(), c.EffectiveThreshold(); !near(f, tc.factor) || !near(th, tc.threshold) {
			t.Errorf("arousal %v: factor %v, threshold %v; want %v, %v", tc.arousal, f, th, tc.factor, tc.threshold)
		}
		if th := cfg.EffectiveThreshold(tc.arousal); !near(th, tc.threshold) {
			t.Errorf("Config.EffectiveThreshold(%v) = %v, want %v", tc.arousal, th, tc.threshold)
		}
	}
}

func TestDropModeText(t *testing.T) {
	for _, m := range []DropMode{DropTarget, DropModulation, DropOff} {
		b, err := m.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var got DropMode
		if err := got.UnmarshalText(b); err != nil || got != m {
			t.Errorf("round trip of %v via %q = %v, %v", m, b, got, err)
		}
	}
	var got DropMode
	if err := got.UnmarshalText([]byte("both")); err == nil || err.Error() != `unknown value "both" (want target, modulation or off)` {
		t.Errorf(`UnmarshalText("both") = %v, want an error listing the modes`, err)
	}
	if _, err := DropMode(3).MarshalText(); err == nil || DropMode(3).String() != "DropMode(3)" {
		t.Errorf("invalid mode: MarshalText error %v, String %q", err, DropMode(3).String())
	}
}
