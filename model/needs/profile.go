package needs

import (
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
)

// ChangeKind is the shape of a [Change].
type ChangeKind uint8

// The kinds of change. The zero ChangeKind is invalid, so a Change must be
// built with [Step], [Ramp] or [Spike] or have its Kind set.
const (
	KindStep  ChangeKind = iota + 1 // from At on, the value is Value
	KindRamp                        // linear from the underlying value at At to Value at Until, then Value
	KindSpike                       // Value on [At, Until), the underlying value outside it
)

// String returns "step", "ramp" or "spike".
func (k ChangeKind) String() string {
	switch k {
	case KindStep:
		return "step"
	case KindRamp:
		return "ramp"
	case KindSpike:
		return "spike"
	}
	return fmt.Sprintf("ChangeKind(%d)", uint8(k))
}

// Change alters one metric of a [Profile] over virtual time. Each change
// transforms the value produced by the profile's base and the changes before
// it in the list (its "underlying value"), so later changes win where they
// overlap, and a spike on top of a ramp returns to the ramp when it ends.
type Change struct {
	Metric Metric
	Kind   ChangeKind
	At     clock.Time // when the change starts
	Until  clock.Time // when a ramp reaches Value or a spike ends; unused by a step
	Value  float64    // the new value, in the metric's unit
}

// Step sets metric k to value from virtual time at on.
func Step(k Metric, at clock.Time, value float64) Change {
	return Change{Metric: k, Kind: KindStep, At: at, Value: value}
}

// Ramp moves metric k linearly from its underlying value to value between
// virtual times from and to, and holds value after to. A ramp with from ==
// to is a step.
func Ramp(k Metric, from, to clock.Time, value float64) Change {
	return Change{Metric: k, Kind: KindRamp, At: from, Until: to, Value: value}
}

// Spike sets metric k to value on [at, at+d) and leaves it at its underlying
// value otherwise.
func Spike(k Metric, at clock.Time, d clock.Duration, value float64) Change {
	return Change{Metric: k, Kind: KindSpike, At: at, Until: at.Add(d), Value: value}
}

// apply returns the metric's value at t given its underlying value.
func (c *Change) apply(t clock.Time, under float64) float64 {
	if t < c.At {
		return under
	}
	switch c.Kind {
	case KindStep:
		return c.Value
	case KindRamp:
		if t >= c.Until {
			return c.Value
		}
		frac := float64(t-c.At) / float64(c.Until-c.At)
		return under + float64((c.Value-under)*frac)
	case KindSpike:
		if t < c.Until {
			return c.Value
		}
	}
	return under
}

// Profile is a scenario-described metrics [Source]: the Base metrics,
// transformed in order by Changes. It is a pure function of virtual time,
// so sampling it twice at the same time gives the same metrics.
type Profile struct {
	Base    Metrics
	Changes []Change
}

// Sample returns the profile's metrics at virtual time now. It costs
// O(len(Changes)) and allocates nothing.
func (p *Profile) Sample(now clock.Time) Metrics {
	m := p.Base
	for i := range p.Changes {
		c := &p.Changes[i]
		m.Set(c.Metric, c.apply(now, m.Get(c.Metric)))
	}
	return m
}

// Validate reports the first invalid part of p as a [*param.FieldError]
// keyed as a scenario file's [needs] table spells it ("base.cpu_percent",
// "change[2].value", i the index in p.Changes): a base
// value or change value outside its metric's range (NaN is allowed only for
// temperature and power, meaning unknown), an unknown metric or kind, a
// negative start, or a ramp or spike that ends before it starts (a spike
// must last a positive time).
func (p *Profile) Validate() error {
	for k := range numMetrics {
		if reason := checkValue(k, p.Base.Get(k)); reason != "" {
			return &param.FieldError{Key: "base." + metricInfo[k].name, Value: p.Base.Get(k), Reason: reason}
		}
	}
	for i, c := range p.Changes {
		key := func(name string) string { return fmt.Sprintf("change[%d].%s", i, name) }
		switch {
		case !c.Metric.Valid():
			return &param.FieldError{Key: key("metric"), Value: uint8(c.Metric), Reason: "unknown metric"}
		case c.Kind < KindStep || c.Kind > KindSpike:
			return &param.FieldError{Key: key("kind"), Value: uint8(c.Kind), Reason: "must be step, ramp or spike"}
		case c.At < 0:
			return &param.FieldError{Key: key("at"), Value: c.At, Reason: "must be >= 0"}
		case c.Kind == KindRamp && c.Until < c.At:
			return &param.FieldError{Key: key("until"), Value: c.Until, Reason: "a ramp must not end before it starts"}
		case c.Kind == KindSpike && c.Until <= c.At:
			return &param.FieldError{Key: key("until"), Value: c.Until, Reason: "a spike must last a positive time"}
		}
		if reason := checkValue(c.Metric, c.Value); reason != "" {
			return &param.FieldError{Key: key("value"), Value: c.Value, Reason: fmt.Sprintf("%s %s", c.Metric, reason)}
		}
	}
	return nil
}
