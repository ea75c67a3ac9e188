package benchmarks

import (
	"context"
	"testing"

	"github.com/esgtsim/esgtsim/scenarios"
)

// BenchmarkScenario runs built-in scenarios end to end. One op is one whole
// run; sim-s/wall-s is virtual seconds simulated per wall second (the
// speed-up over real time) and requests/s is requests handled per wall
// second. Targets: load-full >= 1,000x real time (10 virtual minutes in
// at most 0.6 s), high-load >= 500x.
func BenchmarkScenario(b *testing.B) {
	for _, name := range []string{"load-short", "latency", "load-full", "high-load"} {
		b.Run(name, func(b *testing.B) {
			sc, err := scenarios.Builtin(name, nil)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var virtual float64
			var requests uint64
			for b.Loop() {
				res, err := scenarios.Run(context.Background(), sc, scenarios.Options{})
				if err != nil {
					b.Fatal(err)
				}
				virtual += res.Summary.VirtualSeconds
				requests += res.Summary.Requests.Total
			}
			wall := b.Elapsed().Seconds()
			b.ReportMetric(virtual/wall, "sim-s/wall-s")
			b.ReportMetric(float64(requests)/wall, "requests/s")
		})
	}
}
