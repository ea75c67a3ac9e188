package scenarios

import (
	"context"
	"errors"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/scenarios/check"
	"github.com/esgtsim/esgtsim/scenarios/spec"
)

// FuzzParse feeds arbitrary files and overrides to the scenario loader: it
// must return a scenario or an error, never panic or hang. Small valid
// scenarios are also run with the invariant checker, which must find no
// violation.
func FuzzParse(f *testing.F) {
	for _, info := range Builtins() {
		src, _ := BuiltinSource(info.Name)
		f.Add(src, "seed=7")
	}
	f.Add([]byte(minimal), "workload[0].kind=poisson")
	f.Add([]byte("[[fault]]\nkind = \"node_crash\"\nall_nodes = true\nevery = \"1ms\"\n"), "fabric.nodes=9")
	f.Fuzz(func(t *testing.T, data []byte, set string) {
		var sets []string
		if set != "" {
			sets = []string{set}
		}
		sc, err := Parse("fuzz.toml", data, sets)
		if err != nil {
			if sc != nil {
				t.Fatal("a scenario and an error")
			}
			return
		}
		if !small(sc) {
			return
		}
		if _, err := Run(context.Background(), sc, Options{Check: true}); err != nil {
			var inv *check.InvariantError
			if errors.As(err, &inv) {
				t.Fatalf("valid scenario violates an invariant: %v\n%s", err, data)
			}
		}
	})
}

// small reports whether a scenario runs in a few milliseconds, so the
// fuzzer can afford to run it.
func small(sc *spec.Scenario) bool {
	s := &sc.Spec
	if s.Duration.Seconds() > 2 || s.Fabric.Nodes > 48 {
		return false
	}
	var requests float64
	for _, w := range s.Workloads {
		requests += w.RateHz*s.Duration.Seconds() + float64(max(w.Size, 1)*max(w.Batches, 1)) + float64(len(w.At))
	}
	// The periodic events, as validation bounds them.
	ticks := 0.0
	for _, p := range []struct {
		on     bool
		period clock.Duration
	}{{true, s.Oscillator.Step}, {s.Arousal.Enabled, s.Arousal.UpdateInterval}, {s.Needs.Enabled, s.Needs.Interval}, {s.Bridge.Enabled, s.Bridge.Interval}} {
		if p.on {
			ticks += sc.Horizon().Seconds() / p.period.Seconds()
		}
	}
	return requests <= 2000 && ticks <= 20000
}
