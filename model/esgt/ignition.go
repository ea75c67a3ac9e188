package esgt

import (
	"math"
	"slices"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/kuramoto"
	"github.com/esgtsim/esgtsim/sim"
)

// ignition is one admitted request on its way through the five phases.
// Ignitions are pooled; their callbacks are bound once, so running one
// allocates nothing once the pool and buffers have grown.
type ignition struct {
	c     *Coordinator
	out   Outcome
	nodes []int32 // fabric nodes owned, in network order
	freq  []float64
	saved []float64 // phases kept across a rebuild

	graph  kuramoto.Graph
	links  []int32 // fabric link of each directed edge of graph, or bypassID of its far end
	bypass bool    // some edge of graph is a bypass link
	net    *kuramoto.Network
	dyn    kuramoto.Dynamics
	// built reports that graph's rows are those of nodes on the fabric of
	// generation fabricGen (see Coordinator.useFabric) at its topology
	// version topology.
	built     bool
	fabricGen int
	topology  uint64

	phase      Phase
	phaseStart clock.Time
	syncStart  clock.Time
	sustain    clock.Duration
	version    uint64 // fabric version the network was built for
	inESGTMode bool

	stepEv, phaseEv sim.EventID
	stepFn, phaseFn func()
}

// admit starts an ignition for an admitted request.
func (c *Coordinator) admit(id uint64, now clock.Time, total float64, r Request, nodes []int32) {
	ig := c.newIgnition()
	ig.out = Outcome{ID: id, Arrival: now, Salience: total, Nodes: len(nodes)}
	// A pooled ignition keeps its last nodes, in order: the same nodes may
	// reuse its graph's rows.
	ig.built = ig.built && slices.Equal(ig.nodes, nodes)
	ig.nodes = append(ig.nodes[:0], nodes...)
	slices.Sort(ig.nodes) // network order follows fabric ids; see build
	for _, v := range ig.nodes {
		c.busy[v] = ig
	}
	ig.sustain = c.cfg.SustainDuration
	if r.Sustain > 0 {
		ig.sustain = r.Sustain
	}
	c.inFlight = append(c.inFlight, ig)
	if c.cfg.TokenCharge == ChargeAdmitted {
		c.tokens.take()
	}
	c.starts = append(c.starts, now)
	c.breaker.admitted()
	gap := clock.Duration(-1)
	if c.hasEnded {
		gap = now.Sub(c.lastEnd)
	}
	for _, fn := range c.on.admitted {
		fn(id, now, gap)
	}
	ig.enter(Prepare, now)
	ig.phaseEv = c.sim.After(c.cfg.PrepareCost, ig.phaseFn)
}

func (c *Coordinator) newIgnition() *ignition {
	if n := len(c.pool); n > 0 {
		ig := c.pool[n-1]
		c.pool = c.pool[:n-1]
		return ig
	}
	ig := &ignition{c: c}
	ig.stepFn, ig.phaseFn = ig.step, ig.nextPhase
	return ig
}

// enter moves the ignition into phase p at now, accounting the time spent
// in the previous phase.
func (ig *ignition) enter(p Phase, now clock.Time) {
	if p != Prepare {
		ig.out.PhaseTime[ig.phase] += now.Sub(ig.phaseStart)
	}
	ig.phase, ig.phaseStart = p, now
	for _, fn := range ig.c.on.phase {
		fn(ig.out.ID, now, p)
	}
}

// nextPhase ends the current timed phase.
func (ig *ignition) nextPhase() {
	now := ig.c.sim.Now()
	switch ig.phase {
	case Prepare:
		ig.synchronize(now)
	case Broadcast:
		ig.enter(Sustain, now)
		ig.phaseEv = ig.c.sim.After(ig.sustain, ig.phaseFn)
	case Sustain:
		ig.enter(Dissolve, now)
		ig.dissolveCoupling()
		ig.phaseEv = ig.c.sim.After(ig.c.cfg.DissolveDuration, ig.phaseFn)
	case Dissolve:
		ig.finish(Success)
	}
}

