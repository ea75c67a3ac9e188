package sim

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/esgtsim/esgtsim/clock"
)

func TestSameTimeEventsRunFIFO(t *testing.T) {
	s := New(1)
	var got []int
	for i := range 100 {
		// Interleave two instants so that the heap really has to order ties.
		at := clock.Time(10 * (i % 2))
		if _, err := s.Schedule(at, func() { got = append(got, i) }); err != nil {
			t.Fatal(err)
		}
	}
	s.Run()
	var want []int
	for i := 0; i < 100; i += 2 {
		want = append(want, i)
	}
	for i := 1; i < 100; i += 2 {
		want = append(want, i)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("order = %v\nwant    %v", got, want)
	}
}

func TestEventsRunInTimeOrder(t *testing.T) {
	s := New(1)
	r := s.Stream("times")
	var last clock.Time = -1
	for range 10000 {
		s.After(clock.Duration(r.IntN(1000)), func() {
			if s.Now() < last {
				t.Fatalf("time went backwards: %v after %v", s.Now(), last)
			}
			last = s.Now()
		})
	}
	s.Run()
	if st := s.Stats(); st.Events != 10000 {
		t.Fatalf("ran %d events, want 10000", st.Events)
	}
}

func TestCancel(t *testing.T) {
	s := New(1)
	ran := map[string]bool{}
	a := s.After(5, func() { ran["a"] = true })
	b := s.After(5, func() { ran["b"] = true })
	s.After(1, func() {
		if !s.Cancel(b) {
			t.Error("Cancel of a pending event returned false")
		}
	})
	if s.Pending() != 3 {
		t.Fatalf("Pending = %d, want 3", s.Pending())
	}
	s.Run()
	if !ran["a"] || ran["b"] {
		t.Fatalf("ran = %v, want only a", ran)
	}
	for name, id := range map[string]EventID{"already ran": a, "already cancelled": b, "zero": {}} {
		if s.Cancel(id) {
			t.Errorf("Cancel(%s) = true, want false", name)
		}
	}
	// A stale ID must not cancel the event that reuses its slot.
	c := s.After(1, func() { ran["c"] = true })
	if s.Cancel(a) || s.Pending() != 1 {
		t.Fatal("stale EventID cancelled a newer event")
	}
	s.Run()
	if !ran["c"] {
		t.Fatal("event c did not run")
	}
	_ = c
}

func TestScheduleInThePastIsAnError(t *testing.T) {
	s := New(1)
	s.RunUntil(100)
	if _, err := s.Schedule(99, func() {}); !errors.Is(err, ErrPast) {
		t.Fatalf("Schedule in the past: err = %v, want ErrPast", err)
	}
	if _, err := s.Schedule(100, func() {}); err != nil {
		t.Fatalf("Schedule at now: %v", err)
	}
}

func TestMisusePanics(t *testing.T) {
	for _, tc := range []struct {
		name string
		fn   func(s *Sim)
	}{
		{"negative delay", func(s *Sim) { s.After(-1, func() {}) }},
		{"nil callback", func(s *Sim) { s.After(1, nil) }},
		{"zero ticker period", func(s *Sim) { _, _ = s.Every(0, 0, func(clock.Time) {}) }},
		{"duplicate stream", func(s *Sim) { s.Stream("x"); s.Stream("x") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r == nil {
					t.Fatal("did not panic")
				} else if msg := fmt.Sprint(r); len(msg) < 5 || msg[:5] != "sim: " {
					t.Fatalf("panic %q lacks the sim: prefix", msg)
				}
			}()
			tc.fn(New(1))
		})
	}
}

func TestRunUntilAdvancesClock(t *testing.T) {
	s := New(1)
	var ran []clock.Time
	for _, at := range []clock.Time{10, 20, 30} {
		s.Schedule(at, func() { ran = append(ran, s.Now()) })
	}
	s.RunUntil(20)
	if !slices.Equal(ran, []clock.Time{10, 20}) || s.Now() != 20 {
		t.Fatalf("after RunUntil(20): ran %v now %v", ran, s.Now())
	}
	s.RunUntil(25)
	if s.Now() != 25 || len(ran) != 2 {
		t.Fatalf("RunUntil(25) with no events due: now %v ran %v", s.Now(), ran)
	}
	s.Run()
	if s.Now() != 30 || len(ran) != 3 {
		t.Fatalf("Run: now %v ran %v", s.Now(), ran)
	}
}

func TestStopAndRunWhile(t *testing.T) {
	s := New(1)
	count := 0
	for i := range 10 {
		s.After(clock.Duration(i), func() {
			count++
			if count == 3 {
				s.Stop()
			}
		})
	}
	s.Run()
	if count != 3 || s.Now() != 2 {
		t.Fatalf("Stop: count %d now %v, want 3 and 2", count, s.Now())
	}
	s.RunWhile(func() bool { return count < 7 })
	if count != 7 {
		t.Fatalf("RunWhile: count %d, want 7", count)
	}
	s.Run()
	if count != 10 {
		t.Fatalf("Run after Stop: count %d, want 10", count)
	}
}

