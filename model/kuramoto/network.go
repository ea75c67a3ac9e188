package kuramoto

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/esgtsim/esgtsim/internal/variate"
)

const twoPi = 2 * math.Pi

// Network is a set of coupled phase oscillators on a [Graph]. All state
// lives in flat slices indexed by node. Step allocates nothing; above
// [ParallelMinWork] it spreads each step over several goroutines (see
// [Network.SetWorkers]) with the same result, bit for bit.
type Network struct {
	cfg      Config
	g        *Graph
	coupling float64
	noise    variate.Normals

	theta  []float64 // phases in [0, 2π)
	omega  []float64 // natural angular frequencies, rad/s
	invDeg []float64 // the coupling coefficient of each node: 1/|Ni| or 1/N, 0 for isolated nodes
	trig   []float64 // sin θi at 2i, cos θi at 2i+1, then two zeros
	next   []float64 // the trig of the phases being computed
	kick   []float64 // this step's noise increment of each phase
	sums   []float64 // each node's coupling sums, Σ sin at 2i, Σ cos at 2i+1

	layout layout // the graph's rows, padded for the coupling sums
	// uniform reports whether every edge weight equals weight; scale is
	// K·weight then, and K otherwise (see derivatives).
	uniform       bool
	weight, scale float64

	// Scratch for RK4: the stage derivatives, the stage phases and their
	// trig.
	k1, k2, k3, k4, tmp []float64
	ttrig               []float64

	dt, noiseScale float64

	sweep sweep // the sweep being run over the rows
	par   parallel
}

// NewNetwork returns oscillators on g with every natural frequency at the
// configured mean and every phase at 0. noise is the source of the phase
// noise (the draws are those of variate.Norm on rand.New(noise)) and may
// be nil when cfg.NoiseSigma is 0.
func NewNetwork(g *Graph, cfg Config, noise *rand.PCG) (*Network, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.NoiseSigma > 0 && noise == nil {
		return nil, fmt.Errorf("kuramoto: noise_sigma %v needs a noise stream", cfg.NoiseSigma)
	}
	n := &Network{cfg: cfg, coupling: cfg.Coupling, noise: variate.NewNormals(noise)}
	n.dt = cfg.Step.Seconds()
	n.noiseScale = float64(cfg.NoiseSigma * math.Sqrt(n.dt))
	if cfg.NoiseScaling == NoiseStep {
		n.noiseScale = float64(cfg.NoiseSigma * n.dt)
	}
	n.par.init(n)
	n.Reset(g)
	return n, nil
}

// Reset moves the network onto graph g, reusing its buffers: phases become
// 0, natural frequencies the configured mean, coupling the configured K.
// It lays out g's rows and reads its weights, in O(nodes + edges).
func (n *Network) Reset(g *Graph) {
	n.g = g
	size := g.Nodes()
	for _, s := range []*[]float64{&n.theta, &n.omega, &n.invDeg, &n.kick, &n.k1} {
		*s = resize(*s, size)
	}
	for _, s := range []*[]float64{&n.trig, &n.next} {
		*s = resize(*s, 2*size+2)
	}
	n.sums = resize(n.sums, 2*size)
	if n.cfg.Integrator == RK4 {
		for _, s := range []*[]float64{&n.k2, &n.k3, &n.k4, &n.tmp} {
			*s = resize(*s, size)
		}
		n.ttrig = resize(n.ttrig, 2*size+2)
	}
	n.layout.build(g)
	n.par.partition(g)
	n.Restart()
	n.WeightsChanged()
}

// Restart returns the network to the state Reset leaves it in without
// reading its graph again, in O(nodes): the graph's rows and weights must
// be as the network last read them (Reset, WeightsChanged or
// SetUniformWeight).
func (n *Network) Restart() {
	size := n.g.Nodes()
	clear(n.trig)
	clear(n.next)
	clear(n.ttrig)
	w := float64(twoPi * n.cfg.FreqMeanHz)
	for i := range size {
		n.theta[i], n.omega[i] = 0, w
		n.invDeg[i] = n.cfg.Normalization.coefficient(n.g.Degree(i), size)
	}
	clear(n.kick)
	n.coupling = n.cfg.Coupling
	n.setScale()
	n.updateTrig()
}

// WeightsChanged tells the network that the graph's weights were changed in
// place. The network notes whether they are all equal (the usual case: the
// sums then run without reading them); call it after any change to
// Graph.Weights, before the next Step.
func (n *Network) WeightsChanged() {
	w := n.g.Weights
	n.uniform, n.weight = true, 1
	if len(w) > 0 {
		n.weight = w[0]
		for _, x := range w {
			// Bit equality: 0 and −0, or two NaNs, are not merged.
			if math.Float64bits(x) != math.Float64bits(n.weight) {
				n.uniform, n.weight = false, 1
				break
			}
		}
	}
	if !n.uniform {
		n.layout.setWeights(n.g)
	}
	n.setScale()
}

