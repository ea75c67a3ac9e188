package fabric

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/esgtsim/esgtsim/clock"
)

// Errors returned by a [Fabric]; wrapped errors add the offending values.
var (
	// ErrAlreadyInitialized is returned by a second [Fabric.Initialize].
	ErrAlreadyInitialized = errors.New("fabric: already initialized")
	// ErrNotInitialized is returned by fault methods before Initialize.
	ErrNotInitialized = errors.New("fabric: not initialized")
	// ErrNoNode reports a node id outside [0, Nodes()).
	ErrNoNode = errors.New("fabric: no such node")
	// ErrNoLink reports a pair of nodes with no link between them.
	ErrNoLink = errors.New("fabric: no such link")
)

// Fabric is a TIG fabric: nodes with states and links with attributes, on
// an immutable topology built by [Fabric.Initialize]. A Fabric is not safe
// for concurrent use.
type Fabric struct {
	cfg         Config
	n           int
	initialized bool
	esgt        bool
	version     uint64
	topology    uint64 // see TopologyVersion

	g           csr
	links       []linkRecord
	weights     linkWeights
	baseLatency []clock.Duration // latency as generated, restored by HealLink
	state       []NodeState
	healthy     int

	bc          broadcastScratch
	onBroadcast func(reached []bool) // see OnBroadcast
	bypass      bypassLinks          // added by the health loop's repair

	// Link aggregates cached for the current topology version (they do
	// not depend on the weights): the coordinator asks for the mean latency
	// on every request.
	aggVersion uint64
	aggValid   bool
	aggLatency clock.Duration
	aggLoss    float64
}

// New returns a fabric of cfg.Nodes nodes, all Initializing and without
// links, or the error of cfg.Validate.
func New(cfg Config) (*Fabric, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Fabric{cfg: cfg, n: cfg.Nodes, state: make([]NodeState, cfg.Nodes)}, nil
}

// Config returns the fabric's configuration.
func (f *Fabric) Config() Config { return f.cfg }

// Initialize is InitializeContext without a context: it always runs to
// the end.
func (f *Fabric) Initialize(rng *rand.Rand) error {
	return f.InitializeContext(context.Background(), rng)
}

// InitializeContext generates the topology and the link attributes from rng
// (docs/model.md §1: Barabási–Albert, then two triadic-closure passes, then each link's
// latency and bandwidth in link-id order) and marks every node Active. The
// same configuration and rng state give the same fabric, bit for bit. A
// second call returns [ErrAlreadyInitialized] and changes nothing; a nil rng
// is an error too. When ctx is done before the generation ends (it takes
// seconds above 10,000 nodes), it returns ctx's error soon after and the
// fabric stays uninitialized.
func (f *Fabric) InitializeContext(ctx context.Context, rng *rand.Rand) (err error) {
	if f.initialized {
		return ErrAlreadyInitialized
	}
	if rng == nil {
		return errors.New("fabric: Initialize needs a random stream, got nil")
	}
	defer recoverCancellation(&err)
	stop := newStopper(ctx)
	f.build(generate(f.cfg, rng, stop), rng, stop)
	return nil
}

// build installs the topology given by adjacency lists, draws each link's
// attributes from rng in link-id order and activates every node.
func (f *Fabric) build(adj [][]int32, rng *rand.Rand, stop *stopper) {
	g, edges := newCSR(adj)
	f.g = g
	f.links = make([]linkRecord, len(edges))
	f.weights = uniform(1)
	f.baseLatency = make([]clock.Duration, len(edges))
	span := int64(f.cfg.LatencyMax-f.cfg.LatencyMin) + 1
	for id, e := range edges {
		if id%4096 == 0 {
			stop.poll()
		}
		lat := f.cfg.LatencyMin + clock.Duration(rng.Int64N(span))
		bw := f.cfg.BandwidthsGbps[rng.IntN(len(f.cfg.BandwidthsGbps))]
		f.baseLatency[id] = lat
		f.links[id] = linkRecord{
			A: int(e[0]), B: int(e[1]),
			Latency: lat, BandwidthGbps: bw, PacketLoss: f.cfg.PacketLoss,
			Active: true,
		}
	}
	for i := range f.state {
		f.state[i] = Active
	}
	f.healthy = f.n
	f.initialized = true
	f.reshaped()
}

// Initialized reports whether Initialize has built the fabric.
func (f *Fabric) Initialized() bool { return f.initialized }

// Nodes returns the number of nodes.
func (f *Fabric) Nodes() int { return f.n }

// Neighbors returns i's neighbours in ascending order, over every link
// whatever its state or its ends' states. The slice is a read-only view of
// the fabric's storage; it is nil before Initialize. It panics if i is out
// of range.
func (f *Fabric) Neighbors(i int) []int32 {
	f.checkNode(i)
	if !f.initialized {
		return nil
	}
	lo, hi := f.g.off[i], f.g.off[i+1]
	return f.g.nbr[lo:hi:hi]
}

// LinkIDs returns, parallel to Neighbors(i), the link id of each
// adjacency. The slice is read-only. It panics if i is out of range.
func (f *Fabric) LinkIDs(i int) []int32 {
	f.checkNode(i)
	if !f.initialized {
		return nil
	}
	lo, hi := f.g.off[i], f.g.off[i+1]
	return f.g.lid[lo:hi:hi]
}

// NumLinks returns the number of links (0 before Initialize).
func (f *Fabric) NumLinks() int { return len(f.links) }

