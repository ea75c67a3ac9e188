package sim

import (
	"math"
	"math/bits"

	"github.com/esgtsim/esgtsim/clock"
)

// queue is the kernel's event queue: a calendar queue (R. Brown, "Calendar
// queues", CACM 31(10), 1988) restricted to a one-year window, with a bitmap
// of non-empty days and a heap for the events beyond the window. Its nodes
// double as the slab of scheduled callbacks.
//
// Virtual time is cut into days of 2^shift nanoseconds. The window is the
// len(heads) days from cur, the current day; day d lives in bucket
// d mod len(heads), so each bucket holds the events of exactly one day, as a
// singly linked list sorted by time with a new node placed after every node
// of equal time: equal-time events leave in insertion order, and the queue
// orders by (time, sequence) without storing sequence numbers for them. A
// tail index makes appending O(1), the common case for a burst of
// same-time events, and a finger (the last node inserted mid-list) makes a
// burst behind a later event of the same day O(1) too. Bit b of occ says
// whether bucket b is non-empty and bit w of sum whether word w of occ is,
// so the next day with events is a trailing-zero count away, two when the
// window is sparse.
//
// Events beyond the window wait in far, a binary heap on (time, sequence)
// with explicit sequence numbers. Whenever cur advances, the far events
// that entered the window move to their buckets, in (time, sequence) order
// and before anything else can be filed there, so buckets stay FIFO.
//
// cur only moves to the day of an event due no later than the limit of the
// pop that moves it, so it never passes the caller's clock and every event
// the caller may still schedule lands at or after it; when popping
// cancelled events empties the queue past the clock, cur goes back to the
// last event run.
//
// Policy: the bucket count is the power of two at or above 32 times the
// number of filed events n (grown when under 16n, shrunk when over twice
// that target, at most 2^20), and the day is the power of two nearest to a
// quarter of the mean gap between distinct event times, or longer if the
// window would not span 8n gaps, about eight times the horizon of the
// pending events.
// Almost every event is then filed alone into an empty bucket, a pop is a
// bit search and an unlink, and the heap sees only outliers (1.5 % of the
// events of BenchmarkKernel). Refiling is O(n), collects nodes in (time,
// sequence) order, and happens when n doubles or the gap moves by a factor
// of four, so it amortises to O(1). Cancelled nodes stay filed until they
// reach the front or a refiling. Nodes live in one slice with a free list,
// so the steady state allocates nothing.
//
// Measurements (against the plain calendar queue it replaced and the binary
// and 4-ary heaps) and the variants tried and dropped are in
// docs/performance.md, "The kernel's queue"; BenchmarkQueue and
// BenchmarkQueueShapes in queue_test.go re-measure them.
type queue struct {
	nodes []node
	free  int32 // head of the free list, noNode if empty
	n     int   // filed nodes, cancelled ones included

	shift uint   // log2 of the day length in nanoseconds
	cur   uint64 // the current day: no filed event is earlier
	mask  uint64 // len(heads) - 1
	heads []int32
	tails []int32  // last node of each bucket of two nodes or more
	occ   []uint64 // bit b: bucket b is non-empty
	sum   []uint64 // bit w: occ[w] != 0

	finger    int32 // last node inserted mid-list, if its gen still matches
	fingerGen uint32

	far    []farEntry // events at or beyond day cur+len(heads)
	farSeq uint64     // sequence number of the latest far entry
	farDay uint64     // day of far[0], MaxUint64 if far is empty

	lastRun   clock.Time // time of the latest event popped alive
	checkTime clock.Time // lastRun at the latest policy check
	distinct  int        // distinct event times popped since then
	popsLeft  int        // pops until the next policy check
	scratch   []int32
}

// node is one scheduled event. fn is nil once the event is cancelled; gen
// counts the node's reuses so that a stale EventID cannot touch a later
// event. gen is always odd, so no node ever matches the zero EventID.
type node struct {
	at   clock.Time
	fn   func()
	next int32
	gen  uint32
}