// synchronize builds the oscillator network of the recruited sub-graph and
// starts integrating it from fresh random phases.
func (ig *ignition) synchronize(now clock.Time) {
	c := ig.c
	ig.enter(Synchronize, now)
	ig.syncStart = now
	switch {
	case ig.net == nil:
		ig.build()
		net, err := kuramoto.NewNetwork(&ig.graph, c.cfg.Oscillator, c.noise)
		if err != nil {
			panic("esgt: " + err.Error()) // unreachable: the config was validated
		}
		ig.net = net
	case ig.rowsCurrent():
		ig.net.Restart()
		ig.reweigh()
	default:
		ig.build()
		ig.net.Reset(&ig.graph)
	}
	if c.cfg.CouplingLeak {
		ig.net.SetCoupling(c.leakedK)
	}
	ig.net.SetFrequenciesHz(ig.freq)
	ig.net.RandomizePhases(c.phases)
	every := c.cfg.SampleEvery
	if every == 0 {
		every = c.cfg.Oscillator.Step
	}
	ig.dyn.Reset(now, c.cfg.TargetCoherence, every, c.cfg.KeepHistory)
	r := ig.net.Coherence()
	ig.dyn.Observe(now, r)
	if r >= c.cfg.TargetCoherence && !c.cfg.SyncToTimeout {
		ig.synced(now)
	}
	ig.stepEv = c.sim.After(c.cfg.Oscillator.Step, ig.stepFn)
}

// rowsCurrent reports whether the graph's rows are those build would
// make now: built for the same nodes on the same fabric topology. If so it
// sets the frequencies as build would; the weights are the caller's to
// refresh (reweigh).
func (ig *ignition) rowsCurrent() bool {
	f := ig.c.fab
	if !ig.built || ig.fabricGen != ig.c.fabricGen || ig.topology != f.TopologyVersion() {
		return false
	}
	ig.setFrequencies()
	ig.version = f.Version()
	return true
}

// setFrequencies sets the natural frequencies of the owned nodes.
func (ig *ignition) setFrequencies() {
	ig.freq = ig.freq[:0]
	for _, u := range ig.nodes {
		ig.freq = append(ig.freq, ig.c.freqHz[u])
	}
}

// build makes the oscillator graph of the owned nodes: the sub-graph they
// induce over active links, weighted by the links' current weights, with
// their natural frequencies. The nodes are in ascending fabric id and each
// fabric adjacency list is sorted, so the rows come out sorted without a
// sort.
func (ig *ignition) build() {
	c, f := ig.c, ig.c.fab
	for k, v := range ig.nodes {
		c.local[v] = int32(k)
	}
	ig.graph.Reset()
	ig.links = ig.links[:0]
	ig.bypass = false
	ig.setFrequencies()
	for _, u := range ig.nodes {
		nb, links := f.Neighbors(int(u)), f.LinkIDs(int(u))
		for e, v := range nb {
			if c.local[v] < 0 {
				continue
			}
			if id := int(links[e]); f.LinkActive(id) {
				ig.graph.AddEdge(c.local[v], c.couplingWeight(f.LinkWeight(id)))
				ig.links = append(ig.links, links[e])
			}
		}
		for _, v := range f.Bypass(int(u)) {
			if c.local[v] >= 0 {
				ig.graph.AddEdge(c.local[v], c.couplingWeight(f.BypassWeight()))
				ig.links = append(ig.links, bypassID(v))
				ig.bypass = true
			}
		}
		ig.graph.EndRow()
	}
	for _, v := range ig.nodes {
		c.local[v] = -1
	}
	ig.version, ig.topology = f.Version(), f.TopologyVersion()
	ig.built, ig.fabricGen = true, c.fabricGen
}

