package esgt

import (
	"errors"
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
)

type fixedArousal float64

func (a fixedArousal) Arousal() float64 { return float64(a) }

type fixedCPU float64

func (c fixedCPU) CPUCapacity() float64 { return float64(c) }

// TestEveryReason provokes each outcome reason through the public API and
// checks the request it was aimed at got exactly that reason.
func TestEveryReason(t *testing.T) {
	noLimits := func(c *Config) { c.RefractoryPeriod, c.MaxFrequencyHz, c.RateLimitHz = 0, 0, 0 }
	for _, tc := range []struct {
		name  string
		want  Reason
		edit  func(*Config)
		setup func(f *fixture) // schedule requests; the last one submitted is checked
	}{
		{"success", Success, nil, func(f *fixture) { f.submitAt(0, 0.9) }},
		{"stopped", Stopped, nil, func(f *fixture) { f.c.Stop(); f.submitAt(0, 0.9) }},
		{"circuit open after five timeouts", CircuitOpen, func(c *Config) { c.Oscillator.Coupling = 0 }, func(f *fixture) {
			f.submitEvery(0, clock.Time(6*clock.Second), clock.Second, 0.9)
		}},
		{"rate limited", RateLimited, func(c *Config) { noLimits(c); c.RateLimitHz = 1; c.RecruitNodes = 8 }, func(f *fixture) {
			f.submitAt(0, 0.9)
			f.submitAt(0, 0.9)
		}},
		{"max concurrent", MaxConcurrent, func(c *Config) { noLimits(c); c.MaxConcurrent = 1; c.RecruitNodes = 8 }, func(f *fixture) {
			f.submitAt(0, 0.9)
			f.submitAt(clock.Time(ms), 0.9)
		}},
		{"degraded salience", DegradedSalience, func(c *Config) { c.Oscillator.Coupling = 0; c.BreakerThreshold = 0 }, func(f *fixture) {
			f.submitEvery(0, clock.Time(5*clock.Second), clock.Second, 0.9)
			f.submitAt(clock.Time(6*clock.Second), 0.8)
		}},
		{"low salience", LowSalience, nil, func(f *fixture) { f.submitAt(0, 0.5) }},
		{"resources: too few healthy nodes", Resources, nil, func(f *fixture) {
			for i := range 25 {
				f.fab.CrashNode(i)
			}
			f.submitAt(0, 0.9)
		}},
		{"resources: CPU", Resources, nil, func(f *fixture) { f.c.SetCPUSource(fixedCPU(0.3)); f.submitAt(0, 0.9) }},
		{"refractory", Refractory, nil, func(f *fixture) {
			f.submitAt(0, 0.9)
			f.sim.RunWhile(func() bool { return len(f.rec.outcomes) == 0 })
			f.submitAt(f.sim.Now().Add(100*ms), 0.9)
		}},
		{"frequency", Frequency, func(c *Config) { noLimits(c); c.MaxFrequencyHz = 1 }, func(f *fixture) {
			f.submitAt(0, 0.9)
			f.submitAt(clock.Time(800*ms), 0.9)
		}},
		{"arousal", LowArousal, nil, func(f *fixture) { f.c.SetArousalSource(fixedArousal(0.3)); f.submitAt(0, 0.9) }},
		{"insufficient nodes: all busy", InsufficientNodes, noLimits, func(f *fixture) {
			f.submitAt(0, 0.9)
			f.submitAt(clock.Time(10*ms), 0.9)
		}},
		{"sync timeout", SyncTimeout, func(c *Config) { c.Oscillator.Coupling = 0 }, func(f *fixture) { f.submitAt(0, 0.9) }},
		{"nodes lost", NodesLost, nil, func(f *fixture) {
			f.submitAt(0, 0.9)
			f.sim.Schedule(clock.Time(20*ms), func() {
				for i := range 25 {
					f.fab.CrashNode(i)
				}
			})
		}},
		{"interrupted", Interrupted, nil, func(f *fixture) {
			f.submitAt(0, 0.9)
			f.sim.Schedule(clock.Time(20*ms), f.c.Stop)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 32, tc.edit)
			tc.setup(f)
			f.sim.Run()
			last := f.rec.outcomes[f.c.Requests()]
			if last.Reason != tc.want {
				t.Fatalf("last request ended %v, want %v (counts %v)", last.Reason, tc.want, f.c.Counts())
			}
			if f.c.InFlight() != 0 || f.fab.InESGTMode() {
				t.Fatalf("after the run: %d in flight, ESGT mode %v", f.c.InFlight(), f.fab.InESGTMode())
			}
		})
	}
}