const (
	noNode       = -1
	minBuckets   = 64
	maxBuckets   = 1 << 20
	initialShift = 10 // 1.024 µs days until the first policy check
	maxShift     = 62
)

func newQueue() queue {
	q := queue{free: noNode, shift: initialShift, farDay: math.MaxUint64, finger: noNode}
	q.setBuckets(minBuckets)
	q.popsLeft = minBuckets
	return q
}

// setBuckets empties the window and gives it nb buckets.
func (q *queue) setBuckets(nb int) {
	if cap(q.heads) >= nb {
		q.heads, q.tails = q.heads[:nb], q.tails[:nb]
	} else {
		q.heads, q.tails = make([]int32, nb), make([]int32, nb)
	}
	if cap(q.occ) >= nb/64 {
		q.occ = q.occ[:nb/64]
		clear(q.occ)
	} else {
		q.occ = make([]uint64, nb/64)
	}
	ns := (nb/64 + 63) / 64
	if cap(q.sum) >= ns {
		q.sum = q.sum[:ns]
		clear(q.sum)
	} else {
		q.sum = make([]uint64, ns)
	}
	q.mask = uint64(nb - 1)
	q.finger = noNode
}

// push files a new event and returns its node index and generation. at must
// not be before the caller's clock.
func (q *queue) push(at clock.Time, fn func()) (int32, uint32) {
	id := q.free
	if id != noNode {
		q.free = q.nodes[id].next
	} else {
		id = int32(len(q.nodes))
		q.nodes = append(q.nodes, node{gen: 1})
	}
	nd := &q.nodes[id]
	nd.at, nd.fn = at, fn
	// The common case of file, inline: a day in the window whose bucket is
	// empty.
	day := uint64(at) >> (q.shift & 63)
	b := day & q.mask
	w := &q.occ[b>>6]
	if bit := uint64(1) << (b & 63); day-q.cur <= q.mask && *w&bit == 0 {
		if *w == 0 {
			q.sum[b>>12] |= 1 << (b >> 6 & 63)
		}
		*w |= bit
		nd.next = noNode
		q.heads[b] = id
	} else {
		q.file(id, at)
	}
	q.n++
	if q.n > len(q.heads)>>4 && len(q.heads) < maxBuckets {
		q.rehash(bucketsFor(q.n), q.shift)
	}
	return id, nd.gen
}

// file links node id, due at, into its bucket or the far heap.
func (q *queue) file(id int32, at clock.Time) {
	day := uint64(at) >> (q.shift & 63)
	if day-q.cur > q.mask {
		q.pushFar(id, at)
		return
	}
	b := day & q.mask
	w := &q.occ[b>>6]
	bit := uint64(1) << (b & 63)
	if *w&bit != 0 {
		q.insert(b, id, at)
		return
	}
	if *w == 0 {
		q.sum[b>>12] |= 1 << (b >> 6 & 63)
	}
	*w |= bit
	q.nodes[id].next = noNode
	q.heads[b] = id
}

// insert links node id, due at, into the non-empty bucket b after every
// node due no later.
func (q *queue) insert(b uint64, id int32, at clock.Time) {
	nodes := q.nodes
	nd := &nodes[id]
	p := q.heads[b]
	t := p
	if nodes[p].next != noNode {
		t = q.tails[b] // valid only for buckets of two nodes or more
	}
	if at >= nodes[t].at {
		nodes[t].next = id
		nd.next = noNode
		q.tails[b] = id
		return
	}
	if at < nodes[p].at {
		nd.next = p
		q.heads[b] = id
		if t == p {
			q.tails[b] = p
		}
		return
	}
	// If the finger is still filed (its generation is unchanged), in this
	// bucket and due no later than at, the walk may start there.
	if f := q.finger; f != noNode {
		if fg := &nodes[f]; fg.gen == q.fingerGen && fg.at <= at && uint64(fg.at)>>(q.shift&63)&q.mask == b {
			p = f
		}
	}
	for {
		nx := nodes[p].next // not noNode: the tail is due after at
		if nodes[nx].at > at {
			break
		}
		p = nx
	}
	nd.next = nodes[p].next
	nodes[p].next = id
	q.finger, q.fingerGen = id, nd.gen
}

