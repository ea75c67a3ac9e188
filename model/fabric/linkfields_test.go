package fabric

import (
	"math/rand/v2"
	"testing"
)

// TestLinkActiveAndWeightMatchLink requires LinkActive and LinkWeight to
// agree with Link on every link, before and after a cut and ESGT mode.
func TestLinkActiveAndWeightMatchLink(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Nodes = 24
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Initialize(rand.New(rand.NewPCG(1, 1))); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		for id := range f.NumLinks() {
			l := f.Link(id)
			if f.LinkActive(id) != l.Active || f.LinkWeight(id) != l.Weight {
				t.Fatalf("%s: link %d: LinkActive %v LinkWeight %v, Link %+v", when, id, f.LinkActive(id), f.LinkWeight(id), l)
			}
		}
	}
	check("fresh")
	l := f.Link(0)
	if err := f.CutLink(l.A, l.B); err != nil {
		t.Fatal(err)
	}
	if f.LinkActive(0) {
		t.Error("link 0 active after its cut")
	}
	check("after a cut")
	f.EnterESGTMode()
	check("in ESGT mode")
}
