package esgt

import (
	"fmt"
	"math/rand/v2"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/model/kuramoto"
	"github.com/esgtsim/esgtsim/sim"
)

// ArousalSource supplies the current arousal in [0, 1]; the arousal
// controller implements it.
type ArousalSource interface {
	Arousal() float64
}

// CPUSource supplies the CPU capacity in [0, 1] (1 − CPU use), from the
// interoception metrics.
type CPUSource interface {
	CPUCapacity() float64
}

// Coordinator admits requests and runs their ignitions on a simulator.
// It is not safe for concurrent use; like the kernel, it is driven by events.
type Coordinator struct {
	cfg     Config
	sim     *sim.Sim
	fab     *fabric.Fabric
	arousal ArousalSource
	cpu     CPUSource
	on      callbacks

	minSalience float64
	running     bool
	nextID      uint64

	phases, broadcast, recruitRng *rand.Rand
	noise                         *rand.PCG
	fabricGen                     int
	freqHz                        []float64 // natural frequency of each fabric node

	busy     []*ignition // owner of each fabric node, nil if free
	inFlight []*ignition
	pool     []*ignition
	local    []int32 // fabric node → index in the ignition being built, −1 otherwise
	scratch  []int32 // recruitment candidates
	queue    []int32 // BFS queue

	lastEnd  clock.Time
	hasEnded bool
	starts   []clock.Time // admissions within the last second, oldest first

	tokens   tokenBucket
	breaker  breaker
	degraded degradedMode
	esgtRefs int     // in-flight ignitions holding the fabric in ESGT mode
	leakedK  float64 // with the coupling leak: the shared coupling strength

	counts   [numReasons]uint64
	rejected Outcome // reused for rejections
}

// New returns a running coordinator for fabric f (already initialised) on
// simulator s. It takes its random streams from s: natural frequencies,
// initial phases, phase noise, broadcast losses and recruitment.
func New(s *sim.Sim, f *fabric.Fabric, cfg Config) (*Coordinator, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	c := &Coordinator{
		cfg:         cfg,
		sim:         s,
		minSalience: cfg.MinSalience,
		running:     true,
		phases:      s.Stream("esgt/phases"),
		noise:       s.StreamSource("esgt/noise"),
		broadcast:   s.Stream("esgt/broadcast"),
		recruitRng:  s.Stream("esgt/recruit"),
		tokens:      newTokenBucket(cfg.RateLimitHz),
		breaker:     breaker{threshold: cfg.BreakerThreshold, cooldown: cfg.BreakerCooldown, counting: cfg.BreakerCounting},
		leakedK:     cfg.Oscillator.Coupling,
		degraded:    newDegradedMode(cfg),
	}
	c.useFabric(f)
	return c, nil
}

// useFabric adopts f, drawing a natural frequency for each of its nodes.
func (c *Coordinator) useFabric(f *fabric.Fabric) {
	c.fab = f
	c.fabricGen++
	rng := c.sim.Stream(fmt.Sprintf("esgt/frequencies/%d", c.fabricGen))
	c.freqHz = kuramoto.DrawFrequencies(c.cfg.Oscillator, f.Nodes(), rng)
	c.busy = make([]*ignition, f.Nodes())
	c.local = make([]int32, f.Nodes())
	for i := range c.local {
		c.local[i] = -1
	}
}

// SetFabric replaces the fabric, as when it is destroyed and created again:
// in-flight ignitions end with Interrupted and every node gets a new natural
// frequency.
func (c *Coordinator) SetFabric(f *fabric.Fabric) {
	c.interruptAll()
	c.esgtRefs = 0
	c.useFabric(f)
}

// Fabric returns the fabric in use.
func (c *Coordinator) Fabric() *fabric.Fabric { return c.fab }

// Config returns the coordinator's configuration.
func (c *Coordinator) Config() Config { return c.cfg }

// SetArousalSource makes the arousal gate read a; nil restores the fixed
// configured arousal.
func (c *Coordinator) SetArousalSource(a ArousalSource) { c.arousal = a }

// SetCPUSource makes the resources gate read CPU capacity from src; nil
// restores the configured default.
func (c *Coordinator) SetCPUSource(src CPUSource) { c.cpu = src }

// MinSalience returns the current salience threshold.
func (c *Coordinator) MinSalience() float64 { return c.minSalience }

// SetMinSalience changes the salience threshold, as the arousal bridge does.
func (c *Coordinator) SetMinSalience(v float64) { c.minSalience = v }

// Arousal returns the arousal the gate would read now.
func (c *Coordinator) Arousal() float64 {
	if c.arousal != nil {
		return c.arousal.Arousal()
	}
	return c.cfg.FixedArousal
}

// Running reports whether the coordinator accepts requests.
func (c *Coordinator) Running() bool { return c.running }

// Stop makes the coordinator refuse requests with Stopped and ends every
// in-flight ignition with Interrupted. Its history is kept.
func (c *Coordinator) Stop() {
	c.running = false
	c.interruptAll()
}

// Start resumes accepting requests after Stop.
func (c *Coordinator) Start() { c.running = true }

// InFlight returns the number of ignitions in flight.
func (c *Coordinator) InFlight() int { return len(c.inFlight) }

// Degraded reports whether degraded mode is on now.
func (c *Coordinator) Degraded() bool { return c.degraded.active(c.sim.Now()) }

// BreakerOpen reports whether the circuit breaker is open or half-open.
func (c *Coordinator) BreakerOpen() bool { return c.breaker.state != breakerClosed }

// Coupling returns the coupling strength the next ignition starts from:
// the configured K, or what the coupling leak has left of it.
func (c *Coordinator) Coupling() float64 {
	if c.cfg.CouplingLeak {
		return c.leakedK
	}
	return c.cfg.Oscillator.Coupling
}

// Counts returns the number of outcomes so far for each reason, indexed by
// Reason.
func (c *Coordinator) Counts() [numReasons]uint64 { return c.counts }

// Requests returns the number of requests submitted so far.
func (c *Coordinator) Requests() uint64 { return c.nextID }

// Submit files request r at the current virtual time and returns its ID.
// A rejected request's outcome is reported before Submit returns.
func (c *Coordinator) Submit(r Request) uint64 {
	c.nextID++
	id, now, total := c.nextID, c.sim.Now(), r.Salience.Total()
	for _, fn := range c.on.requested {
		fn(id, now, total)
	}
	nodes, reason := c.gate(now, total)
	if reason != Success {
		c.rejected = Outcome{ID: id, Arrival: now, Done: now, Salience: total, Reason: reason}
		c.report(&c.rejected)
		return id
	}
	c.admit(id, now, total, r, nodes)
	return id
}

// report counts an outcome and hands it to the OnFinished callbacks.
func (c *Coordinator) report(o *Outcome) {
	c.counts[o.Reason]++
	for _, fn := range c.on.finished {
		fn(o)
	}
}

func (c *Coordinator) interruptAll() {
	for len(c.inFlight) > 0 {
		c.inFlight[0].finish(Interrupted)
	}
}
