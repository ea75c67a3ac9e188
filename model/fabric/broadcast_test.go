package fabric

import (
	"slices"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

// pathWithLatencies returns the path 0–1–…–n−1 whose link i has latency
// lat[i], with hop processing hop.
func pathWithLatencies(t *testing.T, hop clock.Duration, lat ...clock.Duration) *Fabric {
	t.Helper()
	f := fromEdges(t, len(lat)+1, pathGraph(len(lat)+1))
	f.cfg.HopProcessing = hop
	for id, l := range lat {
		f.links[id].Latency, f.baseLatency[id] = l, l
	}
	return f
}

func TestBroadcast(t *testing.T) {
	const us = clock.Microsecond
	for _, tc := range []struct {
		name    string
		setup   func(t *testing.T) *Fabric
		src     int
		reached int
		dur     clock.Duration
		reason  string
	}{
		{
			name:  "path, known latencies",
			setup: func(t *testing.T) *Fabric { return pathWithLatencies(t, 100, 1*us, 2*us, 500, 1500) },
			src:   0, reached: 5, dur: 1*us + 2*us + 500 + 1500 + 4*100,
			reason: "four hops: Σ latency + 4 × hop processing",
		},
		{
			name:  "path, from the middle",
			setup: func(t *testing.T) *Fabric { return pathWithLatencies(t, 100, 1*us, 2*us, 500, 1500) },
			src:   2, reached: 5, dur: 3*us + 200,
			reason: "the slower side, 2µs + 1µs, decides",
		},
		{
			name: "offline node cuts the flood",
			setup: func(t *testing.T) *Fabric {
				f := pathWithLatencies(t, 100, us, us, us, us)
				if err := f.CrashNode(2); err != nil {
					t.Fatal(err)
				}
				return f
			},
			src: 0, reached: 2, dur: us + 100, reason: "nodes 3 and 4 are only reachable through 2",
		},
		{
			name: "loss 1.0 reaches only the source",
			setup: func(t *testing.T) *Fabric {
				f := fromEdges(t, 6, complete(6))
				for id := range f.links {
					f.links[id].PacketLoss = 1
				}
				return f
			},
			src: 3, reached: 1, dur: 0, reason: "every copy is lost",
		},
		{
			name: "low-weight link not used",
			setup: func(t *testing.T) *Fabric {
				f := pathWithLatencies(t, 0, us, us, us)
				f.weights.set(1, f.NumLinks(), 0.1)
				return f
			},
			src: 0, reached: 2, dur: us, reason: "weight must exceed 0.1",
		},
		{
			name: "cut link, shortcut around it",
			setup: func(t *testing.T) *Fabric {
				f := fromEdges(t, 4, ring(4)) // 0–1, 0–3, 1–2, 2–3
				for id := range f.links {
					f.links[id].Latency = us
				}
				if err := f.CutLink(0, 1); err != nil {
					t.Fatal(err)
				}
				f.cfg.HopProcessing = 0
				return f
			},
			src: 0, reached: 4, dur: 3 * us, reason: "node 1 is reached the long way, 0–3–2–1",
		},
		{
			name: "degraded source",
			setup: func(t *testing.T) *Fabric {
				f := fromEdges(t, 4, complete(4))
				if err := f.DegradeNode(0); err != nil {
					t.Fatal(err)
				}
				return f
			},
			src: 0, reached: 0, dur: 0, reason: "an unhealthy source sends nothing",
		},
		{
			name:  "source out of range",
			setup: func(t *testing.T) *Fabric { return fromEdges(t, 4, complete(4)) },
			src:   7, reached: 0, dur: 0, reason: "no such node",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.setup(t)
			got := f.Broadcast(tc.src, newTestRand(testSeed))
			if got.Reached != tc.reached || got.Duration != tc.dur {
				t.Errorf("Broadcast = %+v, want reached %d in %v (%s)", got, tc.reached, tc.dur, tc.reason)
			}
		})
	}
}

// TestBroadcastLossy checks that lossy floods are deterministic given the
// stream and reach a plausible share of a large fabric.
func TestBroadcastLossy(t *testing.T) {
	f := generated(t, 1000, testSeed)
	for id := range f.links {
		f.links[id].PacketLoss = 0.9
	}
	a := f.Broadcast(0, newTestRand(5))
	b := f.Broadcast(0, newTestRand(5))
	if a != b {
		t.Fatalf("same stream, different floods: %+v and %+v", a, b)
	}
	if a.Reached < 500 || a.Reached == 1000 {
		t.Errorf("90%% loss on a dense fabric reached %d of 1000", a.Reached)
	}
	defer func() {
		if r := recover(); r == nil {
			t.Error("a lossy flood with no stream did not panic")
		}
	}()
	f.Broadcast(0, nil)
}

func TestBroadcastAllocationFree(t *testing.T) {
	f := generated(t, 1000, testSeed)
	f.links[0].PacketLoss = 0.5
	rng := newTestRand(testSeed)
	f.Broadcast(0, rng) // warm-up sizes the buffers
	if allocs := testing.AllocsPerRun(20, func() { f.Broadcast(int(rng.IntN(1000)), rng) }); allocs != 0 {
		t.Errorf("Broadcast allocates %v times per call after warm-up", allocs)
	}
	if r := f.Broadcast(0, rng); r.Reached != 1000 || r.Duration <= 0 {
		t.Errorf("lossless-but-one fabric: %+v", r)
	}
}

// TestBroadcastRepeats: a lossless flood repeated on the same topology
// gives what a fresh fabric computes, marks included, through ESGT mode
// and after faults; a lossy flood draws afresh every time.
func TestBroadcastRepeats(t *testing.T) {
	f := generated(t, 300, testSeed)
	first := f.Broadcast(0, nil)
	f.EnterESGTMode()
	if got := f.Broadcast(0, nil); got != first {
		t.Fatalf("in ESGT mode: %+v, want %+v", got, first)
	}
	f.Broadcast(5, nil)
	if got := f.Broadcast(0, nil); got != first {
		t.Fatalf("after a flood from another source: %+v, want %+v", got, first)
	}
	for _, v := range f.Neighbors(7) {
		if err := f.CutLink(7, int(v)); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.CrashNode(9); err != nil {
		t.Fatal(err)
	}
	got := f.Broadcast(0, nil)
	fresh := generated(t, 300, testSeed)
	for _, v := range fresh.Neighbors(7) {
		_ = fresh.CutLink(7, int(v))
	}
	_ = fresh.CrashNode(9)
	want := fresh.Broadcast(0, nil)
	if got != want || got.Reached > first.Reached-2 || !slices.Equal(f.bc.done, fresh.bc.done) {
		t.Errorf("after the faults: %+v, a fresh fabric %+v (before %+v)", got, want, first)
	}

	lossy := generated(t, 300, testSeed)
	for id := range lossy.NumLinks() {
		l := lossy.Link(id)
		if err := lossy.DegradeLink(l.A, l.B, 1, 0.6); err != nil {
			t.Fatal(err)
		}
	}
	rng := newTestRand(3)
	seen := map[BroadcastResult]bool{}
	for range 10 {
		seen[lossy.Broadcast(0, rng)] = true
	}
	if len(seen) < 2 {
		t.Errorf("10 lossy floods from one source gave one result: %v", seen)
	}
}
