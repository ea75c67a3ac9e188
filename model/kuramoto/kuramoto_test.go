package kuramoto

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

func mustNetwork(t *testing.T, g *Graph, cfg Config, noise *rand.PCG) *Network {
	t.Helper()
	n, err := NewNetwork(g, cfg, noise)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func quietConfig() Config {
	cfg := DefaultConfig()
	cfg.NoiseSigma = 0
	return cfg
}

func TestGraphConstructors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		g       *Graph
		nodes   int
		edges   int // directed
		degrees []int
	}{
		{"complete 4", Complete(4), 4, 12, []int{3, 3, 3, 3}},
		{"ring 5 k=1", Ring(5, 1), 5, 10, []int{2, 2, 2, 2, 2}},
		{"ring 4 k=2 has no duplicate opposite edges", Ring(4, 2), 4, 12, []int{3, 3, 3, 3}},
		{"ring 6 k=9 clamps to complete", Ring(6, 9), 6, 30, []int{5, 5, 5, 5, 5, 5}},
		{"isolated", Complete(1), 1, 0, []int{0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.g.Nodes() != tc.nodes || tc.g.Edges() != tc.edges {
				t.Fatalf("nodes %d edges %d, want %d and %d", tc.g.Nodes(), tc.g.Edges(), tc.nodes, tc.edges)
			}
			for i, d := range tc.degrees {
				if tc.g.Degree(i) != d {
					t.Errorf("degree(%d) = %d, want %d", i, tc.g.Degree(i), d)
				}
				nb := tc.g.Targets[tc.g.Offsets[i]:tc.g.Offsets[i+1]]
				if !slices.IsSorted(nb) {
					t.Errorf("neighbours of %d not sorted: %v", i, nb)
				}
			}
		})
	}
	a := ErdosRenyi(50, 0.2, rand.New(rand.NewPCG(1, 1)))
	b := ErdosRenyi(50, 0.2, rand.New(rand.NewPCG(1, 1)))
	if !slices.Equal(a.Targets, b.Targets) {
		t.Error("ErdosRenyi is not deterministic for a fixed stream")
	}
	if e := a.Edges() / 2; e < 180 || e > 310 { // mean 245, sd ≈ 14
		t.Errorf("G(50, 0.2) has %d edges, want about 245", e)
	}
	if _, err := FromEdges(3, [][2]int{{0, 3}}); err == nil {
		t.Error("FromEdges accepted a node outside the graph")
	}
}

func TestConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Config)
	}{
		{"negative coupling", func(c *Config) { c.Coupling = -1 }},
		{"NaN coupling", func(c *Config) { c.Coupling = math.NaN() }},
		{"zero step", func(c *Config) { c.Step = 0 }},
		{"target above 1", func(c *Config) { c.Target = 1.5 }},
		{"negative noise", func(c *Config) { c.NoiseSigma = -0.1 }},
		{"infinite spread", func(c *Config) { c.FreqSpreadHz = math.Inf(1) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			tc.edit(&cfg)
			if err := cfg.Validate(); err == nil {
				t.Fatal("accepted")
			}
		})
	}
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatalf("default config rejected: %v", err)
	}
	if _, err := NewNetwork(Complete(2), DefaultConfig(), nil); err == nil {
		t.Error("noise without a stream accepted")
	}
}

func TestOrderParameter(t *testing.T) {
	n := mustNetwork(t, Complete(8), quietConfig(), nil)
	n.SetPhases(slices.Repeat([]float64{1.3}, 8))
	if r, psi := n.Order(); math.Abs(r-1) > 1e-15 || math.Abs(psi-1.3) > 1e-15 {
		t.Errorf("equal phases: r %v psi %v, want 1 and 1.3", r, psi)
	}
	spread := make([]float64, 8)
	for i := range spread {
		spread[i] = twoPi * float64(i) / 8
	}
	n.SetPhases(spread)
	if r, _ := n.Order(); r > 1e-15 {
		t.Errorf("evenly spread phases: r %v, want 0", r)
	}
	for r, want := range map[float64]Band{0.29: Unconscious, 0.30: Preconscious, 0.699: Preconscious, 0.70: Conscious, 0.90: Deep} {
		if Quality(r) != want {
			t.Errorf("Quality(%v) = %v, want %v", r, Quality(r), want)
		}
	}
}

