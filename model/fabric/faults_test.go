package fabric

import (
	"errors"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

func TestNodeFaultsAndRecovery(t *testing.T) {
	f := fromEdges(t, 4, pathGraph(4))
	for _, step := range []struct {
		name    string
		do      func() error
		node    int
		state   NodeState
		healthy int
		changed bool
	}{
		{"crash", func() error { return f.CrashNode(1) }, 1, Offline, 3, true},
		{"crash again", func() error { return f.CrashNode(1) }, 1, Offline, 3, false},
		{"recover", func() error { return f.RecoverNode(1) }, 1, Active, 4, true},
		{"recover healthy", func() error { return f.RecoverNode(1) }, 1, Active, 4, false},
		{"degrade", func() error { return f.DegradeNode(2) }, 2, Degraded, 3, true},
		{"crash degraded", func() error { return f.CrashNode(2) }, 2, Offline, 3, true},
		{"degrade offline", func() error { return f.DegradeNode(2) }, 2, Degraded, 3, true},
		{"recover degraded", func() error { return f.RecoverNode(2) }, 2, Active, 4, true},
	} {
		v := f.Version()
		if err := step.do(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if f.State(step.node) != step.state || f.HealthyCount() != step.healthy || (f.Version() != v) != step.changed {
			t.Errorf("%s: node %d %v, healthy %d, version %d → %d; want %v, %d, changed %v",
				step.name, step.node, f.State(step.node), f.HealthyCount(), v, f.Version(), step.state, step.healthy, step.changed)
		}
	}
}

func TestFaultErrors(t *testing.T) {
	f := fromEdges(t, 4, pathGraph(4))
	for _, tc := range []struct {
		name string
		err  error
		want error
	}{
		{"crash negative", f.CrashNode(-1), ErrNoNode},
		{"recover out of range", f.RecoverNode(4), ErrNoNode},
		{"degrade out of range", f.DegradeNode(99), ErrNoNode},
		{"degrade missing link", f.DegradeLink(0, 2, 2, 0), ErrNoLink},
		{"heal bad node", f.HealLink(0, 7), ErrNoNode},
		{"cut self", f.CutLink(1, 1), ErrNoLink},
	} {
		if !errors.Is(tc.err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, tc.err, tc.want)
		}
	}
	for _, tc := range []struct {
		factor, loss float64
	}{{0.5, 0}, {MaxLatencyFactor + 1, 0}, {2, -0.1}, {2, 1.5}} {
		if err := f.DegradeLink(0, 1, tc.factor, tc.loss); err == nil {
			t.Errorf("DegradeLink(factor %v, loss %v) accepted", tc.factor, tc.loss)
		}
	}
}

func TestLinkFaultsAndHealing(t *testing.T) {
	f := fromEdges(t, 3, [][2]int{{0, 1}, {1, 2}})
	f.links[0].Latency, f.baseLatency[0] = 1000, 1000
	f.links[1].Latency, f.baseLatency[1] = 2000, 2000
	if got := f.MeanLinkLatency(); got != 1500 {
		t.Errorf("mean latency %v, want 1.5µs", got)
	}

	v := f.Version()
	if err := f.DegradeLink(1, 0, 2.5, 0.2); err != nil {
		t.Fatal(err)
	}
	if l := f.Link(0); l.Latency != 2500 || l.PacketLoss != 0.2 || !l.Active || f.Version() == v {
		t.Errorf("degraded link %+v", l)
	}
	if err := f.DegradeLink(0, 1, 3, 0.2); err != nil || f.Link(0).Latency != 3000 {
		t.Errorf("factors compound: latency %v, want 3µs (%v)", f.Link(0).Latency, err)
	}
	if got := f.MeanLinkLatency(); got != 2500 {
		t.Errorf("mean latency %v, want 2.5µs", got)
	}
	if got := f.LossFraction(); got != 0.1 {
		t.Errorf("loss fraction %v, want (0.2 + 0)/2", got)
	}

	if err := f.CutLink(1, 2); err != nil {
		t.Fatal(err)
	}
	if got := f.LossFraction(); got != 0.6 {
		t.Errorf("loss fraction %v, want (0.2 + 1)/2", got)
	}
	if got := f.MeanLinkLatency(); got != 3000 {
		t.Errorf("mean latency %v, want 3µs: the cut link no longer counts", got)
	}
	if err := f.CrashNode(0); err != nil {
		t.Fatal(err)
	}
	if f.LossFraction() != 1 || f.MeanLinkLatency() != 0 {
		t.Errorf("no usable link: loss %v latency %v, want 1 and 0", f.LossFraction(), f.MeanLinkLatency())
	}

	for _, e := range [][2]int{{0, 1}, {2, 1}} {
		if err := f.HealLink(e[0], e[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.RecoverNode(0); err != nil {
		t.Fatal(err)
	}
	if l := f.Link(0); l.Latency != 1000 || l.PacketLoss != 0 || !l.Active {
		t.Errorf("healed link %+v", l)
	}
	if f.LossFraction() != 0 || f.MeanLinkLatency() != 1500*clock.Nanosecond {
		t.Errorf("healed: loss %v latency %v", f.LossFraction(), f.MeanLinkLatency())
	}
}

func TestLinkCapacity(t *testing.T) {
	l := Link{Latency: clock.Millisecond, BandwidthGbps: 100, PacketLoss: 0.5, Weight: 2, Active: true}
	if got := l.CapacityGbps(); got != 100*0.5*0.5*2 {
		t.Errorf("capacity %v, want 50", got)
	}
	l.Active = false
	if l.CapacityGbps() != 0 {
		t.Error("an inactive link has capacity")
	}
}
