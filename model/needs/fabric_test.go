package needs

import (
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/sim"
)

// fakeFabric is a FabricView over links links, down of which cannot carry
// traffic (a crashed node takes all of its links down).
type fakeFabric struct {
	latency     clock.Duration
	links, down int
}

func (f *fakeFabric) MeanLinkLatency() clock.Duration { return f.latency }
func (f *fakeFabric) LossFraction() float64           { return float64(f.down) / float64(f.links) }

func TestFabricSourceCombines(t *testing.T) {
	base := busy()
	base.NetworkLatencyMS, base.PacketLossPercent, base.CPUPercent = 120, 50, 33
	tests := []struct {
		name              string
		base              Source
		view              FabricView
		latency, lossPerc float64
		cpu               float64 // the base's, passed through
		reason            string
	}{
		{"healthy fabric", &Profile{Base: base}, &fakeFabric{latency: 1500, links: 40}, 120.0015, 50, 33, "latencies add; no fabric loss keeps the base loss"},
		{"half the fabric down", &Profile{Base: base}, &fakeFabric{links: 40, down: 20}, 120, 75, 33, "independent losses: 0.5 + 0.5 − 0.25"},
		{"no base loss", &Profile{Base: busy()}, &fakeFabric{links: 40, down: 5}, 0, 12.5, 0, "the fabric's loss, exactly"},
		{"nil view", &Profile{Base: base}, nil, 120, 50, 33, "the base unchanged"},
		{"nil base", nil, &fakeFabric{latency: 2 * clock.Millisecond, links: 8, down: 2}, 2, 25, 0, "an unmeasured base"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Log(tc.reason)
			m := FabricSource(tc.base, tc.view).Sample(0)
			if !near(m.NetworkLatencyMS, tc.latency) || !near(m.PacketLossPercent, tc.lossPerc) {
				t.Errorf("latency, loss = %v ms, %v %%; want %v ms, %v %%", m.NetworkLatencyMS, m.PacketLossPercent, tc.latency, tc.lossPerc)
			}
			if m.CPUPercent != tc.cpu {
				t.Errorf("CPUPercent = %v, want the base's %v", m.CPUPercent, tc.cpu)
			}
		})
	}
}

// A node crash takes its links down, the fabric's loss rises and, through
// the monitor, so does the connectivity need; recovery brings it back.
func TestCrashedNodeRaisesConnectivity(t *testing.T) {
	s := sim.New(1)
	fab := &fakeFabric{latency: clock.Microsecond, links: 40}
	mon, err := NewMonitor(DefaultMonitorConfig(), FabricSource(&Profile{Base: busy()}, fab))
	if err != nil {
		t.Fatal(err)
	}
	got := map[clock.Time]float64{}
	mon.OnSample(func(now clock.Time, _ Metrics, n Needs) { got[now] = n.Connectivity })
	if err := mon.Start(s); err != nil {
		t.Fatal(err)
	}
	s.Schedule(ms(1050), func() { fab.down = 5 }) // a node with 5 links crashes
	s.Schedule(ms(3050), func() { fab.down = 0 }) // and recovers
	s.RunUntil(ms(4000))

	for _, c := range []struct {
		at   clock.Time
		want float64
	}{{ms(0), 0}, {ms(1000), 0}, {ms(1100), 0.125}, {ms(3000), 0.125}, {ms(3100), 0}, {ms(4000), 0}} {
		if g, ok := got[c.at]; !ok || !near(g, c.want) {
			t.Errorf("connectivity at %v = %v (sampled %v), want %v", c.at, g, ok, c.want)
		}
	}
	if mon.Warnings() != 0 {
		t.Errorf("Warnings = %d, want 0", mon.Warnings())
	}
}

// A broken fabric view (NaN loss) never reaches the needs.
func TestFabricNaNIsHeld(t *testing.T) {
	s := sim.New(1)
	fab := &fakeFabric{links: 8, down: 2}
	mon, err := NewMonitor(DefaultMonitorConfig(), FabricSource(nil, fab))
	if err != nil {
		t.Fatal(err)
	}
	if err := mon.Start(s); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(ms(100))
	fab.links = 0 // 2/0 and then 0/0: the loss is not a number
	s.RunUntil(ms(200))
	fab.down = 0
	s.RunUntil(ms(300))
	if c := mon.Needs().Connectivity; c != 0.25 {
		t.Errorf("connectivity = %v, want the last good 0.25", c)
	}
	if l := mon.Metrics().PacketLossPercent; math.IsNaN(l) || l != 25 {
		t.Errorf("packet loss = %v, want the last good 25", l)
	}
	if mon.Warnings() != 2 {
		t.Errorf("Warnings = %d, want 2 (one per broken sample)", mon.Warnings())
	}
}
