package sim

import (
	"container/heap"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

// TestCalendarOrder checks the queue against a stable sort by time for
// monotone workloads whose spread changes phase by phase, so that the
// calendar grows, shrinks and changes its day length along the way, with
// many equal times (the FIFO rule) in the narrow phases.
func TestCalendarOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	c := newCalendar()
	type item struct {
		at  clock.Time
		seq uint64
	}
	var pending []item
	now := clock.Time(0)
	var seq uint64
	popped := 0
	for _, phase := range []struct {
		spread int64
		target int // population to drift towards
	}{{1, 50}, {3, 2000}, {1 << 20, 3000}, {50, 100}, {1 << 40, 10}, {1 << 10, 5000}, {7, 0}} {
		for step := 0; step < 20000; step++ {
			if len(pending) < phase.target || (len(pending) > 0 && r.IntN(2) == 0) == false {
				seq++
				it := item{now + clock.Time(r.Int64N(phase.spread)), seq}
				c.push(it.at, seqFn(it.seq))
				pending = append(pending, it)
				continue
			}
			if len(pending) == 0 {
				continue
			}
			nd := c.pop()
			lastSeq = 0
			nd.fn()
			got := item{nd.at, lastSeq}
			slices.SortStableFunc(pending, func(a, b item) int {
				if a.at != b.at {
					return cmpTime(a.at, b.at)
				}
				return cmpTime(clock.Time(a.seq), clock.Time(b.seq))
			})
			if got != pending[0] {
				t.Fatalf("phase spread %d, pop %d: got %+v, want %+v", phase.spread, popped, got, pending[0])
			}
			pending = pending[1:]
			now = got.at
			popped++
		}
	}
	if popped < 10000 {
		t.Fatalf("only %d pops exercised", popped)
	}
}

// lastSeq is set by the callbacks of TestCalendarOrder so that the test
// can tell which event was popped.
var lastSeq uint64

func seqFn(seq uint64) func() { return func() { lastSeq = seq } }

func cmpTime(a, b clock.Time) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// The benchmarks below justify the queue structure (see radixQueue): a
// hold model with 1,000 pending events, each pop followed by a push at an
// exponentially distributed later time. The comparison heaps order by
// (time, seq) with inline keys; they exist only here.

const holdSize = 1000

type holdQueue interface {
	push(at clock.Time, seq uint64)
	pop() clock.Time
}

func benchHold(b *testing.B, q holdQueue) {
	r := rand.New(rand.NewPCG(1, 2))
	var seq uint64
	for range holdSize {
		seq++
		q.push(clock.Time(r.ExpFloat64()*1e6), seq)
	}
	for b.Loop() {
		at := q.pop()
		seq++
		q.push(at+clock.Time(r.ExpFloat64()*1e6), seq)
	}
}

func BenchmarkQueue(b *testing.B) {
	b.Run("calendar", func(b *testing.B) { benchHold(b, &calendarHold{newCalendar()}) })
	b.Run("4-ary", func(b *testing.B) { benchHold(b, &dAryHeap{d: 4}) })
	b.Run("binary", func(b *testing.B) { benchHold(b, &dAryHeap{d: 2}) })
	b.Run("binary-time-only", func(b *testing.B) { benchHold(b, &timeOnlyHeap{}) })
	b.Run("container-heap", func(b *testing.B) { benchHold(b, &stdHeap{}) })
}

type calendarHold struct{ c calendar }

func (h *calendarHold) push(at clock.Time, _ uint64) { h.c.push(at, noop) }
func (h *calendarHold) pop() clock.Time              { return h.c.pop().at }

func noop() {}

// timeOnlyHeap is BASELINE.md's "plain binary heap": int64 keys only, so
// same-time events come out in no particular order.
type timeOnlyHeap struct{ h []clock.Time }

func (q *timeOnlyHeap) push(at clock.Time, _ uint64) {
	h := append(q.h, at)
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / 2
		if h[i] >= h[p] {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	q.h = h
}

func (q *timeOnlyHeap) pop() clock.Time {
	h := q.h
	top := h[0]
	n := len(h) - 1
	h[0] = h[n]
	h = h[:n]
	for i := 0; ; {
		c := 2*i + 1
		if c >= n {
			break
		}
		if c+1 < n && h[c+1] < h[c] {
			c++
		}
		if h[c] >= h[i] {
			break
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
	q.h = h
	return top
}

type keyed struct {
	at  clock.Time
	seq uint64
}

func (a *keyed) before(b *keyed) bool { return a.at < b.at || (a.at == b.at && a.seq < b.seq) }

// dAryHeap is a d-ary min-heap with inline (time, seq) keys.
type dAryHeap struct {
	d int
	h []keyed
}

func (q *dAryHeap) push(at clock.Time, seq uint64) {
	h := append(q.h, keyed{at, seq})
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / q.d
		if !h[i].before(&h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	q.h = h
}

func (q *dAryHeap) pop() clock.Time {
	h := q.h
	top := h[0]
	n := len(h) - 1
	last := h[n]
	h = h[:n]
	if n > 0 {
		i := 0
		for {
			c := q.d*i + 1
			if c >= n {
				break
			}
			m := c
			for j := c + 1; j < min(c+q.d, n); j++ {
				if h[j].before(&h[m]) {
					m = j
				}
			}
			if !h[m].before(&last) {
				break
			}
			h[i] = h[m]
			i = m
		}
		h[i] = last
	}
	q.h = h
	return top.at
}

// stdHeap is container/heap over the same keys.
type stdHeap struct{ h keyedHeap }

type keyedHeap []keyed

func (h keyedHeap) Len() int           { return len(h) }
func (h keyedHeap) Less(i, j int) bool { return h[i].before(&h[j]) }
func (h keyedHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *keyedHeap) Push(x any)        { *h = append(*h, x.(keyed)) }
func (h *keyedHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

func (s *stdHeap) push(at clock.Time, seq uint64) { heap.Push(&s.h, keyed{at, seq}) }
func (s *stdHeap) pop() clock.Time                { return heap.Pop(&s.h).(keyed).at }
