package arousal

import (
	"errors"
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
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
		{"Baseline", c.Baseline, 0.6},
		{"UpdateInterval ms", c.UpdateInterval.Milliseconds(), 100},
		{"RisePerSecond", c.RisePerSecond, 0.05},
		{"FallPerSecond", c.FallPerSecond, 0.02},
		{"NeedWeights.Repair", c.NeedWeights.Repair, 0.3},
		{"NeedWeights.Rest", c.NeedWeights.Rest, -0.2},
		{"NeedWeights.Efficiency", c.NeedWeights.Efficiency, 0.1},
		{"NeedWeights.Connectivity", c.NeedWeights.Connectivity, 0.15},
		{"NeedWeights.Curiosity", c.NeedWeights.Curiosity, 0},
		{"NeedWeights.Learning", c.NeedWeights.Learning, 0},
		{"Stress.BuildAbove", c.Stress.BuildAbove, 0.7},
		{"Stress.RelieveBelow", c.Stress.RelieveBelow, 0.5},
		{"Stress.BuildPerSecond", c.Stress.BuildPerSecond, 0.01},
		{"Stress.RelievePerSecond", c.Stress.RelievePerSecond, 0.005},
		{"Stress.Gain", c.Stress.Gain, 0.2},
		{"CircadianAmplitude", c.CircadianAmplitude, 0.1},
		{"StartOfDay h", c.StartOfDay.Std().Hours(), 6},
		{"RefractoryDrop.Delta", c.RefractoryDrop.Delta, 0.1},
		{"RefractoryDrop.Duration s", c.RefractoryDrop.Duration.Seconds(), 5},
		{"RefractoryDrop.Priority", c.RefractoryDrop.Priority, 1},
		{"MaxModulations", float64(c.MaxModulations), 1024},
		{"BaseThreshold", c.BaseThreshold, 0.70},
		{"FactorBase", c.FactorBase, 0.5},
		{"FactorSlope", c.FactorSlope, 1.5},
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
		{"Baseline", func(c *Config) { c.Baseline = 1.2 }},
		{"Baseline", func(c *Config) { c.Baseline = nan }},
		{"Initial", func(c *Config) { c.Initial = -0.1 }},
		{"Initial", func(c *Config) { c.Initial = inf }},
		{"UpdateInterval", func(c *Config) { c.UpdateInterval = 0 }},
		{"RisePerSecond", func(c *Config) { c.RisePerSecond = -0.05 }},
		{"FallPerSecond", func(c *Config) { c.FallPerSecond = nan }},
		{"NeedWeights.Rest", func(c *Config) { c.NeedWeights.Rest = inf }},
		{"NeedWeights.Learning", func(c *Config) { c.NeedWeights.Learning = nan }},
		{"Stress.BuildAbove", func(c *Config) { c.Stress.BuildAbove = 2 }},
		{"Stress.RelieveBelow", func(c *Config) { c.Stress.RelieveBelow = 0.8 }},
		{"Stress.BuildPerSecond", func(c *Config) { c.Stress.BuildPerSecond = -1 }},
		{"Stress.RelievePerSecond", func(c *Config) { c.Stress.RelievePerSecond = inf }},
		{"Stress.Gain", func(c *Config) { c.Stress.Gain = nan }},
		{"CircadianAmplitude", func(c *Config) { c.CircadianAmplitude = inf }},
		{"StartOfDay", func(c *Config) { c.StartOfDay = 24 * clock.Hour }},
		{"StartOfDay", func(c *Config) { c.StartOfDay = -1 }},
		{"RefractoryDrop.Mode", func(c *Config) { c.RefractoryDrop.Mode = 7 }},
		{"RefractoryDrop.Delta", func(c *Config) { c.RefractoryDrop.Delta = -0.1 }},
		{"RefractoryDrop.Duration", func(c *Config) { c.RefractoryDrop.Duration = -clock.Second }},
		{"RefractoryDrop.Priority", func(c *Config) { c.RefractoryDrop.Mode, c.RefractoryDrop.Priority = DropModulation, 0 }},
		{"MaxModulations", func(c *Config) { c.MaxModulations = -1 }},
		{"BaseThreshold", func(c *Config) { c.BaseThreshold = 0 }},
		{"FactorBase", func(c *Config) { c.FactorBase = -0.5 }},
		{"FactorSlope", func(c *Config) { c.FactorSlope = -0.5 }},
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			c := DefaultConfig()
			tc.edit(&c)
			var fe *FieldError
			err := c.Validate()
			if !errors.As(err, &fe) || fe.Field != tc.field {
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
		c.RefractoryDrop = RefractoryDrop{Mode: DropOff, Delta: nan} // unused in off mode
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
	if _, err := ParseDropMode("both"); err == nil {
		t.Error(`ParseDropMode("both") succeeded`)
	}
	if _, err := DropMode(3).MarshalText(); err == nil || DropMode(3).String() != "DropMode(3)" {
		t.Errorf("invalid mode: MarshalText error %v, String %q", err, DropMode(3).String())
	}
}
