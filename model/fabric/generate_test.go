package fabric

import (
	"errors"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"testing"
)

// digest hashes a fabric's links and their attributes.
func digest(f *Fabric) uint64 {
	h := fnv.New64a()
	var b [8]byte
	put := func(x uint64) {
		for i := range b {
			b[i] = byte(x >> (8 * i))
		}
		h.Write(b[:])
	}
	for id := range f.NumLinks() {
		l := f.Link(id)
		put(uint64(l.A))
		put(uint64(l.B))
		put(uint64(l.Latency))
		put(math.Float64bits(l.BandwidthGbps))
	}
	return h.Sum64()
}

func TestGenerationDeterministic(t *testing.T) {
	sizes := []int{8, 16, 20, 24, 32, 1000, 10000}
	if testing.Short() {
		sizes = sizes[:6]
	}
	for _, n := range sizes {
		t.Run("nodes="+strconv.Itoa(n), func(t *testing.T) {
			a, b := generated(t, n, testSeed), generated(t, n, testSeed)
			if !slices.Equal(a.Edges(), b.Edges()) || digest(a) != digest(b) {
				t.Fatal("same seed, different fabrics")
			}
			if c := generated(t, n, testSeed+1); slices.Equal(a.Edges(), c.Edges()) {
				t.Error("seeds 1 and 2 gave the same topology")
			}
		})
	}
}

// TestGenerationPinned pins the generated bits: any change to the
// generator, the stream derivation or math/rand/v2 shows here (and in
// testdata/graphs.json for the small sizes).
func TestGenerationPinned(t *testing.T) {
	for _, tc := range []struct {
		n     int
		links int
		hash  uint64
	}{
		{1000, 22890, 0x7c861f6a97639851},
	} {
		f := generated(t, tc.n, testSeed)
		if f.NumLinks() != tc.links || digest(f) != tc.hash {
			t.Errorf("nodes=%d: %d links, digest %#x; pinned %d, %#x", tc.n, f.NumLinks(), digest(f), tc.links, tc.hash)
		}
	}
}

// TestGeneratedStructure checks the CSR views and link attributes.
func TestGeneratedStructure(t *testing.T) {
	for _, n := range []int{8, 32, 1000} {
		t.Run("nodes="+strconv.Itoa(n), func(t *testing.T) {
			f := generated(t, n, testSeed)
			cfg := f.Config()
			if ba := cfg.MinDegree * (n - cfg.MinDegree); f.NumLinks() < ba {
				t.Errorf("%d links, fewer than the %d of the Barabási–Albert graph", f.NumLinks(), ba)
			}
			bandwidths := map[float64]bool{}
			for id := range f.NumLinks() {
				l := f.Link(id)
				if l.A >= l.B || l.Latency < cfg.LatencyMin || l.Latency > cfg.LatencyMax ||
					!slices.Contains(cfg.BandwidthsGbps, l.BandwidthGbps) || l.PacketLoss != 0 || l.Weight != 1 || !l.Active {
					t.Fatalf("link %d = %+v", id, l)
				}
				if id > 0 {
					if p := f.Link(id - 1); p.A > l.A || (p.A == l.A && p.B >= l.B) {
						t.Fatalf("links %d and %d out of order", id-1, id)
					}
				}
				bandwidths[l.BandwidthGbps] = true
			}
			if n == 1000 && len(bandwidths) != 3 {
				t.Errorf("bandwidths drawn: %v", bandwidths)
			}
			degrees := 0
			for i := range n {
				nb, ids := f.Neighbors(i), f.LinkIDs(i)
				degrees += len(nb)
				if !slices.IsSorted(nb) || len(nb) != len(ids) || len(nb) == 0 {
					t.Fatalf("node %d: neighbours %v, link ids %v", i, nb, ids)
				}
				for k, j := range nb {
					l := f.Link(int(ids[k]))
					if min(i, int(j)) != l.A || max(i, int(j)) != l.B {
						t.Fatalf("node %d: link id %d of neighbour %d is %+v", i, ids[k], j, l)
					}
				}
				if f.State(i) != Active {
					t.Fatalf("node %d %v after Initialize", i, f.State(i))
				}
			}
			if degrees != 2*f.NumLinks() {
				t.Errorf("degree sum %d, links %d", degrees, f.NumLinks())
			}
		})
	}
}

