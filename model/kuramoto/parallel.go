package kuramoto

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// ParallelMinWork is the size, in work units (directed edges plus
// [rowWork] per node), from which a step is spread over several
// goroutines. Waking a helper costs microseconds, twice per Euler step,
// so a step must be long enough to pay for it: at this size an Euler
// step takes about 50 µs on one core of the reference machine. The
// 1,000-node fabric (about 70,000 units) stays on one goroutine, the
// 3,162-node one (226,000) does not.
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
type parallel struct {
	net     *Network
	workers int     // 0: GOMAXPROCS
	bounds  []int32 // block b is rows [bounds[b], bounds[b+1])
	updates bool    // whether the blocks being handed out are updates
	next    atomic.Int32
	done    sync.WaitGroup
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
	w := p.workers
	if w == 0 {
		w = runtime.GOMAXPROCS(0)
	}
	w = min(w, len(p.bounds)-1)
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

// fork hands the blocks of one phase to w−1 helpers.
func (p *parallel) fork(w int, updates bool) {
	p.updates = updates
	p.next.Store(0)
	p.done.Add(w - 1)
	crew.ensure(w - 1)
	for range w - 1 {
		crew.jobs <- p
	}
}

// join works alongside the helpers until every block is done.
func (p *parallel) join() {
	p.work()
	p.done.Wait()
}

// work takes blocks of the current phase until none is left.
func (p *parallel) work() {
	for {
		b := int(p.next.Add(1)) - 1
		if b >= len(p.bounds)-1 {
			return
		}
		lo, hi := int(p.bounds[b]), int(p.bounds[b+1])
		if p.updates {
			p.net.update(lo, hi)
		} else {
			p.net.derive(lo, hi)
		}
	}
}

// helperPool is the package's pool of helper goroutines. They are started
// on first need, as many as the widest step asked for, wait on a channel
// when idle, and are shared by all networks: a step hands its parallel
// state to w−1 of them and works alongside.
type helperPool struct {
	mu      sync.Mutex
	started atomic.Int32
	jobs    chan *parallel
}

var crew = helperPool{jobs: make(chan *parallel, 256)}

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
	for p := range h.jobs {
		p.work()
		p.done.Done()
	}
}
