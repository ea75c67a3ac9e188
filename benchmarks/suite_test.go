package benchmarks

import (
	"context"
	"runtime"
	"testing"

	"github.com/esgtsim/esgtsim/scenarios/suite"
)

// BenchmarkSuite runs the whole built-in suite as "esgtsim suite" does, on
// GOMAXPROCS workers. One op is one suite; wall-s/suite is its wall time
// and runs/s the scenario runs finished per wall second. Target: under
// 10 s on the project's 2-core machine.
func BenchmarkSuite(b *testing.B) {
	scs, err := suite.Select(nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	workers := runtime.GOMAXPROCS(0)
	runs := 0
	for b.Loop() {
		if _, err := suite.Run(context.Background(), scs, suite.Options{Workers: workers}); err != nil {
			b.Fatal(err)
		}
		runs += len(scs)
	}
	wall := b.Elapsed().Seconds()
	b.ReportMetric(wall/float64(b.N), "wall-s/suite")
	b.ReportMetric(float64(runs)/wall, "runs/s")
	b.ReportMetric(float64(workers), "workers")
}
