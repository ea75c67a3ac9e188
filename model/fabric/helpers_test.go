package fabric

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/sim"
)

// testSeed is the fixed seed of the tests.
const testSeed = 1

// fromEdges returns an initialized fabric on n nodes with exactly the given
// links, attributes drawn as Initialize would.
func fromEdges(t testing.TB, n int, edges [][2]int) *Fabric {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Nodes, cfg.MinDegree = n, 1
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	adj := make([][]int32, n)
	for _, e := range edges {
		adj[e[0]] = append(adj[e[0]], int32(e[1]))
		adj[e[1]] = append(adj[e[1]], int32(e[0]))
	}
	f.build(adj, rand.New(rand.NewPCG(testSeed, 0)), nil)
	return f
}

// fromEdgeList returns a fabric initialized from the edge list text csv
// (as ReadEdgeList reads it), on as many nodes as the list has.
func fromEdgeList(t testing.TB, csv string) *Fabric {
	t.Helper()
	list, err := ReadEdgeList("test.csv", strings.NewReader(csv), 0)
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Nodes, cfg.MinDegree = list.Nodes, 1
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.InitializeFromEdges(list, sim.NewStream(testSeed, "fabric")); err != nil {
		t.Fatal(err)
	}
	return f
}

// generated returns an initialized fabric of n nodes from the stream the
// CLI uses for seed, so `esgtsim fabric --nodes n --seed seed` shows it.
func generated(t testing.TB, n int, seed uint64) *Fabric {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Nodes = n
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Initialize(sim.NewStream(seed, "fabric")); err != nil {
		t.Fatal(err)
	}
	return f
}

func complete(n int) [][2]int {
	var e [][2]int
	for a := range n {
		for b := a + 1; b < n; b++ {
			e = append(e, [2]int{a, b})
		}
	}
	return e
}

func ring(n int) [][2]int {
	var e [][2]int
	for a := range n {
		e = append(e, [2]int{a, (a + 1) % n})
	}
	return e
}

// star is the star with centre 0 and leaves 1..leaves.
func star(leaves int) [][2]int {
	var e [][2]int
	for b := 1; b <= leaves; b++ {
		e = append(e, [2]int{0, b})
	}
	return e
}

func pathGraph(n int) [][2]int {
	var e [][2]int
	for a := 0; a+1 < n; a++ {
		e = append(e, [2]int{a, a + 1})
	}
	return e
}

// barbell is two complete graphs on k nodes (0..k−1 and k..2k−1) joined by
// the bridge k−1 — k.
func barbell(k int) [][2]int {
	e := complete(k)
	for _, x := range complete(k) {
		e = append(e, [2]int{x[0] + k, x[1] + k})
	}
	return append(e, [2]int{k - 1, k})
}

func newTestRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0)) }
