package sim

import (
	"math"
	"math/bits"
	"slices"
)

// check revisits the day length and the bucket count, every 2n pops: it
// shrinks a window left oversized by a fallen population, and moves the day
// length when the mean gap between distinct event times has moved by a
// factor of four or more. (push grows the window.)
func (q *queue) check() {
	q.popsLeft = max(minBuckets, 2*q.n)
	if q.distinct == 0 {
		return
	}
	gap := uint64(q.lastRun-q.checkTime) / uint64(q.distinct)
	q.checkTime, q.distinct = q.lastRun, 0
	nb := len(q.heads)
	if want := bucketsFor(q.n); nb > 2*want {
		nb = want
	}
	shift := shiftFor(gap, q.n, nb)
	if nb != len(q.heads) || shift+2 <= q.shift || shift >= q.shift+2 {
		q.rehash(nb, shift)
	}
}

// bucketsFor returns the bucket count for n filed events: the power of two
// at or above 32n, within [minBuckets, maxBuckets].
func bucketsFor(n int) int {
	if n <= minBuckets/32 {
		return minBuckets
	}
	return min(1<<bits.Len(uint(32*n-1)), maxBuckets)
}

// shiftFor returns the day length, as a power of two, for a mean gap between
// event times, n filed events and nb buckets: a quarter of the gap, or
// longer if nb such days would not span 8n gaps, about eight times the
// horizon of the pending events.
func shiftFor(gap uint64, n, nb int) uint {
	day := max(gap/4, 1)
	if hi, lo := bits.Mul64(gap, 8*uint64(n)); hi >= uint64(nb) {
		day = math.MaxInt64
	} else if span, _ := bits.Div64(hi, lo, uint64(nb)); span > day {
		day = span
	}
	// The power of two nearest to day, in ratio.
	return min(uint(bits.Len64(day+day/2))-1, maxShift)
}

// rehash refiles every node into nb buckets of 2^shift ns days, dropping
// cancelled ones. Nodes are collected in (time, sequence) order, the
// window's buckets in day order and then the far heap sorted, so refiling
// appends to each bucket and keeps equal times in insertion order.
func (q *queue) rehash(nb int, shift uint) {
	ids := q.scratch[:0]
	for i := range uint64(len(q.heads)) {
		b := (q.cur + i) & q.mask
		if q.occ[b>>6]&(1<<(b&63)) == 0 {
			continue
		}
		for id := q.heads[b]; id != noNode; id = q.nodes[id].next {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(q.far, func(a, b farEntry) int {
		if a.before(&b) {
			return -1
		}
		return 1
	})
	for _, e := range q.far {
		ids = append(ids, e.id)
	}
	q.far = q.far[:0]
	q.farSeq, q.farDay = 0, math.MaxUint64
	q.setBuckets(nb)
	q.shift = shift
	q.cur = uint64(q.lastRun) >> (shift & 63)
	for _, id := range ids {
		if q.nodes[id].fn == nil {
			q.release(id)
			continue
		}
		q.file(id, q.nodes[id].at)
	}
	q.scratch = ids[:0]
}