// TestBarabasiAlbertAlone turns the closure passes off: the graph is then
// networkx's Barabási–Albert graph, with m·(n−m) links and every node
// after the initial star attached to m earlier nodes.
func TestBarabasiAlbertAlone(t *testing.T) {
	for _, tc := range []struct{ n, m int }{{8, 1}, {8, 7}, {16, 5}, {500, 5}, {500, 20}} {
		cfg := DefaultConfig()
		cfg.Nodes, cfg.MinDegree = tc.n, tc.m
		cfg.RewiringProbability, cfg.HubClosureProbability = 0, 0
		f, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Initialize(newTestRand(testSeed)); err != nil {
			t.Fatal(err)
		}
		if f.NumLinks() != tc.m*(tc.n-tc.m) {
			t.Errorf("n=%d m=%d: %d links, want %d", tc.n, tc.m, f.NumLinks(), tc.m*(tc.n-tc.m))
		}
		for v := tc.m + 1; v < tc.n; v++ {
			earlier := 0
			for _, u := range f.Neighbors(v) {
				if int(u) < v {
					earlier++
				}
			}
			if earlier != tc.m {
				t.Fatalf("n=%d m=%d: node %d attached to %d earlier nodes", tc.n, tc.m, v, earlier)
			}
		}
	}
}

// TestClosureRaisesClustering checks that the closure passes do what they
// are for: more links and more triangles.
func TestClosureRaisesClustering(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Nodes = 200
	plain := cfg
	plain.RewiringProbability, plain.HubClosureProbability = 0, 0
	var clustering [2]float64
	var links [2]int
	for i, c := range []Config{plain, cfg} {
		f, _ := New(c)
		if err := f.Initialize(newTestRand(testSeed)); err != nil {
			t.Fatal(err)
		}
		clustering[i], links[i] = f.Metrics(nil).Clustering, f.NumLinks()
	}
	if links[1] <= links[0] || clustering[1] < clustering[0]+0.1 {
		t.Errorf("closure: links %d → %d, clustering %.3f → %.3f", links[0], links[1], clustering[0], clustering[1])
	}
}

func TestPercentile75(t *testing.T) {
	for _, tc := range []struct {
		deg  []int
		want float64 // numpy.percentile(deg, 75)
	}{
		{[]int{1, 2, 3, 4}, 3.25},
		{[]int{4, 1, 3, 2}, 3.25},
		{[]int{5, 5, 5, 5, 5}, 5},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8}, 6.25},
		{[]int{1, 10}, 7.75},
		{[]int{2, 9, 4}, 6.5},
		{[]int{3}, 3},
	} {
		if got := float64(percentile75x4(tc.deg)) / 4; got != tc.want {
			t.Errorf("percentile75(%v) = %v, numpy %v", tc.deg, got, tc.want)
		}
	}
}

func TestInitializeTwice(t *testing.T) {
	f := generated(t, 16, testSeed)
	edges, v := f.Edges(), f.Version()
	if err := f.Initialize(nil); !errors.Is(err, ErrAlreadyInitialized) {
		t.Fatalf("second Initialize with nil: %v, want ErrAlreadyInitialized", err)
	}
	if err := f.Initialize(newTestRand(99)); !errors.Is(err, ErrAlreadyInitialized) {
		t.Fatalf("second Initialize: %v, want ErrAlreadyInitialized", err)
	}
	if !slices.Equal(edges, f.Edges()) || f.Version() != v {
		t.Error("second Initialize changed the fabric")
	}
}

func TestBeforeInitialize(t *testing.T) {
	f, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if f.State(3) != Initializing || f.Healthy(3) || f.HealthyCount() != 0 || f.NumLinks() != 0 || f.Neighbors(3) != nil {
		t.Error("a new fabric is not empty and initializing")
	}
	if err := f.Initialize(nil); err == nil || f.Initialized() {
		t.Errorf("Initialize(nil) = %v", err)
	}
	if err := f.CrashNode(0); !errors.Is(err, ErrNotInitialized) {
		t.Errorf("CrashNode before Initialize: %v", err)
	}
	if r := f.Broadcast(0, nil); r.Reached != 0 {
		t.Errorf("broadcast before Initialize reached %d", r.Reached)
	}
	f.EnterESGTMode()
	if f.InESGTMode() {
		t.Error("ESGT mode entered before Initialize")
	}
}