// step runs the earliest pending event if it is due no later than limit
// and reports whether it did. It is the queue's pop, written out here with
// the kernel's bookkeeping so that running an event costs no further call:
// the common case takes the head of the first non-empty bucket in the rest
// of cur's bitmap word. Cancelled events met on the way are freed.
func (s *Sim) step(limit clock.Time) bool {
	q := &s.queue
	for {
		b := q.cur & q.mask
		w := q.occ[b>>6] >> (b & 63)
		if w == 0 {
			if !q.seek(limit) {
				return false
			}
			continue
		}
		b += uint64(bits.TrailingZeros64(w))
		id := q.heads[b]
		nd := &q.nodes[id]
		at := nd.at
		if at > limit {
			return false
		}
		if day := uint64(at) >> (q.shift & 63); day != q.cur {
			q.cur = day
			if q.farDay-day <= q.mask {
				q.migrate()
			}
		}
		next := nd.next
		q.heads[b] = next
		if next == noNode {
			w := &q.occ[b>>6]
			*w &^= 1 << (b & 63)
			if *w == 0 {
				q.sum[b>>12] &^= 1 << (b >> 6 & 63)
			}
		}
		fn := nd.fn
		nd.fn = nil
		nd.next = q.free
		q.free = id
		nd.gen += 2
		q.n--
		if fn == nil {
			continue // cancelled
		}
		if at != q.lastRun {
			q.distinct++
			q.lastRun = at
		}
		if q.popsLeft--; q.popsLeft <= 0 {
			q.check()
		}
		s.pending--
		s.now = at
		s.stats.events++
		if s.observer != nil {
			s.observer.Executed(at, s.stats.events)
		}
		fn()
		return true
	}
}

// seek advances cur to the next day with events when the rest of cur's
// bitmap word is empty: to a later bucket, or into the far heap. It reports
// false, changing nothing that matters, if there is no event due at or
// before limit.
func (q *queue) seek(limit clock.Time) bool {
	b := q.cur & q.mask
	w0 := b >> 6
	x := q.nextWord(w0 + 1)
	if x < 0 {
		// The window wraps around: the words up to cur's own hold its
		// last days.
		x = q.nextWord(0)
	}
	var day uint64
	switch {
	case x >= 0:
		bb := uint64(x)<<6 | uint64(bits.TrailingZeros64(q.occ[x]))
		day = q.cur + (bb-b)&q.mask
	case len(q.far) > 0:
		day = q.farDay
	default:
		if q.n == 0 {
			// Popping cancelled events may have taken cur past the
			// caller's clock; with nothing filed it can go back.
			q.cur = uint64(q.lastRun) >> (q.shift & 63)
		}
		return false
	}
	if clock.Time(day<<(q.shift&63)) > limit {
		return false
	}
	q.cur = day
	if q.farDay-day <= q.mask {
		q.migrate()
	}
	return true
}

// nextWord returns the index of the first non-zero occ word at or after w,
// or -1.
func (q *queue) nextWord(w uint64) int64 {
	for s := w >> 6; s < uint64(len(q.sum)); s++ {
		m := q.sum[s]
		if s == w>>6 {
			m &= ^uint64(0) << (w & 63)
		}
		if m != 0 {
			return int64(s<<6) | int64(bits.TrailingZeros64(m))
		}
	}
	return -1
}

// release frees node id, which is no longer filed.
func (q *queue) release(id int32) {
	nd := &q.nodes[id]
	nd.fn = nil
	nd.next = q.free
	q.free = id
	nd.gen += 2
	q.n--
}
