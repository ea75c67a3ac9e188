package kuramoto

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/esgtsim/esgtsim/internal/detmath"
	"github.com/esgtsim/esgtsim/internal/variate"
)

const twoPi = 2 * math.Pi

// Network is a set of coupled phase oscillators on a [Graph]. Step
// allocates nothing; all state lives in flat slices indexed by node.
type Network struct {
	cfg      Config
	g        *Graph
	coupling float64
	noise    *rand.Rand

	theta  []float64 // phases in [0, 2π)
	omega  []float64 // natural angular frequencies, rad/s
	invDeg []float64 // the coupling coefficient of each node: 1/|Ni| or 1/N, 0 for isolated nodes
	sin    []float64 // sin θ, cos θ of the current phases
	cos    []float64

	// Scratch for the integrators.
	k1, k2, k3, k4, tmp, tsin, tcos []float64

	dt, noiseScale float64
}

// NewNetwork returns oscillators on g with every natural frequency at the
// configured mean and every phase at 0. noise supplies the phase noise and
// may be nil when cfg.NoiseSigma is 0.
func NewNetwork(g *Graph, cfg Config, noise *rand.Rand) (*Network, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.NoiseSigma > 0 && noise == nil {
		return nil, fmt.Errorf("kuramoto: noise_sigma %v needs a noise stream", cfg.NoiseSigma)
	}
	n := &Network{cfg: cfg, coupling: cfg.Coupling, noise: noise}
	n.dt = cfg.Step.Seconds()
	n.noiseScale = float64(cfg.NoiseSigma * math.Sqrt(n.dt))
	if cfg.NoiseScaling == NoiseStep {
		n.noiseScale = float64(cfg.NoiseSigma * n.dt)
	}
	n.Reset(g)
	return n, nil
}

// Reset moves the network onto graph g, reusing its buffers: phases become
// 0, natural frequencies the configured mean, coupling the configured K.
func (n *Network) Reset(g *Graph) {
	n.g = g
	size := g.Nodes()
	for _, s := range []*[]float64{&n.theta, &n.omega, &n.invDeg, &n.sin, &n.cos} {
		*s = resize(*s, size)
	}
	if n.cfg.Integrator == RK4 {
		for _, s := range []*[]float64{&n.k1, &n.k2, &n.k3, &n.k4, &n.tmp, &n.tsin, &n.tcos} {
			*s = resize(*s, size)
		}
	} else {
		n.k1 = resize(n.k1, size)
	}
	w := float64(twoPi * n.cfg.FreqMeanHz)
	for i := range size {
		n.theta[i], n.omega[i] = 0, w
		n.invDeg[i] = n.cfg.Normalization.coefficient(g.Degree(i), size)
	}
	n.coupling = n.cfg.Coupling
	n.updateTrig()
}

func resize(s []float64, n int) []float64 {
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
func (n *Network) SetCoupling(k float64) { n.coupling = k }

// Step advances the network by one integration step.
func (n *Network) Step() {
	switch n.cfg.Integrator {
	case RK4:
		n.stepRK4()
	default:
		n.stepEuler()
	}
	n.updateTrig()
}

func (n *Network) stepEuler() {
	n.derivative(n.theta, n.sin, n.cos, n.k1)
	for i, d := range n.k1 {
		n.theta[i] = wrap(n.theta[i] + float64(d*n.dt) + n.noiseTerm())
	}
}

func (n *Network) stepRK4() {
	half := float64(0.5 * n.dt)
	n.derivative(n.theta, n.sin, n.cos, n.k1)
	n.stage(half, n.k1, n.k2)
	n.stage(half, n.k2, n.k3)
	n.stage(n.dt, n.k3, n.k4)
	sixth := n.dt / 6
	for i := range n.theta {
		sum := float64(float64(n.k1[i]+float64(2*n.k2[i]))+float64(2*n.k3[i])) + n.k4[i]
		n.theta[i] = wrap(n.theta[i] + float64(sixth*sum) + n.noiseTerm())
	}
}

// stage evaluates the derivative at θ + h·k into out.
func (n *Network) stage(h float64, k, out []float64) {
	for i, t := range n.theta {
		n.tmp[i] = t + float64(h*k[i])
		n.tsin[i], n.tcos[i] = detmath.Sincos(n.tmp[i])
	}
	n.derivative(n.tmp, n.tsin, n.tcos, out)
}

// derivative writes dθ/dt at phases theta (with their sines and cosines)
// into out. For node i the coupling term is
// K·ci · (cos θi · Σ wij sin θj − sin θi · Σ wij cos θj), where ci is 1/|Ni|
// or 1/N (see [Normalization]).
func (n *Network) derivative(theta, sin, cos, out []float64) {
	g := n.g
	k := n.coupling
	damping := n.cfg.Damping
	for i := range theta {
		var ss, sc float64
		lo, hi := g.Offsets[i], g.Offsets[i+1]
		targets, weights := g.Targets[lo:hi], g.Weights[lo:hi]
		for e, j := range targets {
			w := weights[e]
			ss += float64(w * sin[j])
			sc += float64(w * cos[j])
		}
		d := n.omega[i]
		if n.invDeg[i] != 0 {
			c := float64(cos[i]*ss) - float64(sin[i]*sc)
			d += float64(float64(k*n.invDeg[i]) * c)
		}
		if damping != 0 {
			d -= float64(damping * wrap(theta[i]))
		}
		out[i] = d
	}
}

func (n *Network) noiseTerm() float64 {
	if n.noiseScale == 0 {
		return 0
	}
	return float64(n.noiseScale * variate.Norm(n.noise))
}

func (n *Network) updateTrig() {
	for i, t := range n.theta {
		n.sin[i], n.cos[i] = detmath.Sincos(t)
	}
}

// wrap maps x into [0, 2π).
func wrap(x float64) float64 {
	if x >= 0 && x < twoPi {
		return x
	}
	x -= float64(twoPi * math.Floor(x/twoPi))
	if x >= twoPi { // rounding at the top edge
		x = 0
	}
	return x
}
