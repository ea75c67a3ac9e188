package kuramoto

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/esgtsim/esgtsim/internal/detmath"
	"github.com/esgtsim/esgtsim/internal/variate"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/sim"
)

// serialNetwork is the Euler step as it was before the four-lane sums: one
// running sum per node over its neighbours, one running sum over the nodes
// for the order parameter. It is kept here only as the reference that the
// faster summation order is checked against.
type serialNetwork struct {
	g                   *Graph
	cfg                 Config
	theta, omega        []float64
	sin, cos            []float64
	dt, noiseScale, kfa float64
}

func newSerialNetwork(g *Graph, cfg Config) *serialNetwork {
	n := g.Nodes()
	s := &serialNetwork{g: g, cfg: cfg, theta: make([]float64, n), omega: make([]float64, n),
		sin: make([]float64, n), cos: make([]float64, n)}
	s.dt = cfg.Step.Seconds()
	s.noiseScale = float64(cfg.NoiseSigma * math.Sqrt(s.dt))
	for i := range s.omega {
		s.omega[i] = float64(twoPi * cfg.FreqMeanHz)
	}
	return s
}

func (s *serialNetwork) setPhases(theta []float64) {
	for i, t := range theta {
		s.theta[i] = wrap(t)
		s.sin[i], s.cos[i] = detmath.Sincos(s.theta[i])
	}
}

func (s *serialNetwork) step(noise *rand.PCG) {
	g, d := s.g, make([]float64, len(s.theta))
	r := rand.New(noise)
	for i := range s.theta {
		var ss, sc float64
		for e := g.Offsets[i]; e < g.Offsets[i+1]; e++ {
			j, w := g.Targets[e], g.Weights[e]
			ss += float64(w * s.sin[j])
			sc += float64(w * s.cos[j])
		}
		d[i] = s.omega[i]
		if deg := g.Degree(i); deg > 0 {
			c := float64(s.cos[i]*ss) - float64(s.sin[i]*sc)
			d[i] += float64(float64(s.cfg.Coupling*(1/float64(deg))) * c)
		}
	}
	for i := range s.theta {
		kick := float64(s.noiseScale * variate.Norm(r))
		s.theta[i] = wrap(s.theta[i] + float64(d[i]*s.dt) + kick)
		s.sin[i], s.cos[i] = detmath.Sincos(s.theta[i])
	}
}

func (s *serialNetwork) order() float64 {
	var ss, sc float64
	for i := range s.sin {
		ss += s.sin[i]
		sc += s.cos[i]
	}
	return min(math.Sqrt(float64(ss*ss)+float64(sc*sc))/float64(len(s.sin)), 1)
}

// fabricGraph returns the oscillator graph of an n-node fabric with unit
// weights, as an ignition recruiting every node builds it.
func fabricGraph(t *testing.T, n int) *Graph {
	t.Helper()
	cfg := fabric.DefaultConfig()
	cfg.Nodes = n
	f, err := fabric.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Initialize(sim.NewStream(1, "fabric")); err != nil {
		t.Fatal(err)
	}
	g, err := FromEdges(n, f.Edges())
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// syncSteps runs attempts like the ESGT coordinator does (fresh random
// phases, at most maxSteps Euler steps, synchronised once r >= target) and
// returns, per attempt, the number of steps to synchronise or -1.
func syncSteps(attempts, maxSteps int, target float64, reset func(phases []float64), step func(noise *rand.PCG), order func() float64, size int) []int {
	out := make([]int, attempts)
	phases := make([]float64, size)
	for a := range attempts {
		rng := rand.New(rand.NewPCG(uint64(a), 1))
		for i := range phases {
			phases[i] = float64(twoPi * rng.Float64())
		}
		reset(phases)
		noise := rand.NewPCG(uint64(a), 2)
		out[a] = -1
		for k := 0; k <= maxSteps; k++ {
			if order() >= target {
				out[a] = k
				break
			}
			if k < maxSteps {
				step(noise)
			}
		}
	}
	return out
}

// TestSummationOrderKeepsSyncStatistics checks that the four-lane sums
// changed the bits but not the model: over 2,000 synchronisation attempts
// on the 32-node fabric (the main job's), and on a 100-node fabric with
// spread frequencies, where many attempts fail, the fraction of attempts that
// synchronise within the 300 ms timeout and the quantiles of the time to
// synchronise agree between the old serial sums and the new ones within
// sampling error (a two-sample Kolmogorov–Smirnov test at the 0.1 % level
// and distribution-free 99.9 % confidence intervals of each quantile).
func TestSummationOrderKeepsSyncStatistics(t *testing.T) {
	cases := []struct {
		name     string
		nodes    int
		coupling float64
		spreadHz float64
		attempts int
	}{
		{"fabric32/K=14", 32, 14, 0, 2000},
		{"fabric100/K=30/spread=2Hz", 100, 30, 2, 2000},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && tc.nodes > 32 {
				t.Skip("-short: the 100-node case takes a few seconds")
			}
			g := fabricGraph(t, tc.nodes)
			cfg := DefaultConfig()
			cfg.Coupling = tc.coupling
			cfg.FreqDist, cfg.FreqSpreadHz = DistNormal, tc.spreadHz
			freqs := DrawFrequencies(cfg, tc.nodes, rand.New(rand.NewPCG(9, 9)))
			const maxSteps = 60 // 300 ms at 5 ms
			target := cfg.Target

			old := newSerialNetwork(g, cfg)
			for i, f := range freqs {
				old.omega[i] = float64(twoPi * f)
			}
			before := syncSteps(tc.attempts, maxSteps, target, old.setPhases, old.step, old.order, tc.nodes)

			net := mustNetwork(t, g, cfg, rand.NewPCG(0, 0))
			net.SetFrequenciesHz(freqs)
			after := syncSteps(tc.attempts, maxSteps, target, net.SetPhases,
				func(noise *rand.PCG) { net.noise = variate.NewNormals(noise); net.Step() },
				func() float64 { r, _ := net.Order(); return r }, tc.nodes)

			compareSyncStatistics(t, before, after)
		})
	}
}

