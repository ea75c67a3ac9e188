package benchmarks

import (
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/variate"
	"github.com/esgtsim/esgtsim/sim"
)

// BenchmarkKernel is workload W1 of the peer comparison in
// docs/performance.md ("Peer discrete-event kernels"):
// 1,000 concurrent timer chains, each rescheduling itself after an
// exponentially distributed delay (mean 1 ms). One op is one event, so
// ns/op is the cost of one scheduled-and-run event including its
// exponential draw; events/s is the headline figure. The delay is
// truncated to the nanosecond (rounding would cost a few ns per event and
// change nothing that matters at a 1 ms mean).
func BenchmarkKernel(b *testing.B) {
	const chains = 1000
	const mean = float64(clock.Millisecond)
	s := sim.New(1)
	r := s.Stream("delays")
	fns := make([]func(), chains)
	for i := range fns {
		fns[i] = func() {
			s.After(clock.Duration(variate.Exp(r)*mean), fns[i])
		}
		s.After(clock.Duration(i), fns[i])
	}
	for range 100 * chains { // warm up to the steady state
		s.Step()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s.Step()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
