package kuramoto

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// ParallelMinWork is the size, in work units (directed edges plus
// [rowWork] per node), from which a step is spread over several
// goroutines. Handing a sweep to a helper costs about a microsecond when
// the helper is still spinning from the last sweep, and tens when it has
// to be woken, twice per Euler step, so a step must be long enough to pay
// for it: at this size an Euler step takes about 50 µs on one core of the
// reference machine. The 1,000-node fabric (about 70,000 units) stays on
// one goroutine, the 3,162-node one (226,000) does not.
const ParallelMinWork = 1 << 17

// rowWork is the cost of a row beyond its edges (the derivative's
// arithmetic, the phase update and one sine and cosine), in edges.
const rowWork = 24

// blockWork is the target size of a block of rows, in work units: large
// enough that taking a block costs nothing, small enough to balance the
// workers.
const blockWork = 1 << 13

// parallel splits a network's sweeps into blocks of consecutive rows and
// runs them on the calling goroutine and on helper goroutines. The blocks
// depend only on the graph, and a row is always computed whole by one
// goroutine from the previous state, so the result is the same bit for
// bit whatever the number of workers or GOMAXPROCS.
//
// The caller never waits for a helper to start: it takes blocks itself
// until none is left, then waits only for the blocks helpers have taken.
// A helper that arrives late finds the phase over and leaves, so helpers
// only ever speed a step up.
type parallel struct {
	net     *Network
	workers int     // 0: GOMAXPROCS
	bounds  []int32 // block b is rows [bounds[b], bounds[b+1])
	updates bool    // whether the blocks being handed out are updates

	// claim holds the phase's generation (high 32 bits) and the next
	// block to take (low 32 bits): a helper handed an older generation
	// can take nothing. On its own cache line, apart from the read-only
	// fields above and from done.
	_     [64]byte
	claim atomic.Uint64
	_     [56]byte
	done  atomic.Int32 // blocks of the current phase finished
	_     [60]byte
}

func (p *parallel) init(n *Network) { p.net = n }

// SetWorkers sets how many goroutines share a step of a network above
// [ParallelMinWork], the calling one included; w <= 0 means GOMAXPROCS (the
// default). It changes no result.
func (n *Network) SetWorkers(w int) { n.par.workers = max(w, 0) }

// partition cuts g's rows into blocks of about blockWork units; a graph
// below ParallelMinWork gets a single block.
func (p *parallel) partition(g *Graph) {
	rows := g.Nodes()
	p.bounds = append(p.bounds[:0], 0)
	if g.Edges()+rowWork*rows < ParallelMinWork {
		p.bounds = append(p.bounds, int32(rows))
		return
	}
	work := 0
	for i := range rows {
		work += g.Degree(i) + rowWork
		if work >= blockWork || i == rows-1 {
			p.bounds = append(p.bounds, int32(i+1))
			work = 0
		}
	}
}

// run performs the network's current sweep over its rows: every
// derivative, then every update. With noise, the calling goroutine draws
// the step's noise increments while the helpers start on the derivatives.
func (p *parallel) run(noise bool) {
	n, rows := p.net, len(p.net.theta)
	w := min(p.workers, len(p.bounds)-1)
	if p.workers == 0 && len(p.bounds) > 2 {
		// Only a network with several blocks asks: GOMAXPROCS takes the
		// scheduler's lock, a noticeable cost on every step of a small one.
		w = min(runtime.GOMAXPROCS(0), len(p.bounds)-1)
	}
	if w <= 1 {
		n.derive(0, rows)
		if noise {
			n.drawNoise()
		}
		n.update(0, rows)
		return
	}
	p.fork(w, false)
	if noise {
		n.drawNoise()
	}
	p.join()
	p.fork(w, true)
	p.join()
}

// fork opens the next phase and offers it to w−1 helpers.
func (p *parallel) fork(w int, updates bool) {
	p.updates = updates
	p.done.Store(0)
	gen := p.claim.Load()>>32 + 1
	p.claim.Store(gen << 32) // publishes updates and done
	crew.offer(p, w-1)
}

// join works alongside the helpers until every block of the phase is done.
func (p *parallel) join() {
	p.work()
	for int(p.done.Load()) < len(p.bounds)-1 {
		runtime.Gosched() // a helper is finishing its last block
	}
}

// work takes blocks of the current phase until none is left.
func (p *parallel) work() {
	blocks := uint64(len(p.bounds) - 1)
	gen := uint32(p.claim.Load() >> 32)
	for {
		c := p.claim.Load()
		if uint32(c>>32) != gen || c&(1<<32-1) >= blocks {
			return
		}
		if !p.claim.CompareAndSwap(c, c+1) {
			continue
		}
		b := int(c & (1<<32 - 1))
		lo, hi := int(p.bounds[b]), int(p.bounds[b+1])
		if p.updates {
			p.net.update(lo, hi)
		} else {
			p.net.derive(lo, hi)
		}
		p.done.Add(1)
	}
}

// spinRounds is how long an idle helper keeps watching for the next phase
// before it sleeps, in rounds of 64 checks and a yield to the scheduler
// (roughly 50 µs on the reference machine): a step's two phases, and the
// steps of an ignition, follow each other within microseconds, and waking
// a sleeping goroutine takes tens of them. It is a count, not a duration,
// so the model reads no wall clock.
const spinRounds = 256

// helperPool is the package's pool of helper goroutines, shared by all
// networks. Helpers are started on first need, as many as the widest step
// asked for. An idle helper watches the latest offer for a while, then
// sleeps on a channel; an offer goes to the watching helpers, and wakes
// sleeping ones for the rest.
type helperPool struct {
	mu       sync.Mutex
	started  atomic.Int32
	watching atomic.Int32
	latest   atomic.Pointer[parallel]
	offers   atomic.Uint64 // how many offers were posted
	wake     chan *parallel
}

var crew = helperPool{wake: make(chan *parallel, 256)}

// offer posts p's current phase and makes sure that about n helpers will
// see it.
func (h *helperPool) offer(p *parallel, n int) {
	h.ensure(n)
	h.latest.Store(p)
	h.offers.Add(1)
	for range n - int(h.watching.Load()) {
		select {
		case h.wake <- p:
		default:
			return
		}
	}
}

// ensure starts helpers until there are at least n.
func (h *helperPool) ensure(n int) {
	if int(h.started.Load()) >= n {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for int(h.started.Load()) < n {
		h.started.Add(1)
		go h.serve()
	}
}

func (h *helperPool) serve() {
	seen := h.offers.Load()
	for {
		p := h.watch(&seen)
		if p == nil {
			p = <-h.wake
		}
		p.work()
	}
}

// watch returns the network of the first offer after the seen-th posted
// within spinRounds, or nil, and updates seen.
func (h *helperPool) watch(seen *uint64) *parallel {
	if runtime.GOMAXPROCS(0) < 2 {
		return nil
	}
	h.watching.Add(1)
	defer h.watching.Add(-1)
	for range spinRounds {
		for range 64 {
			if o := h.offers.Load(); o != *seen {
				*seen = o
				return h.latest.Load()
			}
		}
		runtime.Gosched()
	}
	return nil
}