// TestCoherenceIsOrdersR requires Coherence to return Order's r to the
// bit, on random phases of a few sizes (every lane remainder) and on an
// empty network.
func TestCoherenceIsOrdersR(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 1))
	for _, nodes := range []int{1, 2, 3, 4, 5, 7, 8, 33} {
		n := mustNetwork(t, Complete(nodes), quietConfig(), nil)
		for range 50 {
			n.RandomizePhases(rng)
			r, _ := n.Order()
			if got := n.Coherence(); math.Float64bits(got) != math.Float64bits(r) {
				t.Fatalf("%d nodes: Coherence %v, Order's r %v", nodes, got, r)
			}
		}
	}
	if got := mustNetwork(t, Complete(0), quietConfig(), nil).Coherence(); got != 0 {
		t.Errorf("empty network: Coherence %v, want 0", got)
	}
}

// TestTwoOscillatorsAnalytic checks both integrators against the closed
// form for two identical oscillators: the phase difference obeys
// dΔ/dt = −2K sin Δ, so tan(Δ/2) = tan(Δ0/2)·exp(−2Kt).
func TestTwoOscillatorsAnalytic(t *testing.T) {
	const k, delta0 = 3.0, 2.0
	for _, tc := range []struct {
		integrator Integrator
		step       clock.Duration
		tol        float64
	}{
		{Euler, clock.Millisecond / 10, 2e-4},
		{RK4, clock.Millisecond, 1e-10},
	} {
		t.Run(tc.integrator.String(), func(t *testing.T) {
			cfg := quietConfig()
			cfg.Coupling, cfg.Step, cfg.Integrator = k, tc.step, tc.integrator
			n := mustNetwork(t, Complete(2), cfg, nil)
			n.SetPhases([]float64{0, delta0})
			steps := int(clock.Second / tc.step / 2) // 0.5 s
			for range steps {
				n.Step()
			}
			elapsed := float64(steps) * tc.step.Seconds()
			want := 2 * math.Atan(math.Tan(delta0/2)*math.Exp(-2*k*elapsed))
			th := n.Phases()
			got := wrap(th[1]-th[0]+math.Pi) - math.Pi
			if math.Abs(got-want) > tc.tol {
				t.Fatalf("Δ(%.1fs) = %.12f, want %.12f (tolerance %g)", elapsed, got, want, tc.tol)
			}
		})
	}
}

// TestFreeRotation checks an uncoupled oscillator: 40 Hz for 1 s of 5 ms
// steps is exactly 40 turns, so the phase returns to where it started.
func TestFreeRotation(t *testing.T) {
	cfg := quietConfig()
	cfg.Coupling = 0
	n := mustNetwork(t, Complete(1), cfg, nil)
	n.SetPhases([]float64{0.5})
	for range 200 {
		n.Step()
	}
	if got := n.Phases()[0]; math.Abs(got-0.5) > 1e-9 {
		t.Fatalf("phase after 40 turns = %v, want 0.5", got)
	}
}

// TestDamping checks the original's damping term on a still oscillator:
// dθ/dt = −d·θ decays exponentially.
func TestDamping(t *testing.T) {
	cfg := quietConfig()
	cfg.Coupling, cfg.FreqMeanHz, cfg.Damping, cfg.Integrator, cfg.Step = 0, 0, 0.1, RK4, 10*clock.Millisecond
	n := mustNetwork(t, Complete(1), cfg, nil)
	n.SetPhases([]float64{3})
	for range 1000 { // 10 s
		n.Step()
	}
	if got, want := n.Phases()[0], 3*math.Exp(-1); math.Abs(got-want) > 1e-9 {
		t.Fatalf("θ(10 s) = %v, want %v", got, want)
	}
}

// TestNoiseScaling checks the Euler–Maruyama scaling: uncoupled oscillators
// with noise σ diffuse with variance σ²t whatever the step. The original's
// σ·dt scaling would give σ²·dt·t, 200 times smaller at dt = 5 ms.
func TestNoiseScaling(t *testing.T) {
	const sigma, nodes = 0.5, 4000
	for _, step := range []clock.Duration{5 * clock.Millisecond, clock.Millisecond} {
		cfg := DefaultConfig()
		cfg.Coupling, cfg.FreqMeanHz, cfg.NoiseSigma, cfg.Step = 0, 0, sigma, step
		n := mustNetwork(t, Complete(1), cfg, rand.NewPCG(1, 2))
		var b Builder
		b.Reset(nodes)
		n.Reset(b.Graph())
		n.SetPhases(slices.Repeat([]float64{math.Pi}, nodes))
		steps := int(clock.Second / step)
		for range steps {
			n.Step()
		}
		var sum, sumSq float64
		for _, th := range n.Phases() {
			x := th - math.Pi
			sum += x
			sumSq += x * x
		}
		variance := sumSq/nodes - (sum/nodes)*(sum/nodes)
		// Sampling error of a variance over 4000 normals: about 2.2 %.
		if want := sigma * sigma; math.Abs(variance-want)/want > 0.08 {
			t.Errorf("dt %v: phase variance after 1 s = %.4f, want σ²t = %.4f", step, variance, want)
		}
	}
}

