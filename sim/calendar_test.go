package sim

import (
	"math/bits"

	"github.com/esgtsim/esgtsim/clock"
)

// calendar is the kernel's previous event queue, kept as a comparison for
// BenchmarkQueue: a classic calendar queue (R. Brown, "Calendar queues",
// CACM 31(10), 1988) whose buckets mix the days of every year, kept sorted,
// with between n and 2n buckets and a day as long as the mean gap. See
// queue.go for why it was replaced.
type calendar struct {
	nodes []node
	free  int32        // head of the free list, -1 if empty
	heads []int32      // first node of each bucket, -1 if empty
	first []clock.Time // time of each bucket's first node, MaxTime if empty
	mask  uint64       // len(heads) - 1
	shift uint         // log2 of the day length in nanoseconds
	cur   uint64       // day being examined; no pending node is earlier
	n     int          // nodes in buckets, including cancelled ones

	lastPop  clock.Time
	meanGap  int64 // running mean of gaps between popped times, ns
	popsLeft int   // pops until the next day-length check
}

const (
	calMinBuckets  = 16
	calInitialDay  = 10 // 1.024 µs
	calGapWeight   = 4  // running mean: gap += (sample - gap) >> calGapWeight
	calMaxDayShift = 62
)

func newCalendar() calendar {
	c := calendar{free: noNode, shift: calInitialDay, meanGap: 1 << calInitialDay}
	c.setBuckets(calMinBuckets)
	c.popsLeft = calMinBuckets
	return c
}

func (c *calendar) setBuckets(nb int) {
	if cap(c.heads) >= nb {
		c.heads, c.first = c.heads[:nb], c.first[:nb]
	} else {
		c.heads, c.first = make([]int32, nb), make([]clock.Time, nb)
	}
	for i := range c.heads {
		c.heads[i], c.first[i] = noNode, clock.MaxTime
	}
	c.mask = uint64(nb - 1)
}

// push files a new event and returns its node index and generation.
func (c *calendar) push(at clock.Time, fn func()) (int32, uint32) {
	var id int32
	if c.free != noNode {
		id = c.free
		c.free = c.nodes[id].next
	} else {
		id = int32(len(c.nodes))
		c.nodes = append(c.nodes, node{gen: 1})
	}
	nd := &c.nodes[id]
	nd.at, nd.fn = at, fn
	c.link(id, at)
	c.n++
	if c.n > len(c.heads) {
		c.rehash(2*len(c.heads), c.shift)
	}
	return id, nd.gen
}

// link inserts node id, due at, into its bucket after every node due no
// later.
func (c *calendar) link(id int32, at clock.Time) {
	day := uint64(at) >> c.shift
	if day < c.cur {
		c.cur = day
	}
	b := day & c.mask
	if at < c.first[b] {
		c.nodes[id].next = c.heads[b]
		c.heads[b], c.first[b] = id, at
		return
	}
	p := &c.nodes[c.heads[b]].next
	for *p != noNode && c.nodes[*p].at <= at {
		p = &c.nodes[*p].next
	}
	c.nodes[id].next = *p
	*p = id
}

// front returns the index of the earliest node, cancelled or not, without
// removing it. The calendar must not be empty.
func (c *calendar) front() int32 {
	for scanned := 0; ; scanned++ {
		b := c.cur & c.mask
		if uint64(c.first[b])>>c.shift == c.cur {
			return c.heads[b]
		}
		if scanned == len(c.heads) {
			c.cur = c.earliestDay()
			scanned = 0
			continue
		}
		c.cur++
	}
}

// earliestDay returns the day of the earliest node by direct search.
func (c *calendar) earliestDay() uint64 {
	return uint64(minTime(c.first)) >> c.shift
}

func minTime(ts []clock.Time) clock.Time {
	m := clock.MaxTime
	for _, t := range ts {
		m = min(m, t)
	}
	return m
}

// pop unlinks the earliest node and returns it; the node stays valid until
// the next push. The calendar must not be empty.
func (c *calendar) pop() *node { return c.popFront(c.front()) }

// popFront unlinks node id, which must be the result of the latest call to
// front, and returns it; the node stays valid until the next push.
func (c *calendar) popFront(id int32) *node {
	nd := &c.nodes[id]
	b := c.cur & c.mask
	c.heads[b] = nd.next
	if nd.next == noNode {
		c.first[b] = clock.MaxTime
	} else {
		c.first[b] = c.nodes[nd.next].at
	}
	nd.next = c.free
	c.free = id
	nd.gen++
	if nd.gen == 0 { // the zero generation means "no event"
		nd.gen = 1
	}
	c.n--
	c.observeGap(nd.at)
	if 4*c.n < len(c.heads) && len(c.heads) > calMinBuckets {
		c.rehash(len(c.heads)/2, c.shift)
	}
	return nd
}

// observeGap updates the running mean gap between popped times and, every
// len(heads) pops, rehashes if the day length is off by a factor of four.
func (c *calendar) observeGap(at clock.Time) {
	if gap := int64(at - c.lastPop); gap > 0 {
		c.meanGap += (gap - c.meanGap) >> calGapWeight
		c.lastPop = at
	}
	if c.popsLeft--; c.popsLeft > 0 {
		return
	}
	c.popsLeft = len(c.heads)
	// The largest power of two not above the mean gap.
	want := uint(bits.Len64(uint64(c.meanGap))) - 1
	want = min(max(want, 1), calMaxDayShift)
	if want+2 <= c.shift || want >= c.shift+2 {
		c.rehash(len(c.heads), want)
	}
}

// rehash refiles every node into nb buckets of 2^shift ns days. Nodes are
// collected in their current order, bucket by bucket, which keeps equal
// times in insertion order because equal times always share a bucket.
func (c *calendar) rehash(nb int, shift uint) {
	nb = max(nb, calMinBuckets)
	// Chain every node into one list in bucket order, reusing next links.
	var head, tail int32 = noNode, noNode
	for _, h := range c.heads {
		for id := h; id != noNode; {
			next := c.nodes[id].next
			if tail == noNode {
				head = id
			} else {
				c.nodes[tail].next = id
			}
			tail = id
			id = next
		}
	}
	if tail != noNode {
		c.nodes[tail].next = noNode
	}
	earliest := minTime(c.first)
	c.setBuckets(nb)
	c.shift = shift
	c.cur = uint64(earliest) >> shift
	if earliest == clock.MaxTime {
		c.cur = 0
	}
	for id := head; id != noNode; {
		next := c.nodes[id].next
		c.link(id, c.nodes[id].at)
		id = next
	}
	c.popsLeft = nb
}
