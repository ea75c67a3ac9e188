package param

import (
	"errors"
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

type level uint8

func (level) MarshalText() ([]byte, error) { return []byte("high"), nil }

type inner struct {
	P float64 `toml:"p" check:"prob"`
}

type config struct {
	Rate   float64        `toml:"rate" check:"nonneg"`
	Count  int            `toml:"count" check:"pos"`
	Wait   clock.Duration `toml:"wait"`
	Step   clock.Duration `toml:"step" check:"pos"`
	Widths []float64      `toml:"widths" check:"pos"`
	Level  level          `toml:"level"`
	Inner  inner          `toml:"inner"`
	Items  []inner        `toml:"items"`
	Free   float64        // no key: not checked
	inner
}

func valid() config {
	return config{Count: 1, Step: clock.Millisecond, Widths: []float64{1, 2}, Items: []inner{{0.5}}, Free: math.NaN(), inner: inner{P: 1}}
}

func TestCheck(t *testing.T) {
	if err := Check(valid()); err != nil {
		t.Fatalf("Check(valid) = %v", err)
	}
	for _, tc := range []struct {
		change func(*config)
		want   string
	}{
		{func(c *config) { c.Rate = -1 }, "rate -1 must be >= 0"},
		{func(c *config) { c.Rate = math.Inf(1) }, "rate +Inf must be finite"},
		{func(c *config) { c.Count = 0 }, "count 0 must be > 0"},
		{func(c *config) { c.Wait = -clock.Millisecond }, "wait -1ms must be >= 0"},
		{func(c *config) { c.Step = 0 }, "step 0s must be > 0"},
		{func(c *config) { c.Widths[1] = 0 }, "widths[1] 0 must be > 0"},
		{func(c *config) { c.Inner.P = 2 }, "inner.p 2 must be in [0, 1]"},
		{func(c *config) { c.Items = append(c.Items, inner{-1}) }, "items[1].p -1 must be in [0, 1]"},
		{func(c *config) { c.inner.P = math.NaN() }, "p NaN must be finite"},
	} {
		c := valid()
		tc.change(&c)
		err := Check(c)
		var fe *FieldError
		if !errors.As(err, &fe) || err.Error() != tc.want {
			t.Errorf("Check = %v, want %s", err, tc.want)
		}
	}
}
