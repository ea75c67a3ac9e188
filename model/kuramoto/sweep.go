package kuramoto

// sweepKind says what a sweep does with each row's derivative.
type sweepKind uint8

const (
	// eulerStep: θ ← wrap(θ + h·k + noise), out ← trig(θ).
	eulerStep sweepKind = iota
	// rk4Stage: tmp ← θ + h·k, out ← trig(tmp), the next stage's input.
	rk4Stage
	// rk4Final: θ ← wrap(θ + h·(k1 + 2k2 + 2k3 + k4) + noise), out ← trig(θ),
	// with h = dt/6.
	rk4Final
)

// sweep is one pass over the rows: for each node i, k[i] ← dθi/dt at phase
// at[i] with every phase's trig in in, then the update of kind, writing
// the new trig into out (never into in, which other rows still read).
type sweep struct {
	kind    sweepKind
	h       float64
	at      []float64
	in, out []float64
	k       []float64
}

// run performs sweep s over every row, in parallel when the network is
// large enough; with noise, it also draws the step's noise increments
// before any update needs them.
func (n *Network) run(s sweep, noise bool) {
	n.sweep = s
	n.par.run(noise)
}

// derive computes the current sweep's derivatives of nodes [lo, hi).
func (n *Network) derive(lo, hi int) {
	s := &n.sweep
	n.derivatives(lo, hi, s.at, s.in, s.k)
}

// update applies the current sweep's update to nodes [lo, hi).
func (n *Network) update(lo, hi int) {
	s := &n.sweep
	theta, kick, k := n.theta[lo:hi], n.kick[lo:hi], s.k[lo:hi]
	switch s.kind {
	case eulerStep:
		advance(theta, k, kick, s.h)
		setTrigs(s.out, lo, theta)
	case rk4Stage:
		tmp := n.tmp[lo:hi]
		for r, d := range k {
			tmp[r] = theta[r] + float64(s.h*d)
		}
		setTrigs(s.out, lo, tmp)
	case rk4Final:
		k1, k2, k3 := n.k1[lo:hi], n.k2[lo:hi], n.k3[lo:hi]
		for r, d := range k {
			sum := float64(float64(k1[r]+float64(2*k2[r]))+float64(2*k3[r])) + d
			theta[r] = wrap(theta[r] + float64(s.h*sum) + kick[r])
		}
		setTrigs(s.out, lo, theta)
	}
}

// advance sets θ ← wrap(θ + k·h + kick) for every phase. advancePairs takes
// the pairs whose new phases are in [0, 4π), as after almost every step;
// this loop takes a phase outside that range, then hands back.
func advance(theta, k, kick []float64, h float64) {
	k, kick = k[:len(theta)], kick[:len(theta)]
	for r := 0; r < len(theta); r++ {
		r += advancePairs(theta[r:], k[r:], kick[r:], h)
		if r < len(theta) {
			theta[r] = wrap(theta[r] + float64(k[r]*h) + kick[r])
		}
	}
}