// compareSyncStatistics fails if two samples of steps-to-sync (−1: never)
// differ beyond sampling error.
func compareSyncStatistics(t *testing.T, before, after []int) {
	t.Helper()
	n := float64(len(before))
	reached := func(x []int) float64 {
		k := 0
		for _, v := range x {
			if v >= 0 {
				k++
			}
		}
		return float64(k) / float64(len(x))
	}
	p0, p1 := reached(before), reached(after)
	pooled := (p0 + p1) / 2
	se := math.Sqrt(2 * pooled * (1 - pooled) / n)
	t.Logf("reached: before %.4f, after %.4f (standard error of the difference %.4f)", p0, p1, se)
	if math.Abs(p0-p1) > 3.3*se+1/n {
		t.Errorf("fraction synchronised moved: before %.4f, after %.4f, 3.3 standard errors %.4f", p0, p1, 3.3*se)
	}

	// Failures count as +∞ (after every success) in the distribution.
	key := func(x []int) []float64 {
		out := make([]float64, len(x))
		for i, v := range x {
			out[i] = float64(v)
			if v < 0 {
				out[i] = math.Inf(1)
			}
		}
		slices.Sort(out)
		return out
	}
	b, a := key(before), key(after)
	if d, crit := ksDistance(b, a), 1.95*math.Sqrt(2/n); d > crit {
		t.Errorf("time-to-sync distributions differ: Kolmogorov–Smirnov D = %.4f > %.4f", d, crit)
	}
	changed := 0
	for i := range before {
		if before[i] != after[i] {
			changed++
		}
	}
	t.Logf("attempts whose time to sync changed: %d of %d", changed, len(before))
	for _, q := range []float64{0.1, 0.25, 0.5, 0.75, 0.9} {
		// The q-quantile of the new sample must lie in the 99.9 %
		// distribution-free confidence interval of the old one's.
		half := 3.3 * math.Sqrt(n*q*(1-q))
		lo := max(int(math.Floor(n*q-half)), 0)
		hi := min(int(math.Ceil(n*q+half)), len(b)-1)
		got := a[int(n*q)]
		t.Logf("p%.0f: before %v steps (99.9 %% interval %v..%v), after %v", 100*q, b[int(n*q)], b[lo], b[hi], got)
		if got < b[lo] || got > b[hi] {
			t.Errorf("p%.0f of the time to sync moved: %v steps, outside %v..%v", 100*q, got, b[lo], b[hi])
		}
	}
}

// ksDistance returns the two-sample Kolmogorov–Smirnov statistic of two
// sorted samples of equal size.
func ksDistance(a, b []float64) float64 {
	var d float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		x := min(a[i], b[j])
		for i < len(a) && a[i] == x {
			i++
		}
		for j < len(b) && b[j] == x {
			j++
		}
		d = max(d, math.Abs(float64(i-j))/float64(len(a)))
	}
	return d
}