// Link returns a copy of link id, 0 <= id < NumLinks(); it panics
// otherwise.
func (f *Fabric) Link(id int) Link {
	l := &f.links[id]
	return Link{
		A: l.A, B: l.B, Latency: l.Latency, BandwidthGbps: l.BandwidthGbps,
		PacketLoss: l.PacketLoss, Weight: f.weights.of(id), Active: l.Active,
	}
}

// LinkActive reports whether link id is up, as Link(id).Active, without
// copying the link: the per-edge loops of an ignition call it.
func (f *Fabric) LinkActive(id int) bool { return f.links[id].Active }

// LinkWeight returns Link(id).Weight without copying the link.
func (f *Fabric) LinkWeight(id int) float64 {
	_ = f.links[id] // the range check Link makes
	return f.weights.of(id)
}

// LinkBetween returns the id of the link between a and b, or
// [ErrNoNode] / [ErrNoLink].
func (f *Fabric) LinkBetween(a, b int) (int, error) {
	if err := f.nodeErr(a); err != nil {
		return 0, err
	}
	if err := f.nodeErr(b); err != nil {
		return 0, err
	}
	if f.initialized {
		if s := f.g.slot(int32(a), int32(b)); s >= 0 {
			return int(f.g.lid[s]), nil
		}
	}
	return 0, fmt.Errorf("%w between %d and %d", ErrNoLink, a, b)
}

// Edges returns every link as a pair of node ids {A, B}, A < B, in link-id
// order.
func (f *Fabric) Edges() [][2]int {
	out := make([][2]int, len(f.links))
	for id, l := range f.links {
		out[id] = [2]int{l.A, l.B}
	}
	return out
}

// State returns node i's state. It panics if i is out of range.
func (f *Fabric) State(i int) NodeState { return f.state[i] }

// Healthy reports whether node i is Active or ESGTMode. It panics if i is
// out of range.
func (f *Fabric) Healthy(i int) bool { return f.state[i].healthy() }

// HealthyCount returns the number of healthy nodes, in O(1).
func (f *Fabric) HealthyCount() int { return f.healthy }

// Version returns a counter that increases on every change of the
// topology, a link's weight or attributes, or a node's state. Callers cache
// derived values (metrics, recruitable nodes) under it.
func (f *Fabric) Version() uint64 { return f.version }

// TopologyVersion returns a counter that increases on every change
// [Fabric.Version] counts except entering and leaving ESGT mode: a change
// of a node's health, of a link's state or attributes, or a bypass link.
// (ESGT mode moves nodes between Active and ESGTMode, both healthy, and
// scales the weights; it counts here only if a weight crosses the
// broadcast's threshold.) Callers keep what depends on the live graph,
// not on the weights, under it.
func (f *Fabric) TopologyVersion() uint64 { return f.topology }

// reshaped records a change counted by both Version and TopologyVersion.
func (f *Fabric) reshaped() {
	f.version++
	f.topology++
}

// UniformLinkWeight returns the weight of every link and true when the
// links are known to weigh the same (as generated, and through ESGT mode),
// or false otherwise, and for a fabric without links.
func (f *Fabric) UniformLinkWeight() (float64, bool) {
	if f.weights.each != nil || len(f.links) == 0 {
		return 0, false
	}
	return f.weights.all, true
}

// nodeErr returns an [ErrNoNode] error unless 0 <= i < Nodes().
func (f *Fabric) nodeErr(i int) error {
	if i < 0 || i >= f.n {
		return fmt.Errorf("%w: %d not in [0, %d)", ErrNoNode, i, f.n)
	}
	return nil
}

// checkNode panics with a clear message unless 0 <= i < Nodes().
func (f *Fabric) checkNode(i int) {
	if err := f.nodeErr(i); err != nil {
		panic(err.Error())
	}
}

// usable reports whether link id can carry traffic: active, between two
// healthy nodes.
func (f *Fabric) usable(id int) bool {
	l := &f.links[id]
	return l.Active && f.state[l.A].healthy() && f.state[l.B].healthy()
}

// MeanLinkLatency returns the mean latency of the active links between
// healthy nodes, rounded to the nearest nanosecond, or 0 if there are none.
func (f *Fabric) MeanLinkLatency() clock.Duration {
	f.aggregate()
	return f.aggLatency
}

// aggregate recomputes the cached link aggregates if the fabric changed
// since they were computed. O(links) after a change, O(1) otherwise.
func (f *Fabric) aggregate() {
	if f.aggValid && f.aggVersion == f.topology {
		return
	}
	var sum, count int64
	var loss float64
	for id := range f.links {
		if f.usable(id) {
			sum += int64(f.links[id].Latency)
			count++
			loss += f.links[id].PacketLoss
		} else {
			loss++
		}
	}
	f.aggLatency, f.aggLoss = 0, 0
	if count > 0 {
		f.aggLatency = clock.Duration((sum + count/2) / count)
	}
	if len(f.links) > 0 {
		f.aggLoss = loss / float64(len(f.links))
	}
	f.aggVersion, f.aggValid = f.topology, true
}

// LossFraction returns, for the needs monitor, the expected fraction of
// traffic lost over all links: each link counts 1 if it cannot carry
// traffic (inactive, or an end not healthy) and its packet loss otherwise;
// the result is their mean, in [0, 1], and 0 for a fabric with no links.
func (f *Fabric) LossFraction() float64 {
	f.aggregate()
	return f.aggLoss
}
