package fabric

import (
	"math/rand/v2"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

// TestAggregatesFollowChanges: the cached mean latency and loss fraction
// always equal a fresh computation, across faults and mode changes.
func TestAggregatesFollowChanges(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Nodes = 24
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Initialize(rand.New(rand.NewPCG(1, 1))); err != nil {
		t.Fatal(err)
	}
	fresh := func() (clock.Duration, float64) {
		var sum, count int64
		var loss float64
		for id, l := range f.links {
			if f.usable(id) {
				sum, count, loss = sum+int64(l.Latency), count+1, loss+l.PacketLoss
			} else {
				loss++
			}
		}
		if count == 0 {
			return 0, loss / float64(len(f.links))
		}
		return clock.Duration((sum + count/2) / count), loss / float64(len(f.links))
	}
	r := rand.New(rand.NewPCG(2, 2))
	for step := range 300 {
		a, b := r.IntN(cfg.Nodes), r.IntN(cfg.Nodes)
		switch r.IntN(6) {
		case 0:
			f.CrashNode(a)
		case 1:
			f.RecoverNode(a)
		case 2:
			f.DegradeLink(a, b, 1+r.Float64()*5, r.Float64()/2) // errors for non-links are fine
		case 3:
			f.HealLink(a, b)
		case 4:
			f.EnterESGTMode()
		case 5:
			f.ExitESGTMode()
		}
		wantLat, wantLoss := fresh()
		if got := f.MeanLinkLatency(); got != wantLat {
			t.Fatalf("step %d: MeanLinkLatency %v, fresh %v", step, got, wantLat)
		}
		if got := f.LossFraction(); got != wantLoss {
			t.Fatalf("step %d: LossFraction %v, fresh %v", step, got, wantLoss)
		}
	}
}
