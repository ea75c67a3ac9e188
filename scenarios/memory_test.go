package scenarios

import (
	"context"
	"runtime"
	"testing"
	"weak"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/scenarios/trace"
)

// TestFabricCyclingMemory: re-creating the fabric leaves nothing that keeps
// the old one alive (the original's memory-leak test). It runs the
// fabric-cycling scenario with the world in hand, takes a weak pointer to
// each fabric as a fabric_recreate replaces it, and after a garbage
// collection, with the run and its current fabric still alive, requires
// every replaced fabric to have been collected. One retained fabric fails
// it, which a bound on heap growth could not see (keeping all 50 of these
// 8-node fabrics costs about 1.3 MB).
func TestFabricCyclingMemory(t *testing.T) {
	sc, err := Builtin("fabric-cycling", nil)
	if err != nil {
		t.Fatal(err)
	}
	var (
		w        *world
		current  *fabric.Fabric
		replaced []weak.Pointer[fabric.Fabric]
	)
	opts := Options{Check: true, OnEvent: func(e *trace.Event) {
		if e.Kind == trace.EvFault && e.Fault == "fabric_recreate" {
			replaced = append(replaced, weak.Make(current))
			current = w.fab
		}
	}}
	w, err = build(context.Background(), sc, newRecorder(&opts), false)
	if err != nil {
		t.Fatal(err)
	}
	current = w.fab
	w.sim.RunUntil(clock.Time(sc.Spec.Duration))
	if w.err != nil {
		t.Fatal(w.err)
	}
	if len(replaced) != 50 {
		t.Fatalf("%d fabric re-creations, want the scenario's 50", len(replaced))
	}
	runtime.GC()
	for i, p := range replaced {
		if p.Value() != nil {
			t.Errorf("fabric %d of %d is still reachable after it was replaced", i+1, len(replaced))
		}
	}
	runtime.KeepAlive(w)
	runtime.KeepAlive(current)
}