// step advances the oscillators by one integration step and checks for
// synchronisation or its timeout.
func (ig *ignition) step() {
	c := ig.c
	now := c.sim.Now()
	if c.fab.Version() != ig.version && !ig.refresh() {
		ig.finish(NodesLost)
		return
	}
	ig.net.Step()
	r := ig.net.Coherence()
	ig.dyn.Observe(now, r)
	if ig.phase == Synchronize {
		timedOut := now.Sub(ig.syncStart) >= c.cfg.SyncTimeout
		reached := r >= c.cfg.TargetCoherence
		switch {
		case reached && (timedOut || !c.cfg.SyncToTimeout):
			ig.synced(now)
		case timedOut:
			ig.finish(SyncTimeout)
			return
		}
	}
	ig.stepEv = c.sim.After(c.cfg.Oscillator.Step, ig.stepFn)
}

// refresh follows a change of the fabric (weights, link or node state).
// When the fabric's topology version is unchanged (ESGT mode, twice per
// ignition), or every participant is still healthy and every link among
// them still active, only the weights change;
// otherwise the network is rebuilt without the failed nodes, keeping the
// phases of the others, whose nodes are released. It reports false when
// fewer than min_available_nodes remain.
func (ig *ignition) refresh() bool {
	c, f := ig.c, ig.c.fab
	if ig.topology == f.TopologyVersion() || ig.sameEdges() {
		ig.reweigh()
		ig.version, ig.topology = f.Version(), f.TopologyVersion()
		return true
	}
	phases := ig.net.Phases()
	ig.saved = ig.saved[:0]
	kept := ig.nodes[:0]
	for k, v := range ig.nodes {
		if f.Healthy(int(v)) {
			kept = append(kept, v)
			ig.saved = append(ig.saved, phases[k])
		} else {
			c.busy[v] = nil
		}
	}
	ig.nodes, ig.built = kept, false
	if len(kept) < c.cfg.MinAvailableNodes {
		return false
	}
	coupling := ig.net.Coupling()
	ig.build()
	ig.net.Reset(&ig.graph)
	ig.net.SetFrequenciesHz(ig.freq)
	ig.net.SetPhases(ig.saved)
	ig.net.SetCoupling(coupling)
	return true
}

// sameEdges reports whether the fabric change left every participant
// healthy and the same links active among them (it walks the adjacency
// exactly as build does).
func (ig *ignition) sameEdges() bool {
	c, f := ig.c, ig.c.fab
	for k, v := range ig.nodes {
		if !f.Healthy(int(v)) {
			return false
		}
		c.local[v] = int32(k)
	}
	defer func() {
		for _, v := range ig.nodes {
			c.local[v] = -1
		}
	}()
	e := 0
	for _, u := range ig.nodes {
		nb, links := f.Neighbors(int(u)), f.LinkIDs(int(u))
		for k, v := range nb {
			if c.local[v] < 0 || !f.LinkActive(int(links[k])) {
				continue
			}
			if e == len(ig.links) || ig.links[e] != links[k] {
				return false
			}
			e++
		}
		for _, v := range f.Bypass(int(u)) {
			if c.local[v] < 0 {
				continue
			}
			if e == len(ig.links) || ig.links[e] != bypassID(v) {
				return false
			}
			e++
		}
	}
	return e == len(ig.links)
}

// reweigh sets each edge's weight in the network to the coupling weight
// of its link, all at once when they are known to be equal.
func (ig *ignition) reweigh() {
	c, f := ig.c, ig.c.fab
	if w, ok := ig.uniformWeight(); ok {
		ig.net.SetUniformWeight(w)
		return
	}
	for e, id := range ig.links {
		w := f.BypassWeight()
		if id >= 0 {
			w = f.LinkWeight(int(id))
		}
		ig.graph.Weights[e] = c.couplingWeight(w)
	}
	ig.net.WeightsChanged()
}

// uniformWeight returns the coupling weight of every edge and true when
// the fabric knows them to be equal.
func (ig *ignition) uniformWeight() (float64, bool) {
	c, f := ig.c, ig.c.fab
	if !c.cfg.ESGTWeightsInCoupling {
		return 1, true
	}
	w, ok := f.UniformLinkWeight()
	if ok && ig.bypass && math.Float64bits(f.BypassWeight()) != math.Float64bits(w) {
		return 0, false
	}
	return w, ok
}