func TestTicker(t *testing.T) {
	s := New(1)
	var ticks []clock.Time
	var tk *Ticker
	tk, err := s.Every(5, 10, func(now clock.Time) {
		ticks = append(ticks, now)
		if len(ticks) == 4 {
			tk.Stop()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	s.RunUntil(1000)
	if !slices.Equal(ticks, []clock.Time{5, 15, 25, 35}) {
		t.Fatalf("ticks = %v", ticks)
	}
	if tk.Active() || s.Pending() != 0 {
		t.Fatalf("stopped ticker still active (%v) or pending events %d", tk.Active(), s.Pending())
	}
	if _, err := s.Every(10, 10, func(clock.Time) {}); !errors.Is(err, ErrPast) {
		t.Fatalf("Every in the past: err = %v", err)
	}
}

// TestTickerInterleavesFIFO checks that a tick and an ordinary event due at
// the same instant run in scheduling order.
func TestTickerInterleavesFIFO(t *testing.T) {
	s := New(1)
	var log []string
	s.Schedule(10, func() { log = append(log, "event") })
	tk, _ := s.Every(10, 10, func(clock.Time) { log = append(log, "tick") })
	s.RunUntil(10)
	tk.Stop()
	if !slices.Equal(log, []string{"event", "tick"}) {
		t.Fatalf("log = %v", log)
	}
}

// traceOf runs a small random model and returns the executed (time, seq)
// pairs as seen by an Observer.
func traceOf(seed uint64) []string {
	s := New(seed)
	var trace recorder
	s.SetObserver(&trace)
	r := s.Stream("chain")
	var next func()
	n := 0
	next = func() {
		if n++; n < 200 {
			s.After(clock.Duration(1+r.IntN(50)), next)
			s.After(clock.Duration(r.IntN(3)), func() {})
		}
	}
	s.After(0, next)
	s.Run()
	return trace
}

type recorder []string

func (r *recorder) Executed(at clock.Time, n uint64) {
	*r = append(*r, fmt.Sprintf("%d/%d", at, n))
}

func TestSameSeedSameTrace(t *testing.T) {
	a, b := traceOf(3), traceOf(3)
	if !slices.Equal(a, b) {
		t.Fatal("two runs with the same seed produced different traces")
	}
	if slices.Equal(a, traceOf(4)) {
		t.Fatal("different seeds produced the same trace")
	}
}

func TestStreamsAreIndependent(t *testing.T) {
	draw := func(s *Sim, name string) []uint64 {
		r := s.Stream(name)
		out := make([]uint64, 8)
		for i := range out {
			out[i] = r.Uint64()
		}
		return out
	}
	alone := draw(New(9), "arrivals")
	s := New(9)
	draw(s, "fabric") // another component, created first
	withOther := draw(s, "arrivals")
	if !slices.Equal(alone, withOther) {
		t.Fatal("adding a stream changed another stream's draws")
	}
	if slices.Equal(alone, draw(New(10), "arrivals")) {
		t.Fatal("different seeds gave the same draws")
	}
	if slices.Equal(alone, draw(New(9), "arrival")) {
		t.Fatal("different names gave the same draws")
	}
	if !slices.Equal(alone, func() []uint64 {
		r := NewStream(9, "arrivals")
		out := make([]uint64, 8)
		for i := range out {
			out[i] = r.Uint64()
		}
		return out
	}()) {
		t.Fatal("NewStream disagrees with Sim.Stream")
	}
}

// TestZeroAllocsPerEvent checks the steady state: 100 self-rescheduling
// chains, each with a long-lived callback, allocate nothing per event.
func TestZeroAllocsPerEvent(t *testing.T) {
	s := New(1)
	r := s.Stream("delays")
	chains := make([]func(), 100)
	for i := range chains {
		chains[i] = func() { s.After(clock.Duration(1+r.IntN(1000)), chains[i]) }
		s.After(clock.Duration(i), chains[i])
	}
	for range 10000 { // reach the high-water mark
		s.Step()
	}
	allocs := testing.AllocsPerRun(1000, func() {
		for range 100 {
			s.Step()
		}
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per 100 events, want 0", allocs)
	}
	// Cancelling and rescheduling must not allocate either.
	allocs = testing.AllocsPerRun(1000, func() {
		id := s.After(5, chains[0])
		s.Cancel(id)
		s.Step()
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per cancel+step, want 0", allocs)
	}
}

func TestStatsSpeed(t *testing.T) {
	s := New(1)
	var fake int64
	s.SetWallClock(func() time.Duration { fake += 250e6; return time.Duration(fake) })
	s.After(clock.Second, func() {})
	s.Run()
	st := s.Stats()
	if st.Events != 1 || st.Virtual != clock.Time(clock.Second) || st.Wall != 250e6 {
		t.Fatalf("stats = %+v", st)
	}
	if st.Speed() != 4 || st.EventsPerSecond() != 4 {
		t.Fatalf("speed %v events/s %v, want 4 and 4", st.Speed(), st.EventsPerSecond())
	}
	if (Stats{}).Speed() != 0 {
		t.Fatal("speed without wall clock should be 0")
	}
}
