package fabric

import (
	"math"
	"math/rand/v2"

	"github.com/esgtsim/esgtsim/clock"
)

// BroadcastResult is the outcome of one [Fabric.Broadcast].
type BroadcastResult struct {
	// Reached counts the nodes the content reached, the source included.
	Reached int
	// Duration is the virtual time from the source sending to the last
	// node reached receiving.
	Duration clock.Duration
}

// Broadcast floods content from src over the fabric in virtual time and
// reports how many nodes it reached and how long that took.
//
// The source sends at time 0; a node first reached at time t forwards the
// content once to every neighbour not yet reached, over each active link of
// weight > 0.1 to a healthy node and over each bypass link the health
// loop's repair added (lossless, see [Fabric.Bypass]). The copy sent over
// link l arrives at
// t + l.Latency + HopProcessing, unless it is lost, which happens with
// probability l.PacketLoss, one draw from rng per copy sent over a lossy
// link. rng may be nil when no link is lossy; Broadcast panics if it needs
// a draw and rng is nil. A node is reached by its
// earliest arriving copy. Equal arrival times are settled in node-id order,
// so the result is a function of the fabric and rng's state.
//
// If src is out of range or not healthy, nothing is sent and Reached is 0.
// Otherwise the listener [Fabric.OnBroadcast] registered, if any, is told
// which nodes the flood reached, a repeated one included.
// After the first call Broadcast allocates nothing; it costs
// O((n + links)·log n), and O(1) when it repeats the previous flood: the
// same source on the same [Fabric.TopologyVersion], the previous flood
// having drawn nothing from rng (so that it is a function of the fabric
// alone, and this one would draw nothing either).
func (f *Fabric) Broadcast(src int, rng *rand.Rand) BroadcastResult {
	if src < 0 || src >= f.n || !f.state[src].healthy() {
		return BroadcastResult{}
	}
	b := &f.bc
	if !b.repeats(src, f.topology) {
		res, drew := f.flood(src, rng)
		b.remember(src, f.topology, res, drew)
	}
	if f.onBroadcast != nil {
		f.onBroadcast(b.done)
	}
	return b.last
}

// OnBroadcast registers fn to run at the end of every [Fabric.Broadcast]
// that sends, with reached[i] true for every node i the flood reached;
// fn must neither keep nor modify reached. It replaces the previous
// listener; nil removes it.
func (f *Fabric) OnBroadcast(fn func(reached []bool)) { f.onBroadcast = fn }

// flood is Broadcast's computation; it reports whether it drew from rng.
func (f *Fabric) flood(src int, rng *rand.Rand) (res BroadcastResult, drew bool) {
	b := &f.bc
	b.reset(f.n, len(f.g.nbr)+2*len(f.bypass.set))
	hop := f.cfg.HopProcessing
	b.arrival[src] = 0
	b.push(0, int32(src))
	for len(b.heap) > 0 {
		it := b.pop()
		u := it.node
		if b.done[u] {
			continue
		}
		b.done[u] = true
		res.Reached++
		res.Duration = it.at
		for s := f.g.off[u]; s < f.g.off[u+1]; s++ {
			v := f.g.nbr[s]
			if b.done[v] || !f.state[v].healthy() {
				continue
			}
			id := int(f.g.lid[s])
			l := &f.links[id]
			if !l.Active || !carries(f.weights.of(id)) {
				continue
			}
			if l.PacketLoss > 0 {
				drew = true
				if lost(rng, l.PacketLoss) {
					continue
				}
			}
			if at := it.at + l.Latency + hop; at < b.arrival[v] {
				b.arrival[v] = at
				b.push(at, v)
			}
		}
		lat := f.bypass.latencies(int(u))
		for k, v := range f.bypass.of(int(u)) {
			if at := it.at + lat[k] + hop; !b.done[v] && f.state[v].healthy() && at < b.arrival[v] {
				b.arrival[v] = at
				b.push(at, v)
			}
		}
	}
	return res, drew
}

// lost draws whether a copy sent over a link with packet loss p is lost.
func lost(rng *rand.Rand, p float64) bool {
	if rng == nil {
		panic("fabric: Broadcast over a lossy link needs a random stream, got nil")
	}
	return rng.Float64() < p
}

// broadcastScratch holds Broadcast's buffers between calls, and the
// previous flood: done marks the nodes it reached.
type broadcastScratch struct {
	arrival []clock.Duration
	done    []bool
	heap    []arrival

	last         BroadcastResult
	lastSrc      int
	lastTopology uint64
	lastValid    bool // last drew nothing: a function of lastSrc and lastTopology
}

// repeats reports whether a flood from src on topology version topology
// would repeat the previous one.
func (b *broadcastScratch) repeats(src int, topology uint64) bool {
	return b.lastValid && b.lastSrc == src && b.lastTopology == topology
}

// remember records a flood from src on topology version topology.
func (b *broadcastScratch) remember(src int, topology uint64, res BroadcastResult, drew bool) {
	b.last, b.lastSrc, b.lastTopology, b.lastValid = res, src, topology, !drew
}

// arrival is a pending delivery, ordered by (at, node).
type arrival struct {
	at   clock.Duration
	node int32
}

func (a arrival) less(b arrival) bool {
	return a.at < b.at || (a.at == b.at && a.node < b.node)
}

// reset sizes the buffers for n nodes and slots adjacency slots: at most
// one push per successful relaxation, so the heap never outgrows
// slots + 1 and never reallocates.
func (b *broadcastScratch) reset(n, slots int) {
	if len(b.arrival) != n {
		b.arrival = make([]clock.Duration, n)
		b.done = make([]bool, n)
	}
	if cap(b.heap) < slots+1 {
		b.heap = make([]arrival, 0, slots+1)
	}
	for i := range b.arrival {
		b.arrival[i] = math.MaxInt64
		b.done[i] = false
	}
	b.heap = b.heap[:0]
}

func (b *broadcastScratch) push(at clock.Duration, v int32) {
	h := append(b.heap, arrival{at, v})
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !h[i].less(h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	b.heap = h
}

func (b *broadcastScratch) pop() arrival {
	h := b.heap
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		c := 2*i + 1
		if c >= len(h) {
			break
		}
		if c+1 < len(h) && h[c+1].less(h[c]) {
			c++
		}
		if !h[c].less(h[i]) {
			break
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
	b.heap = h
	return top
}
