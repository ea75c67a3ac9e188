package benchmarks

import (
	"strconv"
	"testing"
	"time"

	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/sim"
)

// BenchmarkFabric generates a TIG fabric and computes all its metrics and
// compliance checks, as `esgtsim fabric` does; one op is one fabric. It
// reports the wall seconds per op, split into generation and metrics, and
// the links generated. The original Python computed no exact algebraic
// connectivity past 16 nodes; here it is exact at every size.
func BenchmarkFabric(b *testing.B) {
	for _, n := range []int{32, 1000, 10000} {
		cfg := fabric.DefaultConfig()
		cfg.Nodes = n
		b.Run("nodes="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			var gen, metrics time.Duration
			var links int
			for b.Loop() {
				t0 := time.Now()
				f, err := fabric.New(cfg)
				if err != nil {
					b.Fatal(err)
				}
				if err := f.Initialize(sim.NewStream(1, "fabric")); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				m := f.Metrics(sim.NewStream(1, "fabric/metrics"))
				f.Compliance(m)
				gen += t1.Sub(t0)
				metrics += time.Since(t1)
				links = m.Edges
			}
			ops := float64(b.N)
			b.ReportMetric((gen+metrics).Seconds()/ops, "s/op-wall")
			b.ReportMetric(gen.Seconds()/ops, "gen-s/op")
			b.ReportMetric(metrics.Seconds()/ops, "metrics-s/op")
			b.ReportMetric(float64(links), "links")
		})
	}
}

// BenchmarkFabricBroadcast floods a 10,000-node fabric from a different
// source each op; one op is one broadcast (allocation-free).
func BenchmarkFabricBroadcast(b *testing.B) {
	cfg := fabric.DefaultConfig()
	cfg.Nodes = 10000
	f, err := fabric.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	if err := f.Initialize(sim.NewStream(1, "fabric")); err != nil {
		b.Fatal(err)
	}
	rng := sim.NewStream(1, "broadcast")
	f.Broadcast(0, rng)
	b.ReportAllocs()
	src := 0
	for b.Loop() {
		if r := f.Broadcast(src, rng); r.Reached != cfg.Nodes {
			b.Fatalf("reached %d of %d", r.Reached, cfg.Nodes)
		}
		src = (src + 7919) % cfg.Nodes
	}
	b.ReportMetric(float64(f.NumLinks())*float64(b.N)/b.Elapsed().Seconds(), "links/s")
}
