package arousal

import (
	"errors"
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
)

// A modulation of +0.3 for 10 s adds 0.3·(1 − t/10 s) to the target at
// every update until 10 s, then nothing, and leaves the list.
func TestModulationDecaysLinearly(t *testing.T) {
	s, c := started(t, DefaultConfig(), nil)
	if err := c.Modulate(0, Modulation{Source: "threat", Delta: 0.3, Duration: 10 * clock.Second, Priority: 1}); err != nil {
		t.Fatal(err)
	}
	got := map[clock.Time]float64{}
	c.OnUpdate(func(now clock.Time, _, target float64) {
		got[now] = c.Terms().External
		if want := c.Terms().Target(); target != want {
			t.Fatalf("at %v target %v, want the terms' sum %v", now, target, want)
		}
	})
	s.RunUntil(at(12))
	for k := 0; k <= 120; k++ {
		now := clock.Time(k) * clock.Time(100*clock.Millisecond)
		want := 0.0
		if k < 100 {
			want = 0.3 * (1 - float64(k)/100)
		}
		if !near(got[now], want) {
			t.Errorf("external at %v = %v, want %v", now, got[now], want)
		}
	}
	for _, p := range []struct{ sec, want float64 }{{0, 0.3}, {2.5, 0.225}, {5, 0.15}, {9.9, 0.003}, {10, 0}} {
		if !near(got[at(p.sec)], p.want) {
			t.Errorf("external at %vs = %v, want %v", p.sec, got[at(p.sec)], p.want)
		}
	}
	if n := c.ActiveModulations(); n != 0 {
		t.Errorf("ActiveModulations = %d after expiry, want 0", n)
	}
}

// The external term is Σ priority·delta / Σ priority over the modulations
// active at the update.
func TestModulationPriorityWeightedMean(t *testing.T) {
	long := 1000 * clock.Second // negligible decay at t = 0
	tests := []struct {
		name   string
		mods   []Modulation
		starts []clock.Time
		want   float64
	}{
		{"none", nil, nil, 0},
		{"one", []Modulation{{"a", 0.4, long, 5}}, []clock.Time{0}, 0.4},
		{"equal priorities", []Modulation{{"a", 0.4, long, 1}, {"b", -0.2, long, 1}}, []clock.Time{0, 0}, 0.1},
		{"weighted", []Modulation{{"a", 0.4, long, 3}, {"b", -0.2, long, 1}}, []clock.Time{0, 0}, 0.25},
		{"fractional priorities", []Modulation{{"a", 1, long, 0.5}, {"b", 0, long, 1.5}}, []clock.Time{0, 0}, 0.25},
		{"future one not counted", []Modulation{{"a", 0.4, long, 3}, {"b", -0.2, long, 1}}, []clock.Time{0, at(1)}, 0.4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(DefaultConfig(), nil)
			if err != nil {
				t.Fatal(err)
			}
			for i, m := range tc.mods {
				if err := c.Modulate(tc.starts[i], m); err != nil {
					t.Fatal(err)
				}
			}
			c.update(0)
			if got := c.Terms().External; !near(got, tc.want) {
				t.Errorf("external = %v, want %v", got, tc.want)
			}
			if got := c.ActiveModulations(); got != len(tc.mods) {
				t.Errorf("ActiveModulations = %d, want %d", got, len(tc.mods))
			}
		})
	}
}

// A duration-0 modulation applies exactly once, at the first update at or
// after its request (docs/model.md §7.8), whether requested between two updates or
// on an update instant.
func TestInstantModulationAppliesOnce(t *testing.T) {
	tests := []struct {
		name     string
		req, app clock.Time
		reason   string
	}{
		{"at 0", 0, at(0.1), "the update at 0 was scheduled first and ran before the request"},
		{"at 150 ms", at(0.15), at(0.2), "between updates: the next one"},
		{"at 200 ms", at(0.2), at(0.2), "the request was scheduled before the update at 200 ms"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Log(tc.reason)
			s, c := started(t, DefaultConfig(), nil)
			var applied []clock.Time
			c.OnUpdate(func(now clock.Time, _, _ float64) {
				if e := c.Terms().External; e != 0 {
					if e != 0.5 {
						t.Errorf("external at %v = %v, want 0.5", now, e)
					}
					applied = append(applied, now)
				}
			})
			s.Schedule(tc.req, func() {
				if err := c.Modulate(s.Now(), Modulation{Source: "kick", Delta: 0.5, Priority: 2}); err != nil {
					t.Error(err)
				}
			})
			s.RunUntil(at(2))
			if len(applied) != 1 || applied[0] != tc.app {
				t.Errorf("applied at %v, want once at %v", applied, tc.app)
			}
			if c.ActiveModulations() != 0 {
				t.Errorf("ActiveModulations = %d, want 0", c.ActiveModulations())
			}
			// One step up (0.005), then back down at 0.002 per update.
			if a := c.Arousal(); a != 0.6 {
				t.Errorf("arousal = %v after the kick wore off, want back at 0.6", a)
			}
		})
	}
}

func TestModulateRejects(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	ok := Modulation{Source: "x", Delta: 0.1, Duration: clock.Second, Priority: 1}
	tests := []struct {
		field string
		now   clock.Time
		edit  func(*Modulation)
	}{
		{"delta", 0, func(m *Modulation) { m.Delta = nan }},
		{"delta", 0, func(m *Modulation) { m.Delta = -inf }},
		{"delta", 0, func(m *Modulation) { m.Delta = 1.5 }},
		{"priority", 0, func(m *Modulation) { m.Priority = 0 }},
		{"priority", 0, func(m *Modulation) { m.Priority = -1 }},
		{"priority", 0, func(m *Modulation) { m.Priority = nan }},
		{"priority", 0, func(m *Modulation) { m.Priority = inf }},
		{"duration", 0, func(m *Modulation) { m.Duration = -1 }},
		{"now", -1, func(m *Modulation) {}},
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			c, err := New(DefaultConfig(), nil)
			if err != nil {
				t.Fatal(err)
			}
			m := ok
			tc.edit(&m)
			var fe *param.FieldError
			if err := c.Modulate(tc.now, m); !errors.As(err, &fe) || fe.Key != tc.field {
				t.Fatalf("Modulate = %v, want a FieldError for %s", err, tc.field)
			}
			if c.ActiveModulations() != 0 {
				t.Error("a rejected modulation was kept")
			}
		})
	}
	t.Run("too many", func(t *testing.T) {
		cfg := DefaultConfig()
		cfg.MaxModulations = 2
		c, err := New(cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			err := c.Modulate(0, ok)
			if want := i == 2; errors.Is(err, ErrTooManyModulations) != want {
				t.Errorf("modulation %d: %v", i, err)
			}
		}
		c.update(at(1)) // both expire
		if err := c.Modulate(at(1), ok); err != nil {
			t.Errorf("after expiry: %v", err)
		}
	})
}