// TestMeanFieldTheory reproduces the classical result on a complete graph
// with Lorentzian natural frequencies of half-width γ: incoherence below
// Kc = 2γ (in rad/s), and r = sqrt(1 − Kc/K) above it (Kuramoto 1975). The
// frequencies are the distribution's quantiles, which removes sampling
// noise; what remains is finite-size error of order N^(-1/2). Measured
// with N = 300 and Euler at dt = 2 ms: r within 0.003 of theory above Kc.
func TestMeanFieldTheory(t *testing.T) {
	const nodes, gammaHz = 300, 1.0
	kc := 2 * twoPi * gammaHz
	freqs := make([]float64, nodes)
	for i := range freqs {
		freqs[i] = 40 + gammaHz*math.Tan(math.Pi*((float64(i)+0.5)/nodes-0.5))
	}
	g := Complete(nodes)
	for _, tc := range []struct {
		ratio float64 // K / Kc
		want  float64
		tol   float64
	}{
		{0.5, 0, 0.15}, // incoherent: r is finite-size noise (measured 0.09)
		{1.5, math.Sqrt(1 - 1/1.5), 0.02},
		{2, math.Sqrt(0.5), 0.015},
		{4, math.Sqrt(0.75), 0.01},
	} {
		cfg := quietConfig()
		cfg.Coupling, cfg.Step = tc.ratio*kc, 2*clock.Millisecond
		n := mustNetwork(t, g, cfg, nil)
		n.SetFrequenciesHz(freqs)
		n.RandomizePhases(rand.New(rand.NewPCG(5, 5)))
		// Relax for 4 s, then average r over 2 s.
		var sum float64
		const relax, measure = 2000, 1000
		for s := range relax + measure {
			n.Step()
			if s >= relax {
				r, _ := n.Order()
				sum += r
			}
		}
		got := sum / measure
		t.Logf("K = %.1f·Kc: r = %.4f theory %.4f", tc.ratio, got, tc.want)
		if math.Abs(got-tc.want) > tc.tol {
			t.Errorf("K = %.1f·Kc: mean r = %.3f, theory %.3f ± %.2f", tc.ratio, got, tc.want, tc.tol)
		}
	}
}

func TestStepAllocatesNothing(t *testing.T) {
	for _, in := range []Integrator{Euler, RK4} {
		cfg := DefaultConfig()
		cfg.Integrator = in
		n := mustNetwork(t, Ring(32, 3), cfg, rand.NewPCG(1, 1))
		if a := testing.AllocsPerRun(100, func() { n.Step(); n.Order() }); a != 0 {
			t.Errorf("%v: %v allocations per step", in, a)
		}
	}
}

func TestDeterministic(t *testing.T) {
	run := func() []float64 {
		cfg := DefaultConfig()
		cfg.FreqDist, cfg.FreqSpreadHz = DistNormal, 2
		g := ErdosRenyi(40, 0.3, rand.New(rand.NewPCG(3, 1)))
		n := mustNetwork(t, g, cfg, rand.NewPCG(3, 2))
		n.SetFrequenciesHz(DrawFrequencies(cfg, 40, rand.New(rand.NewPCG(3, 3))))
		n.RandomizePhases(rand.New(rand.NewPCG(3, 4)))
		for range 500 {
			n.Step()
		}
		return slices.Clone(n.Phases())
	}
	if !slices.Equal(run(), run()) {
		t.Fatal("two runs with the same streams differ")
	}
}

