package sim

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

// BenchmarkQueueShapes runs the kernel on workload shapes other than the
// hold model, to show that none degrades: ns/op is per event run, and every
// shape keeps a steady state so that b.N does not change the work per event.
func BenchmarkQueueShapes(b *testing.B) {
	for _, sh := range []struct {
		name  string
		setup func(s *Sim, r *rand.Rand)
		warm  clock.Duration // virtual time to the steady state
	}{
		// Three periodic controllers alone: a handful of events, long gaps.
		{"shape=tickers", func(s *Sim, r *rand.Rand) { tickers(s) }, clock.Second},
		// Poisson request arrivals at 10/s and 10,000/s beside the
		// tickers; each request completes after an exponential service
		// time (mean 2 ms).
		{"shape=arrivals-10Hz", func(s *Sim, r *rand.Rand) { tickers(s); arrivals(s, r, 10, false) }, 10 * clock.Second},
		{"shape=arrivals-10kHz", func(s *Sim, r *rand.Rand) { tickers(s); arrivals(s, r, 10000, false) }, clock.Second},
		// The same with a 30 s timeout per request, cancelled when the
		// request completes: 300,000 dead timeouts stay filed.
		{"shape=arrivals-10kHz-timeouts", func(s *Sim, r *rand.Rand) { tickers(s); arrivals(s, r, 10000, true) }, 35 * clock.Second},
		// Every 100 ms, a fan-out of 5,000 events at one instant 1 ms
		// ahead, each scheduling one zero-delay follow-up.
		{"shape=bursts-5000", func(s *Sim, r *rand.Rand) { tickers(s); bursts(s, 5000) }, clock.Second},
		// 1,000 chains whose delays span eight orders of magnitude
		// (log-uniform from 1 µs to 100 s).
		{"shape=log-uniform", func(s *Sim, r *rand.Rand) { logUniform(s, r, 1000) }, 100 * clock.Second},
	} {
		b.Run(sh.name, func(b *testing.B) {
			s := New(1)
			sh.setup(s, rand.New(rand.NewPCG(3, 4)))
			s.RunUntil(clock.Time(sh.warm))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				s.Step()
			}
		})
	}
}

func tickers(s *Sim) {
	for _, p := range []clock.Duration{5 * clock.Millisecond, 50 * clock.Millisecond, 100 * clock.Millisecond} {
		s.Every(0, p, func(clock.Time) {})
	}
}

func expDelay(r *rand.Rand, mean clock.Duration) clock.Duration {
	return clock.Duration(r.ExpFloat64() * float64(mean))
}

// arrivals starts Poisson request arrivals. Requests are recycled round
// robin from a fixed pool, far more than are ever in service, so that the
// workload itself allocates nothing.
func arrivals(s *Sim, r *rand.Rand, perSecond float64, timeouts bool) {
	mean := clock.Duration(float64(clock.Second) / perSecond)
	pool := make([]request, 4096)
	for i := range pool {
		pool[i].s = s
		pool[i].done = pool[i].complete
	}
	next := 0
	timeout := func() {}
	var arrive func()
	arrive = func() {
		s.After(expDelay(r, mean), arrive)
		req := &pool[next%len(pool)]
		next++
		if timeouts {
			req.timeout = s.After(30*clock.Second, timeout)
		}
		s.After(expDelay(r, 2*clock.Millisecond), req.done)
	}
	s.After(0, arrive)
}

type request struct {
	s       *Sim
	timeout EventID
	done    func()
}

func (q *request) complete() { q.s.Cancel(q.timeout) }

func bursts(s *Sim, k int) {
	followUp := func() {}
	member := func() { s.After(0, followUp) }
	s.Every(0, 100*clock.Millisecond, func(now clock.Time) {
		for range k {
			s.Schedule(now+clock.Time(clock.Millisecond), member)
		}
	})
}

func logUniform(s *Sim, r *rand.Rand, chains int) {
	var fire func()
	fire = func() {
		s.After(clock.Duration(math.Exp(r.Float64()*math.Log(1e8))*1e3), fire)
	}
	for range chains {
		s.After(0, fire)
	}
}
