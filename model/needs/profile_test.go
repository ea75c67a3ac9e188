package needs

import (
	"errors"
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
)

func TestProfileSample(t *testing.T) {
	s := clock.Second
	at := func(sec float64) clock.Time { return clock.Time(sec * float64(s)) }
	base := busy()
	base.CPUPercent = 20
	tests := []struct {
		name    string
		changes []Change
		t       clock.Time
		want    float64
		reason  string
	}{
		{"no change", nil, at(5), 20, "the base holds"},
		{"before step", []Change{Step(CPUPercent, at(10), 90)}, at(9.9), 20, "a step waits for its time"},
		{"at step", []Change{Step(CPUPercent, at(10), 90)}, at(10), 90, "a step takes effect at its time"},
		{"after step", []Change{Step(CPUPercent, at(10), 90)}, at(1000), 90, "and holds"},
		{"before ramp", []Change{Ramp(CPUPercent, at(10), at(20), 90)}, at(10) - 1, 20, "a ramp waits for its start"},
		{"ramp start", []Change{Ramp(CPUPercent, at(10), at(20), 90)}, at(10), 20, "a ramp starts from the underlying value"},
		{"ramp middle", []Change{Ramp(CPUPercent, at(10), at(20), 90)}, at(15), 55, "halfway: 20 + (90−20)/2"},
		{"ramp quarter", []Change{Ramp(CPUPercent, at(10), at(20), 90)}, at(12.5), 37.5, "a quarter: 20 + 70/4"},
		{"ramp end", []Change{Ramp(CPUPercent, at(10), at(20), 90)}, at(20), 90, "a ramp reaches its value at its end"},
		{"after ramp", []Change{Ramp(CPUPercent, at(10), at(20), 90)}, at(30), 90, "and holds it"},
		{"zero-length ramp", []Change{Ramp(CPUPercent, at(10), at(10), 90)}, at(10), 90, "is a step"},
		{"before spike", []Change{Spike(CPUPercent, at(10), 2*s, 95)}, at(10) - 1, 20, "a spike waits"},
		{"in spike", []Change{Spike(CPUPercent, at(10), 2*s, 95)}, at(11), 95, "a spike sets its value"},
		{"spike end", []Change{Spike(CPUPercent, at(10), 2*s, 95)}, at(12), 20, "a spike's end is exclusive"},
		{"spike on ramp", []Change{Ramp(CPUPercent, at(10), at(20), 90), Spike(CPUPercent, at(14), s, 0)}, at(15), 55, "after the spike the ramp continues"},
		{"step after ramp", []Change{Ramp(CPUPercent, at(10), at(20), 90), Step(CPUPercent, at(15), 10)}, at(17), 10, "a later change wins"},
		{"other metric", []Change{Step(MemoryPercent, at(1), 90)}, at(5), 20, "a change alters its own metric only"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Log(tc.reason)
			p := &Profile{Base: base, Changes: tc.changes}
			if err := p.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			if got := p.Sample(tc.t).CPUPercent; !near(got, tc.want) {
				t.Errorf("CPUPercent at %v = %v, want %v", tc.t, got, tc.want)
			}
		})
	}
}

func TestProfileValidate(t *testing.T) {
	tests := []struct {
		field string
		p     Profile
	}{
		{"base.cpu_percent", Profile{Base: Metrics{CPUPercent: -1}}},
		{"base.memory_percent", Profile{Base: Metrics{MemoryPercent: math.NaN()}}},
		{"base.power_w", Profile{Base: Metrics{PowerW: math.Inf(1)}}},
		{"change[0].metric", Profile{Changes: []Change{Step(numMetrics, 0, 1)}}},
		{"change[0].kind", Profile{Changes: []Change{{Metric: CPUPercent}}}},
		{"change[1].at", Profile{Changes: []Change{Step(CPUPercent, 0, 1), Step(CPUPercent, -1, 1)}}},
		{"change[0].until", Profile{Changes: []Change{Ramp(CPUPercent, 10, 5, 1)}}},
		{"change[0].until", Profile{Changes: []Change{Spike(CPUPercent, 10, 0, 1)}}},
		{"change[0].value", Profile{Changes: []Change{Step(PacketLossPercent, 0, -1)}}},
		{"change[0].value", Profile{Changes: []Change{Step(IdlePercent, 0, math.NaN())}}},
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			var fe *param.FieldError
			err := tc.p.Validate()
			if !errors.As(err, &fe) || fe.Key != tc.field {
				t.Fatalf("Validate() = %v, want a FieldError for %s", err, tc.field)
			}
			if _, err := NewMonitor(DefaultMonitorConfig(), &tc.p); !errors.As(err, &fe) {
				t.Fatalf("NewMonitor accepted an invalid profile: %v", err)
			}
		})
	}
	ok := Profile{Base: Unmeasured(), Changes: []Change{Step(TemperatureC, 0, math.NaN())}}
	if err := ok.Validate(); err != nil {
		t.Errorf("unknown temperature rejected: %v", err)
	}
}

func TestChangeKindString(t *testing.T) {
	for k, want := range map[ChangeKind]string{KindStep: "step", KindRamp: "ramp", KindSpike: "spike", 0: "ChangeKind(0)"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", uint8(k), got, want)
		}
	}
}