func TestDrawFrequencies(t *testing.T) {
	for _, tc := range []struct {
		dist       Dist
		lo, hi     float64 // every draw within
		meanWithin float64
	}{
		{DistNone, 40, 40, 0},
		{DistUniform, 38, 42, 0.05},
		{DistNormal, 30, 50, 0.05},
	} {
		cfg := DefaultConfig()
		cfg.FreqDist, cfg.FreqSpreadHz = tc.dist, 2
		hz := DrawFrequencies(cfg, 20000, rand.New(rand.NewPCG(9, 9)))
		var sum float64
		for _, f := range hz {
			if f < tc.lo || f > tc.hi {
				t.Fatalf("%v drew %v outside [%v, %v]", tc.dist, f, tc.lo, tc.hi)
			}
			sum += f
		}
		if m := sum / float64(len(hz)); math.Abs(m-40) > tc.meanWithin {
			t.Errorf("%v: mean %v", tc.dist, m)
		}
	}
	var d Dist
	if err := d.UnmarshalText([]byte("cauchy")); err != nil || d != DistCauchy {
		t.Errorf("Dist.UnmarshalText(cauchy) = %v, %v", d, err)
	}
	if err := d.UnmarshalText([]byte("gauss")); err == nil {
		t.Error("Dist.UnmarshalText accepted gauss")
	}
}

func TestDynamics(t *testing.T) {
	var d Dynamics
	d.Reset(clock.Time(100*clock.Millisecond), 0.7, 10*clock.Millisecond, true)
	rs := []float64{0.2, 0.5, 0.71, 0.9, 0.8, 0.6, 0.75}
	for i, r := range rs {
		d.Observe(clock.Time(100*clock.Millisecond+clock.Duration(i+1)*5*clock.Millisecond), r)
	}
	if ok, at := d.Synced(); !ok || at != 15*clock.Millisecond {
		t.Errorf("Synced = %v, %v; want true, 15ms", ok, at)
	}
	if d.Peak() != 0.9 || d.Last() != 0.75 {
		t.Errorf("peak %v last %v", d.Peak(), d.Last())
	}
	if d.TimeAbove() != 20*clock.Millisecond { // four 5 ms steps ended above 0.7
		t.Errorf("TimeAbove = %v, want 20ms", d.TimeAbove())
	}
	if h := d.History(); len(h) != 4 { // first sample, then every 10 ms
		t.Errorf("history has %d samples, want 4: %v", len(h), h)
	}
	// A linear decline of 0.5 per second gives a slope of exactly -0.5.
	d.Reset(0, 0.7, clock.Millisecond, false)
	for i := range 20 {
		d.Observe(clock.Time(i)*clock.Time(clock.Millisecond), 0.9-0.0005*float64(i))
	}
	if s := d.DissolutionRate(); math.Abs(s+0.5) > 1e-9 {
		t.Errorf("DissolutionRate = %v, want -0.5", s)
	}
	if len(d.History()) != 0 {
		t.Error("history kept although keep was false")
	}
}

// TestRestartMatchesReset: after steps, a change of coupling and a change
// of weights in place, Restart (after WeightsChanged, or after
// SetUniformWeight) leaves the network as Reset onto the same graph does,
// bit for bit, with uniform and with per-edge weights.
func TestRestartMatchesReset(t *testing.T) {
	const reset, restart, restartUniform = 0, 1, 2
	for _, in := range []Integrator{Euler, RK4} {
		for _, uniform := range []bool{true, false} {
			run := func(how int) []float64 {
				g := ErdosRenyi(60, 0.2, rand.New(rand.NewPCG(5, 1)))
				cfg := DefaultConfig()
				cfg.Integrator = in
				n := mustNetwork(t, g, cfg, rand.NewPCG(5, 2))
				n.RandomizePhases(rand.New(rand.NewPCG(5, 3)))
				n.SetCoupling(7)
				for range 50 {
					n.Step()
				}
				for e := range g.Weights {
					g.Weights[e] = 1.5
					if !uniform {
						g.Weights[e] = float64(1 + e%3)
					}
				}
				switch how {
				case reset:
					n.Reset(g)
				case restart:
					n.WeightsChanged()
					n.Restart()
				case restartUniform:
					n.Restart()
					n.SetUniformWeight(1.5)
				}
				if n.Coupling() != cfg.Coupling {
					t.Fatalf("mode %d: coupling %v, want %v", how, n.Coupling(), cfg.Coupling)
				}
				n.RandomizePhases(rand.New(rand.NewPCG(5, 4)))
				for range 100 {
					n.Step()
				}
				return slices.Clone(n.Phases())
			}
			want := run(reset)
			if !slices.Equal(run(restart), want) {
				t.Errorf("%v, uniform %v: Restart and Reset differ", in, uniform)
			}
			if uniform && !slices.Equal(run(restartUniform), want) {
				t.Errorf("%v: SetUniformWeight and Reset differ", in)
			}
		}
	}
}