// TestBreakerCycle: five timeouts open the breaker; it refuses everything
// for 10 s, then one trial goes through; a failed trial opens it again.
func TestBreakerCycle(t *testing.T) {
	f := newFixture(t, 32, func(c *Config) { c.Oscillator.Coupling = 0; c.DegradedWindow, c.DegradedMinSamples = 0, 0 })
	f.submitEvery(0, clock.Time(40*clock.Second), 500*ms, 0.9)
	f.sim.Run()
	var reasons []Reason
	for id := uint64(1); id <= f.c.Requests(); id++ {
		reasons = append(reasons, f.rec.outcomes[id].Reason)
	}
	// Requests every 0.5 s; each timeout takes 0.301 s of a 0.5 s slot.
	// 1-5: timeouts, opening the breaker at 2.301 s; 6-25 (2.5 s to 12 s):
	// open; 26 at 12.5 s: the half-open trial, which times out and reopens.
	for i, r := range reasons[:5] {
		if r != SyncTimeout {
			t.Fatalf("request %d: %v, want sync_timeout", i+1, r)
		}
	}
	for i := 5; i < 25; i++ {
		if reasons[i] != CircuitOpen {
			t.Fatalf("request %d at %v: %v, want circuit_open", i+1, f.rec.requested[uint64(i+1)], reasons[i])
		}
	}
	if reasons[25] != SyncTimeout || reasons[26] != CircuitOpen {
		t.Fatalf("requests 26-27: %v %v, want the trial to time out and reopen", reasons[25], reasons[26])
	}
}

// TestDegradedModeHysteresis: poor peaks enter degraded mode; good peaks
// leave it only at the exit threshold; with the horizon, old attempts
// expire and degraded mode ends when too few recent ones remain.
func TestDegradedModeHysteresis(t *testing.T) {
	cfg := DefaultConfig()
	d := newDegradedMode(cfg)
	at := func(s int) clock.Time { return clock.Time(clock.Duration(s) * clock.Second) }
	for i := range 4 {
		d.observe(at(i), 0.2)
	}
	if d.active(at(4)) {
		t.Fatal("degraded before min samples")
	}
	d.observe(at(4), 0.2)
	if !d.active(at(4)) {
		t.Fatal("not degraded with mean peak 0.2")
	}
	for i := range 5 { // mean of 0.2×5 + 0.99×5 = 0.595: still below exit
		d.observe(at(5+i), 0.99)
	}
	if !d.active(at(9)) {
		t.Fatal("left degraded mode below the exit threshold")
	}
	for i := range 5 { // the 0.2s roll out of the window: mean 0.99
		d.observe(at(10+i), 0.99)
	}
	if d.active(at(14)) {
		t.Fatal("still degraded with mean peak 0.99")
	}

	d = newDegradedMode(cfg)
	for i := range 6 {
		d.observe(at(i), 0.3)
	}
	if !d.active(at(6)) {
		t.Fatal("not degraded")
	}
	// At 31 s the attempt of 0 s and 1 s have aged out: 4 recent remain,
	// fewer than the 5 needed, so degraded mode ends without a new attempt.
	if !d.active(at(30)) || d.active(at(31)) {
		t.Fatalf("degraded at 30 s %v, at 31 s %v; want true then false", d.active(at(30)), d.active(at(31)))
	}
}

// TestStopStartKeepsHistory: the seed's recovery test.
func TestStopStartKeepsHistory(t *testing.T) {
	f := newFixture(t, 16, nil)
	f.submitAt(0, 0.9)
	f.sim.Schedule(clock.Time(clock.Second), f.c.Stop)
	f.submitAt(clock.Time(1500*ms), 0.9)
	f.sim.Schedule(clock.Time(2*clock.Second), f.c.Start)
	f.submitAt(clock.Time(3*clock.Second), 0.9)
	f.sim.Run()
	c := f.c.Counts()
	if c[Stopped] != 1 || c[Success]+c[SyncTimeout] != 2 || f.c.Requests() != 3 {
		t.Fatalf("counts %v after stop/start", c)
	}
}