// synced ends SYNCHRONIZE successfully at now and starts BROADCAST: the
// fabric enters ESGT mode (if no other ignition holds it there) and the
// content floods it, taking the flood's virtual time.
func (ig *ignition) synced(now clock.Time) {
	c := ig.c
	ig.out.Synced = true
	_, ig.out.TimeToSync = ig.dyn.Synced()
	ig.enter(Broadcast, now)
	if c.esgtRefs == 0 {
		c.fab.EnterESGTMode()
	}
	c.esgtRefs++
	ig.inESGTMode = true
	res := c.fab.Broadcast(int(ig.nodes[0]), c.broadcast)
	ig.out.Reached = res.Reached
	ig.phaseEv = c.sim.After(res.Duration, ig.phaseFn)
}

// finish ends the ignition with reason at the current time: it stops the
// oscillators, releases the nodes and the fabric's ESGT mode, updates the
// temporal gate and the hardening, and reports the outcome.
func (ig *ignition) finish(reason Reason) {
	c := ig.c
	now := c.sim.Now()
	c.sim.Cancel(ig.stepEv)
	c.sim.Cancel(ig.phaseEv)
	ig.out.PhaseTime[ig.phase] += now.Sub(ig.phaseStart)
	ig.out.Done, ig.out.Reason = now, reason
	for _, v := range ig.nodes {
		if c.busy[v] == ig {
			c.busy[v] = nil
		}
	}
	if ig.inESGTMode {
		ig.inESGTMode = false
		if c.esgtRefs--; c.esgtRefs == 0 {
			c.fab.ExitESGTMode()
		}
	}
	if i := slices.Index(c.inFlight, ig); i >= 0 {
		c.inFlight = slices.Delete(c.inFlight, i, i+1)
	}
	attempted := ig.phase != Prepare
	if attempted {
		ig.out.PeakR, ig.out.FinalR = ig.dyn.Peak(), ig.dyn.Last()
		ig.out.TimeAbove, ig.out.Dissolve = ig.dyn.TimeAbove(), ig.dyn.DissolutionRate()
		ig.out.History = ig.dyn.History()
	}
	if reason == Success {
		c.lastEnd, c.hasEnded = now, true
	}
	if !c.cfg.BreakerNeverFed {
		switch reason {
		case Success:
			c.breaker.result(now, true)
		case SyncTimeout, NodesLost:
			c.breaker.result(now, false)
		default: // Interrupted: not the ignition's fault
			c.breaker.abandoned()
		}
	}
	if attempted && reason != Interrupted {
		c.degraded.observe(now, ig.out.PeakR)
	}
	c.report(&ig.out)
	ig.out.History = nil
	c.pool = append(c.pool, ig)
}

// dissolveCoupling weakens the coupling for DISSOLVE: by DissolveCoupling
// for this ignition only, or, with the coupling leak, by DissolveCoupling
// once per oscillator on the strength every later ignition starts from, as
// the original's loop over a shared config did.
func (ig *ignition) dissolveCoupling() {
	c := ig.c
	if !c.cfg.CouplingLeak {
		ig.net.SetCoupling(float64(ig.net.Coupling() * c.cfg.DissolveCoupling))
		return
	}
	for range ig.net.Size() {
		c.leakedK = float64(c.leakedK * c.cfg.DissolveCoupling)
	}
	ig.net.SetCoupling(c.leakedK)
}

// couplingWeight is the weight a link of weight w has in the coupling.
func (c *Coordinator) couplingWeight(w float64) float64 {
	if !c.cfg.ESGTWeightsInCoupling {
		return 1
	}
	return w
}

// bypassID marks, in an ignition's links, an edge over a bypass link of
// the health loop's repair to node v: negative, so never a link id, and
// unique within a row.
func bypassID(v int32) int32 { return -1 - v }
