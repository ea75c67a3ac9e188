package fabric

import (
	"errors"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/sim"
)

// TestScheduleFaults applies a cascade at virtual times and checks the
// fabric between them.
func TestScheduleFaults(t *testing.T) {
	f := fromEdges(t, 5, ring(5))
	s := sim.New(testSeed)
	ms := func(n int) clock.Time { return clock.Time(n) * clock.Time(clock.Millisecond) }
	faults := []Fault{
		{At: ms(30), Kind: NodeRecover, Node: 2},
		{At: ms(10), Kind: NodeCrash, Node: 2},
		{At: ms(10), Kind: LinkDegrade, Node: 3, Peer: 4, LatencyFactor: 4, Loss: 0.5},
		{At: ms(20), Kind: NodeDegrade, Node: 0},
		{At: ms(20), Kind: LinkCut, Node: 0, Peer: 4},
		{At: ms(40), Kind: LinkHeal, Node: 4, Peer: 3},
		{At: ms(40), Kind: LinkHeal, Node: 4, Peer: 0},
		{At: ms(40), Kind: NodeRecover, Node: 0},
	}
	if err := f.ScheduleFaults(s, faults); err != nil {
		t.Fatal(err)
	}
	if s.Pending() != len(faults) {
		t.Fatalf("%d events pending, want %d", s.Pending(), len(faults))
	}
	link34, _ := f.LinkBetween(3, 4)
	link04, _ := f.LinkBetween(0, 4)
	base := f.Link(link34).Latency
	for _, check := range []struct {
		at      clock.Time
		healthy int
		states  [5]NodeState
		loss    float64
		latency clock.Duration
		cut     bool
	}{
		{ms(10) - 1, 5, [5]NodeState{Active, Active, Active, Active, Active}, 0, base, false},
		{ms(10), 4, [5]NodeState{Active, Active, Offline, Active, Active}, 0.5, 4 * base, false},
		{ms(20), 3, [5]NodeState{Degraded, Active, Offline, Active, Active}, 0.5, 4 * base, true},
		{ms(30), 4, [5]NodeState{Degraded, Active, Active, Active, Active}, 0.5, 4 * base, true},
		{ms(40), 5, [5]NodeState{Active, Active, Active, Active, Active}, 0, base, false},
	} {
		s.RunUntil(check.at)
		var states [5]NodeState
		for i := range states {
			states[i] = f.State(i)
		}
		l := f.Link(link34)
		if states != check.states || f.HealthyCount() != check.healthy || l.PacketLoss != check.loss ||
			l.Latency != check.latency || f.Link(link04).Active == check.cut {
			t.Errorf("at %v: states %v healthy %d link 3–4 %+v link 0–4 active %v; want %v %d loss %v latency %v cut %v",
				check.at, states, f.HealthyCount(), l, f.Link(link04).Active, check.states, check.healthy, check.loss, check.latency, check.cut)
		}
	}
}

// TestScheduleFaultsValidatesFirst checks that one bad fault schedules
// nothing, with an error that says which.
func TestScheduleFaultsValidatesFirst(t *testing.T) {
	f := fromEdges(t, 4, pathGraph(4))
	good := Fault{At: 5, Kind: NodeCrash, Node: 1}
	for _, tc := range []struct {
		name string
		bad  Fault
		want error
	}{
		{"node out of range", Fault{At: 5, Kind: NodeCrash, Node: 4}, ErrNoNode},
		{"no such link", Fault{At: 5, Kind: LinkHeal, Node: 0, Peer: 3}, ErrNoLink},
		{"peer out of range", Fault{At: 5, Kind: LinkCut, Node: 0, Peer: -1}, ErrNoNode},
		{"in the past", Fault{At: -1, Kind: NodeCrash, Node: 0}, sim.ErrPast},
		{"bad factor", Fault{At: 5, Kind: LinkDegrade, Node: 0, Peer: 1, LatencyFactor: 0.5}, nil},
		{"bad loss", Fault{At: 5, Kind: LinkDegrade, Node: 0, Peer: 1, LatencyFactor: 1, Loss: 2}, nil},
		{"unknown kind", Fault{At: 5, Kind: 0, Node: 0}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := sim.New(testSeed)
			err := f.ScheduleFaults(s, []Fault{good, tc.bad})
			if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) {
				t.Fatalf("ScheduleFaults = %v, want %v", err, tc.want)
			}
			if s.Pending() != 0 {
				t.Errorf("%d faults scheduled despite the error %v", s.Pending(), err)
			}
		})
	}
	unready, _ := New(DefaultConfig())
	if err := unready.ScheduleFaults(sim.New(1), []Fault{good}); !errors.Is(err, ErrNotInitialized) {
		t.Errorf("before Initialize: %v", err)
	}
}

func TestFaultKindString(t *testing.T) {
	for k, want := range map[FaultKind]string{NodeCrash: "node_crash", LinkCut: "link_cut", 0: "FaultKind(0)", 42: "FaultKind(42)"} {
		if k.String() != want {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), want)
		}
	}
}