// TestESGTModeReleased: the fabric is in ESGT mode exactly while an ignition
// is between BROADCAST and the end of DISSOLVE, and weights return to 1.
func TestESGTModeReleased(t *testing.T) {
	f := newFixture(t, 32, nil)
	var inModeDuringSustain, inModeAfter bool
	f.c.OnPhase(func(_ uint64, _ clock.Time, p Phase) {
		if p == Sustain {
			inModeDuringSustain = f.fab.InESGTMode()
		}
	})
	f.submitAt(0, 0.9)
	f.sim.Run()
	inModeAfter = f.fab.InESGTMode()
	if f.rec.count(Success) != 1 || !inModeDuringSustain || inModeAfter {
		t.Fatalf("success %d, ESGT mode during sustain %v, after %v", f.rec.count(Success), inModeDuringSustain, inModeAfter)
	}
	for id := range f.fab.NumLinks() {
		if w := f.fab.Link(id).Weight; w != 1 {
			t.Fatalf("link %d weight %v after the ignition", id, w)
		}
	}
}

func TestSalienceAndConfig(t *testing.T) {
	s := Salience{Novelty: 1, Relevance: 0.5, Urgency: 0.2, Confidence: 1}
	if got, want := s.Total(), 0.25+0.15+0.06+0.15; math.Abs(got-want) > 1e-15 {
		t.Errorf("Total = %v, want %v", got, want)
	}
	for i := 0; i <= 1000; i++ {
		v := float64(i) / 1000
		if got := Uniform(v).Total(); got != v {
			t.Fatalf("Uniform(%v).Total() = %.17g, want exactly %v", v, got, v)
		}
	}
	for _, tc := range []struct {
		edit func(*Config)
		key  string // the key the error names
	}{
		{func(c *Config) { c.MinSalience = 1.5 }, "triggers.min_salience"},
		{func(c *Config) { c.RefractoryPeriod = -1 }, "triggers.refractory_period"},
		{func(c *Config) { c.SyncTimeout = 0 }, "ignition.sync_timeout"},
		{func(c *Config) { c.SustainDuration = 0 }, "ignition.sustain"},
		{func(c *Config) { c.MinAvailableNodes = 0 }, "triggers.min_available_nodes"},
		{func(c *Config) { c.RecruitNodes = 4 }, "ignition.recruit_nodes"},
		{func(c *Config) { c.DegradedExit = 0.5 }, "hardening.degraded_exit"},
		{func(c *Config) { c.Oscillator.Step = 0 }, "oscillator.step"},
		{func(c *Config) { c.Oscillator.Step = c.SyncTimeout + 1 }, "oscillator.step"},
	} {
		cfg := DefaultConfig()
		tc.edit(&cfg)
		var fe *param.FieldError
		if err := cfg.Validate(); !errors.As(err, &fe) || fe.Key != tc.key {
			t.Errorf("Validate() = %v, want an error about %s", err, tc.key)
		}
	}
	seen := map[string]bool{}
	for _, r := range Reasons() {
		if seen[r.String()] {
			t.Errorf("reason name %q used twice", r)
		}
		seen[r.String()] = true
	}
}

// TestRefreshFollowsLinkChanges: cutting a link between participants
// mid-ignition removes it from the oscillator graph, healing it puts it
// back, and ESGT mode changes only the weights.
func TestRefreshFollowsLinkChanges(t *testing.T) {
	f := newFixture(t, 32, nil)
	f.submitAt(0, 0.9)
	f.sim.RunUntil(clock.Time(10 * ms)) // in SYNCHRONIZE
	if f.c.InFlight() != 1 {
		t.Fatal("no ignition in flight")
	}
	ig := f.c.inFlight[0]
	full := len(ig.links)
	a, b := int(ig.nodes[0]), int(f.fab.Neighbors(int(ig.nodes[0]))[0])
	if err := f.fab.CutLink(a, b); err != nil {
		t.Fatal(err)
	}
	f.sim.RunUntil(clock.Time(20 * ms))
	if len(ig.links) != full-2 {
		t.Fatalf("after the cut: %d directed edges, want %d", len(ig.links), full-2)
	}
	if err := f.fab.HealLink(a, b); err != nil {
		t.Fatal(err)
	}
	f.sim.RunUntil(clock.Time(30 * ms))
	if len(ig.links) != full || len(ig.graph.Targets) != full {
		t.Fatalf("after healing: %d edges, want %d", len(ig.links), full)
	}
	f.fab.EnterESGTMode()
	f.sim.RunUntil(clock.Time(40 * ms))
	for e, w := range ig.graph.Weights {
		if w != f.fab.Link(int(ig.links[e])).Weight || w != 1.5 {
			t.Fatalf("edge %d weight %v after ESGT mode", e, w)
		}
	}
	f.fab.ExitESGTMode()
}