// SetUniformWeight sets every edge weight of the network's graph to w,
// as writing them into Graph.Weights and calling WeightsChanged would,
// without comparing them.
func (n *Network) SetUniformWeight(w float64) {
	weights := n.g.Weights
	for e := range weights {
		weights[e] = w
	}
	n.uniform, n.weight = true, w
	if len(weights) == 0 {
		n.weight = 1 // as WeightsChanged
	}
	n.setScale()
}

func (n *Network) setScale() {
	n.scale = n.coupling
	if n.uniform {
		n.scale = float64(n.coupling * n.weight)
	}
}

func resize[T any](s []T, n int) []T {
	return slices.Grow(s[:0], n)[:n]
}

// Size returns the number of oscillators.
func (n *Network) Size() int { return len(n.theta) }

// Graph returns the network's graph.
func (n *Network) Graph() *Graph { return n.g }

// Phases returns the phases, in [0, 2π). The slice is the network's own:
// writes change the state; call [Network.SetPhases] to keep caches valid.
func (n *Network) Phases() []float64 { return n.theta }

// SetPhases sets every phase, wrapped into [0, 2π).
func (n *Network) SetPhases(theta []float64) {
	for i, t := range theta {
		n.theta[i] = wrap(t)
	}
	n.updateTrig()
}

// RandomizePhases draws every phase uniformly from [0, 2π), as every new
// ignition starts (docs/model.md §2 and §7.11).
func (n *Network) RandomizePhases(rng *rand.Rand) {
	for i := range n.theta {
		n.theta[i] = float64(twoPi * rng.Float64())
	}
	n.updateTrig()
}

// SetFrequenciesHz sets the natural frequencies from values in Hz.
func (n *Network) SetFrequenciesHz(hz []float64) {
	for i, f := range hz {
		n.omega[i] = float64(twoPi * f)
	}
}

// Coupling returns the current coupling strength K.
func (n *Network) Coupling() float64 { return n.coupling }

// SetCoupling changes K for this network only (the dissolve phase halves
// it without touching any other network, docs/model.md §7.1).
func (n *Network) SetCoupling(k float64) {
	n.coupling = k
	n.setScale()
}

// Step advances the network by one integration step.
//
// A step sweeps every row (in parallel above [ParallelMinWork]): the
// derivative from the old phases, then the new phase and its sine and
// cosine. The noise increments are drawn in node order from the noise
// stream, while the first derivatives are computed. A row's result depends
// only on the old state, so the partition of rows among workers cannot
// change any bit.
func (n *Network) Step() {
	switch n.cfg.Integrator {
	case RK4:
		half := float64(0.5 * n.dt)
		n.run(sweep{kind: rk4Stage, h: half, at: n.theta, in: n.trig, k: n.k1, out: n.ttrig}, true)
		n.run(sweep{kind: rk4Stage, h: half, at: n.tmp, in: n.ttrig, k: n.k2, out: n.next}, false)
		n.run(sweep{kind: rk4Stage, h: n.dt, at: n.tmp, in: n.next, k: n.k3, out: n.ttrig}, false)
		n.run(sweep{kind: rk4Final, h: n.dt / 6, at: n.tmp, in: n.ttrig, k: n.k4, out: n.next}, false)
	default:
		n.run(sweep{kind: eulerStep, h: n.dt, at: n.theta, in: n.trig, k: n.k1, out: n.next}, true)
	}
	n.trig, n.next = n.next, n.trig
}

// drawNoise draws this step's noise increments, in node order.
func (n *Network) drawNoise() {
	if n.noiseScale == 0 {
		return
	}
	n.noise.Fill(n.kick, n.noiseScale)
}

func (n *Network) updateTrig() {
	setTrigs(n.trig, 0, n.theta)
}

// wrap maps x into [0, 2π).
func wrap(x float64) float64 {
	if x >= 0 && x < 2*twoPi {
		return wrapOnce(x)
	}
	x -= float64(twoPi * math.Floor(x/twoPi))
	if x >= twoPi { // rounding at the top edge
		x = 0
	}
	return x
}

// wrapOnce is wrap for 0 <= x < 4π, where a phase is after a step: x if x
// < 2π, else x − 2π, which is exact and what the general rule gives. It
// picks by the sign of x − 2π, without a branch: a 40 Hz phase at 5 ms
// steps completes a turn every fifth step, at random, which a branch
// would mispredict.
func wrapOnce(x float64) float64 {
	below := x - twoPi // negative, not −0, exactly when x < 2π
	keep := uint64(int64(math.Float64bits(below)) >> 63)
	return math.Float64frombits(math.Float64bits(x)&keep | math.Float64bits(below)&^keep)
}
