package scenarios

import (
	"github.com/esgtsim/esgtsim/scenarios/trace"

	"testing"
)

// TestFabricSmallerThanMinNodes: a fabric with fewer nodes than
// min_available_nodes refuses every request on resources, and the run ends
// normally with every request accounted for.
func TestFabricSmallerThanMinNodes(t *testing.T) {
	s, _ := events(t, `duration = "3s"
[fabric]
nodes = 6
[triggers]
min_available_nodes = 8
[[workload]]
kind = "constant"
rate_hz = 20
`)
	if s.Requests.Total != 60 || s.Requests.Failed["resources"] != 60 || s.Ignitions.Attempts != 0 {
		t.Fatalf("requests %+v, attempts %d", s.Requests, s.Ignitions.Attempts)
	}
}

// TestCoordinatorStopsMidIgnition: stopping the coordinator while an
// ignition synchronises ends it with reason interrupted at the stop, frees
// the fabric, refuses requests while stopped, and nothing hangs.
func TestCoordinatorStopsMidIgnition(t *testing.T) {
	s, evs := events(t, `duration = "2s"`+quiet+`
[[workload]]
kind = "list"
at = ["0s", "500ms", "1500ms"]
[[fault]]
at = "100ms"
kind = "coordinator_stop"
[[fault]]
at = "1s"
kind = "coordinator_start"
`)
	outs := ofKind(evs, trace.EvOutcome)
	if len(outs) != 3 {
		t.Fatalf("%d outcomes for 3 requests", len(outs))
	}
	first := outs[0].Outcome
	if first.Reason.String() != "interrupted" || first.Done != outs[0].At || outs[0].At.Seconds() != 0.1 {
		t.Fatalf("first request: %v at %v", first.Reason, outs[0].At)
	}
	if outs[1].Outcome.Reason.String() != "stopped" || !outs[2].Outcome.Reason.Admitted() {
		t.Fatalf("second %v, third %v", outs[1].Outcome.Reason, outs[2].Outcome.Reason)
	}
	if s.Fabric.FinalHealthy != 16 {
		t.Fatalf("final healthy nodes %d", s.Fabric.FinalHealthy)
	}
}
