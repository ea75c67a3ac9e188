package scenarios

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/model/kuramoto"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/sim"
)

// syncReference is one file's entry of testdata/sync_summary.json: the
// original's synchronisation from random phases on a fabric, 2,000
// attempts of at most 60 steps of 5 ms.
type syncReference struct {
	Revision   string  `json:"revision"`
	Fabric     string  `json:"fabric"`
	N          int     `json:"n"`
	Fraction   float64 `json:"fraction_reached"`
	TimeToSync struct {
		Median *float64 `json:"median"`
		P90    *float64 `json:"p90"`
	} `json:"time_to_sync_ms"`
}

// syncAttempts runs n synchronisation attempts with oscillator config cfg
// on graph g, each from fresh uniform phases for at most 60 steps, and
// returns the fraction that reached the target and the times, in ms, at
// which those did (5·(first step reaching it)), sorted.
func syncAttempts(t *testing.T, g *kuramoto.Graph, cfg kuramoto.Config, n int) (float64, []float64) {
	t.Helper()
	const steps = 60
	net, err := kuramoto.NewNetwork(g, cfg, sim.StreamSource(42, "conformance/noise"))
	if err != nil {
		t.Fatal(err)
	}
	phases := sim.NewStream(42, "conformance/phases")
	stepMs := float64(cfg.Step) / 1e6
	var times []float64
	for range n {
		net.Reset(g)
		net.RandomizePhases(phases)
		for k := range steps {
			net.Step()
			if r, _ := net.Order(); r >= cfg.Target {
				times = append(times, stepMs*float64(k+1))
				break
			}
		}
	}
	slices.Sort(times)
	return float64(len(times)) / float64(n), times
}

// nearestRank returns the p-quantile of sorted xs as the reference
// computes it: xs[ceil(p·k) − 1].
func nearestRank(xs []float64, p float64) float64 {
	return xs[int(math.Ceil(p*float64(len(xs))))-1]
}

// TestSyncMatchesTheOriginal: for each revision, time-to-sync over 2,000
// attempts on the fabrics of seed 42 (32 and 128 nodes) with that
// revision's oscillator defaults agrees with the original's own dynamics
// at that revision (testdata/sync_summary.json): the fraction that
// synchronised within 3 points, the median and p90 of the time to sync
// within 10 ms. Draws differ (esgtsim has its own streams); the
// distributions must not. With -short only the 32-node fabric is checked.
func TestSyncMatchesTheOriginal(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "sync_summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var summary struct {
		Files map[string]syncReference `json:"files"`
	}
	if err := json.Unmarshal(raw, &summary); err != nil {
		t.Fatal(err)
	}
	revisions := map[string]string{"2025-10-07": spec.Revision20251007, "head": spec.Revision20251115}
	for _, name := range []string{"sync_2025-10-07_n32.csv", "sync_head_n32.csv", "sync_2025-10-07_n128.csv", "sync_head_n128.csv"} {
		ref, ok := summary.Files[name]
		if !ok || ref.N != 2000 {
			t.Fatalf("%s: missing from sync_summary.json or not 2,000 attempts", name)
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if testing.Short() && ref.Fabric != "fabric32_seed42.csv" {
				t.Skip("-short: the 128-node fabric takes seconds")
			}
			sc, err := Parse("conformance", []byte("revision = \""+revisions[ref.Revision]+"\"\n"), nil)
			if err != nil {
				t.Fatal(err)
			}
			g := conformanceGraph(t, ref.Fabric)
			fraction, times := syncAttempts(t, g, sc.OscillatorConfig(), ref.N)
			t.Logf("reached %.4f (original %.4f)", fraction, ref.Fraction)
			if math.Abs(fraction-ref.Fraction) > 0.03 {
				t.Errorf("reached 0.70 in %.2f%% of attempts, the original in %.2f%%", 100*fraction, 100*ref.Fraction)
			}
			if ref.TimeToSync.Median == nil {
				return // the original never synchronised: nothing to compare times with
			}
			if len(times) == 0 {
				t.Fatal("no attempt synchronised")
			}
			for _, q := range []struct {
				name string
				p    float64
				want float64
			}{{"median", 0.5, *ref.TimeToSync.Median}, {"p90", 0.9, *ref.TimeToSync.P90}} {
				got := nearestRank(times, q.p)
				t.Logf("%s %v ms (original %v)", q.name, got, q.want)
				if math.Abs(got-q.want) > 10 {
					t.Errorf("%s time to sync %v ms, the original %v ms", q.name, got, q.want)
				}
			}
		})
	}
}

// conformanceGraph returns the oscillator graph of an edge list of the
// conformance data (kept with the fabric package's test data).
func conformanceGraph(t *testing.T, name string) *kuramoto.Graph {
	t.Helper()
	path := filepath.Join("..", "model", "fabric", "testdata", "conformance", name)
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	list, err := fabric.ReadEdgeList(path, file, 0)
	if err != nil {
		t.Fatal(err)
	}
	edges := make([][2]int, len(list.Links))
	for i, l := range list.Links {
		edges[i] = [2]int{l.A, l.B}
	}
	g, err := kuramoto.FromEdges(list.Nodes, edges)
	if err != nil {
		t.Fatal(err)
	}
	return g
}
