package fabric

import (
	"errors"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/sim"
)

// TestReadEdgeListErrors: every mistake names the file and line, or the
// file for what concerns the whole graph.
func TestReadEdgeListErrors(t *testing.T) {
	for _, tc := range []struct {
		doc   string
		nodes int
		want  string
	}{
		{"0,1\n1,2\n2,2\n", 0, "e.csv:3: node 2 is linked to itself"},
		{"0,1\n1,2\n2,1\n", 0, "e.csv:3: link 1,2 is listed twice (first on line 2)"},
		{"0,1\n1,5\n", 4, "e.csv:2: second node: node id 5 is out of range: the fabric has nodes 0 to 3"},
		{"0,1\n-1,2\n", 0, "e.csv:2: first node: node id -1 is negative"},
		{"0,1\n1,x\n", 0, `e.csv:2: second node: want a 0-based node id, got "x"`},
		{"0,1\n1,2,3\n", 0, "e.csv:2: want 2 comma-separated columns, got 3"},
		{"a,b,speed\n0,1,3\n", 0, `e.csv:1: unknown column "speed"`},
		{"a,b,weight\n0,1,-1\n", 0, "e.csv:2: weight must be positive, got -1"},
		{"a,b,latency_us\n0,1,NaN\n", 0, `e.csv:2: latency_us: want a finite number, got "NaN"`},
		{"0,1\n2,3\n", 0, "e.csv: the graph is disconnected: 2 components; node 2 cannot be reached from node 0"},
		{"0,1\n1,2\n", 5, "e.csv: the graph is disconnected: 3 components; node 3 cannot be reached from node 0"},
		{"# only a comment\n", 0, "e.csv: no links"},
		{"0,1\na,b\n", 0, `e.csv:2: first node: want a 0-based node id, got "a"`},
	} {
		_, err := ReadEdgeList("e.csv", strings.NewReader(tc.doc), tc.nodes)
		var ee *EdgeListError
		if err == nil || !errors.As(err, &ee) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.doc, err, tc.want)
		}
	}
}

// TestFabricFromEdges: the listed topology and attributes, drawn ones
// where a column is missing, and the metrics of the listed graph.
func TestFabricFromEdges(t *testing.T) {
	doc := "# a square with one diagonal\nfrom,to,latency_us,weight\n0,1,1.5,1\n1,2,0.5,2\n2,3,1,1\n3,0,2,1\n0,2,1,1\n"
	list, err := ReadEdgeList("sq.csv", strings.NewReader(doc), 0)
	if err != nil {
		t.Fatal(err)
	}
	if list.Nodes != 4 || len(list.Links) != 5 || !list.HasLatency || list.HasBandwidth || !list.HasWeight {
		t.Fatalf("list %+v", list)
	}
	cfg := DefaultConfig()
	cfg.Nodes = 4
	cfg.MinDegree = 1
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.InitializeFromEdges(list, sim.NewStream(1, "fabric")); err != nil {
		t.Fatal(err)
	}
	if got := f.Edges(); len(got) != 5 || got[0] != [2]int{0, 1} || got[1] != [2]int{0, 2} || got[4] != [2]int{2, 3} {
		t.Fatalf("edges %v", got)
	}
	id, _ := f.LinkBetween(2, 1)
	if l := f.Link(id); l.Latency != 500*clock.Nanosecond || l.Weight != 2 || (l.BandwidthGbps != 10 && l.BandwidthGbps != 40 && l.BandwidthGbps != 100) {
		t.Errorf("link 1-2: %+v, want 0.5 µs, weight 2 and a drawn bandwidth", l)
	}
	m := f.Metrics(sim.NewStream(1, "fabric/metrics"))
	if m.Edges != 5 || m.Density != 5.0/6 || m.PathRedundancy != 2 || len(m.ArticulationPoints) != 0 {
		t.Errorf("metrics: %d edges, density %v, redundancy %d, articulation %v", m.Edges, m.Density, m.PathRedundancy, m.ArticulationPoints)
	}
	if err := f.InitializeFromEdges(list, sim.NewStream(1, "fabric")); !errors.Is(err, ErrAlreadyInitialized) {
		t.Errorf("second call: %v", err)
	}
	other, _ := New(DefaultConfig())
	if err := other.InitializeFromEdges(list, sim.NewStream(1, "fabric")); err == nil {
		t.Error("16-node fabric from a 4-node list: no error")
	}
}
