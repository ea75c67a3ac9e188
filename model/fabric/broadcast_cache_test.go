package fabric

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/sim"
)

// TestBroadcastRepeatMatchesAFreshFlood: whatever sequence of changes a
// lossless fabric goes through (ESGT mode with weights around the 0.1
// threshold, crashes, recoveries, cuts, heals, slower links, the health
// loop's isolation and repair), a flood served as a repeat gives what a
// flood computed afresh gives, the reached nodes included: every change
// a flood depends on moves the topology version.
func TestBroadcastRepeatMatchesAFreshFlood(t *testing.T) {
	const n = 30
	for seed := uint64(1); seed <= 20; seed++ {
		rng := newTestRand(seed)
		var b strings.Builder
		b.WriteString("a,b,weight\n")
		for i := 1; i < n; i++ {
			for _, j := range []int{rng.IntN(i), (i + 1 + rng.IntN(n-1)) % n} {
				if j < i && !strings.Contains(b.String(), fmt.Sprintf("\n%d,%d,", j, i)) {
					fmt.Fprintf(&b, "%d,%d,%s\n", j, i, []string{"0.05", "0.08", "0.1", "0.2", "1", "1.4"}[rng.IntN(6)])
				}
			}
		}
		list, err := ReadEdgeList("random.csv", strings.NewReader(b.String()), 0)
		if err != nil {
			t.Fatal(err)
		}
		cfg := DefaultConfig()
		cfg.Nodes, cfg.MinDegree = n, 1
		f, _ := New(cfg)
		if err := f.InitializeFromEdges(list, sim.NewStream(seed, "fabric")); err != nil {
			t.Fatal(err)
		}
		h := NewHealth(f, DefaultHealthConfig(), 0)
		now := clock.Time(0)
		for step := range 300 {
			src := rng.IntN(n)
			f.Broadcast(src, nil)    // what a repeat after the change would serve
			l := f.Link(rng.IntN(8)) // few links, so that a cut one is healed again
			switch rng.IntN(9) {
			case 0:
				f.EnterESGTMode()
			case 1:
				f.ExitESGTMode()
			case 2:
				_ = f.CrashNode(rng.IntN(n))
			case 3:
				_ = f.RecoverNode(rng.IntN(n))
			case 4:
				_ = f.CutLink(l.A, l.B)
			case 5:
				_ = f.HealLink(l.A, l.B)
			case 6:
				_ = f.DegradeLink(l.A, l.B, 3, 0)
			case 7:
				for i := range n {
					if rng.IntN(4) != 0 {
						h.Heard(i, now)
					}
				}
				now = now.Add(6 * clock.Second)
				h.Check(now, rng)
			}
			got, reached := f.Broadcast(src, nil), slices.Clone(f.bc.done)
			f.bc.lastValid = false
			want := f.Broadcast(src, nil)
			if got != want || !slices.Equal(reached, f.bc.done) {
				t.Fatalf("seed %d, step %d: the flood from %d gave %+v, a fresh one %+v", seed, step, src, got, want)
			}
		}
	}
}
