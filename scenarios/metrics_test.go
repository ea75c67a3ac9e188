package scenarios

import (
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/scenarios/trace"
)

// TestBurstDurations: each burst or batch lasts from its arrival to the
// last of its outcomes.
func TestBurstDurations(t *testing.T) {
	s, evs := events(t, `duration = "3s"`+quiet+`
[[workload]]
kind = "batches"
start = "1s"
size = 5
batches = 3
every = "600ms"
`)
	if s.BurstsMs.Count != 3 {
		t.Fatalf("bursts %+v, want 3", s.BurstsMs)
	}
	// Every request of a batch arrives with it, so the longest batch lasts
	// as long as the slowest request.
	var slowest clock.Duration
	for _, e := range ofKind(evs, trace.EvOutcome) {
		slowest = max(slowest, e.Outcome.Latency())
	}
	if s.BurstsMs.Max != slowest.Milliseconds() || s.BurstsMs.Max == 0 {
		t.Errorf("longest batch %v ms, slowest request %v ms", s.BurstsMs.Max, slowest.Milliseconds())
	}
	s, _ = events(t, `duration = "2s"`+quiet+"[[workload]]\nkind = \"constant\"\nrate_hz = 5\n")
	if !s.BurstsMs.Empty() {
		t.Errorf("a constant stream has bursts: %+v", s.BurstsMs)
	}
}

// TestDegradationAndSuccessRate: the ratios are computed as the original
// computed them, and are null when they have no denominator.
func TestDegradationAndSuccessRate(t *testing.T) {
	s, _ := events(t, `duration = "20s"`+quiet+"[[workload]]\nkind = \"constant\"\nrate_hz = 2\n")
	h := s.Halves
	if h.Degradation == nil || h.FirstSuccessMeanMs == nil || h.SecondSuccessMeanMs == nil ||
		*h.Degradation != (*h.SecondSuccessMeanMs-*h.FirstSuccessMeanMs) / *h.FirstSuccessMeanMs {
		t.Errorf("degradation %v from halves %+v", h.Degradation, h)
	}
	if r := s.Requests.SuccessRate; r == nil || *r != float64(s.Requests.Succeeded)/float64(s.Requests.Total) || *r == 0 {
		t.Errorf("success rate %v of %+v", r, s.Requests)
	}
	// Requests only in the first half: no second-half success to compare.
	s, _ = events(t, `duration = "20s"`+quiet+"[[workload]]\nkind = \"constant\"\nrate_hz = 2\nstop = \"8s\"\n")
	if s.Halves.Degradation != nil {
		t.Errorf("degradation %v without second-half successes", *s.Halves.Degradation)
	}
	s, _ = events(t, `duration = "1s"`+quiet)
	if s.Requests.SuccessRate != nil || s.Requests.WithoutOutcome != 0 {
		t.Errorf("no requests: %+v", s.Requests)
	}
}

// TestAfterLastFault counts the ignitions of requests that arrived after
// the last fault, from the trace.
func TestAfterLastFault(t *testing.T) {
	sc, err := Builtin("recovery", nil)
	if err != nil {
		t.Fatal(err)
	}
	s, evs := events(t, string(sc.Source))
	var want uint64
	for _, e := range ofKind(evs, trace.EvOutcome) {
		if e.Outcome.Reason == esgt.Success && e.Outcome.Arrival >= clock.Time(5*clock.Second) {
			want++
		}
	}
	if got := s.Ignitions.AfterLastFault; got == nil || *got != want || want == 0 {
		t.Fatalf("after last fault %v, want %d", got, want)
	}
	if s.Fabric.FinalLinksOffRest != 0 {
		t.Errorf("%d links off rest after the run", s.Fabric.FinalLinksOffRest)
	}
	s, _ = events(t, `duration = "1s"`+quiet)
	if s.Ignitions.AfterLastFault != nil {
		t.Error("a run without faults counts ignitions after its last fault")
	}
}

// TestRetainedMemoryOverCycles: the model's retained values do not grow
// with the number of fabric cycles, and the growth is measured from the
// first full cycle.
func TestRetainedMemoryOverCycles(t *testing.T) {
	retained := func(cycles string) Memory {
		sc, err := Builtin("fabric-cycling", nil)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := events(t, string(sc.Source), "fault[0].repeat="+cycles, "duration=\""+cycles+"s\"", "fault[0].period=\"900ms\"")
		return s.Memory
	}
	few, many := retained("5"), retained("60")
	if few.CycleGrowth == nil || many.CycleGrowth == nil || few.CycledValues == 0 {
		t.Fatalf("no growth over cycles measured: %+v, %+v", few, many)
	}
	if d := math.Abs(float64(many.FinalValues-few.FinalValues)) / float64(few.FinalValues); d > 0.25 {
		t.Errorf("retained values %d after 60 cycles, %d after 5: the model keeps something per cycle", many.FinalValues, few.FinalValues)
	}
	if few.InitialValues == 0 || few.FinalValues <= few.InitialValues {
		t.Errorf("memory %+v: the first ignition's pooled buffers should show as growth from the start", few)
	}
	s, _ := events(t, `duration = "1s"`+quiet)
	if s.Memory.CycleGrowth != nil || s.Memory.InitialValues == 0 {
		t.Errorf("a run without fabric cycles: %+v", s.Memory)
	}
}
