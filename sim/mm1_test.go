package sim

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/variate"
)

// mm1 simulates an M/M/1 queue on the kernel for the given number of
// customers and returns the mean time a customer waits before service.
// Time unit: one virtual second per model time unit, in nanoseconds.
func mm1(seed uint64, arrivalRate, serviceRate float64, customers int) float64 {
	s := New(seed)
	arrivals, services := s.Stream("arrivals"), s.Stream("services")
	draw := func(r *rand.Rand, rate float64) clock.Duration {
		return clock.Duration(math.Round(variate.Exp(r) / rate * float64(clock.Second)))
	}
	var (
		waiting   []clock.Time // arrival times of customers in the queue, FIFO
		busy      bool
		arrived   int
		served    int
		totalWait clock.Duration
		arrive    func()
		depart    func()
	)
	startService := func(arrivedAt clock.Time) {
		busy = true
		totalWait += s.Now().Sub(arrivedAt)
		s.After(draw(services, serviceRate), depart)
	}
	arrive = func() {
		arrived++
		if arrived < customers {
			s.After(draw(arrivals, arrivalRate), arrive)
		}
		if busy {
			waiting = append(waiting, s.Now())
			return
		}
		startService(s.Now())
	}
	depart = func() {
		served++
		busy = false
		if len(waiting) > 0 {
			next := waiting[0]
			waiting = waiting[1:]
			startService(next)
		}
	}
	s.After(0, arrive)
	s.Run()
	if served != customers {
		panic("mm1: customers lost")
	}
	return totalWait.Seconds() / float64(customers)
}

// TestMM1MeanWait checks the kernel against queueing theory: an M/M/1 queue
// with arrival rate 0.9 and service rate 1.0 has mean wait in queue
// ρ/(μ−λ) = 9.0. A kernel that misorders events, drops them or mishandles
// time would miss it. The tolerance is 3 %. At 10^6 customers the estimate
// itself varies by about 2 % (standard deviation over seeds 1..10, whose
// results ranged from 8.56 to 9.19), so the test uses one fixed seed (8.91)
// rather than claiming more precision than the method has.
func TestMM1MeanWait(t *testing.T) {
	if got := mm1(2026, 0.9, 1.0, 1_000_000); math.Abs(got-9.0)/9.0 > 0.03 {
		t.Fatalf("M/M/1 mean wait = %.4f, want 9.0 within 3%%", got)
	}
}
