package sim

import (
	"math"

	"github.com/esgtsim/esgtsim/clock"
)

// farEntry is an event beyond the window: the heap orders by (at, seq).
type farEntry struct {
	at  clock.Time
	seq uint64
	id  int32
}

func (a *farEntry) before(b *farEntry) bool {
	return a.at < b.at || a.at == b.at && a.seq < b.seq
}

// The events beyond the window wait in far, a binary heap on (time,
// sequence): they are rare (1.5 % of BenchmarkKernel's), and their explicit
// sequence numbers keep equal times in insertion order until migrate files
// them into their buckets.

// pushFar puts node id, due at, on the heap.
func (q *queue) pushFar(id int32, at clock.Time) {
	q.farSeq++
	e := farEntry{at, q.farSeq, id}
	h := append(q.far, e)
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !e.before(&h[p]) {
			break
		}
		h[i] = h[p]
		i = p
	}
	h[i] = e
	q.far = h
	q.farDay = uint64(h[0].at) >> (q.shift & 63)
}

// popFar removes and returns the earliest far event. far must not be empty.
func (q *queue) popFar() farEntry {
	h := q.far
	top := h[0]
	n := len(h) - 1
	e := h[n]
	h = h[:n]
	if n > 0 {
		i := 0
		for {
			c := 2*i + 1
			if c >= n {
				break
			}
			if c+1 < n && h[c+1].before(&h[c]) {
				c++
			}
			if !h[c].before(&e) {
				break
			}
			h[i] = h[c]
			i = c
		}
		h[i] = e
		q.farDay = uint64(h[0].at) >> (q.shift & 63)
	} else {
		q.farDay = math.MaxUint64
	}
	q.far = h
	return top
}

// migrate files the far events that are now inside the window.
func (q *queue) migrate() {
	for q.farDay-q.cur <= q.mask {
		e := q.popFar()
		if q.nodes[e.id].fn == nil {
			q.release(e.id)
			continue
		}
		q.file(e.id, e.at)
	}
}
