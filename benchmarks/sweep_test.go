package benchmarks

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/esgtsim/esgtsim/sweep"
)

// BenchmarkSweep runs a 100-cell sweep of the built-in latency scenario
// (10 refractory periods × 10 seeds) with 1 and 2 workers, rows encoded as
// CSV and discarded. One op is the whole sweep, as esgtsim sweep runs it
// after checking the grid; cells/s is the headline figure. Target:
// near-linear speed-up from 1 to 2 workers on a 2-core machine.
func BenchmarkSweep(b *testing.B) {
	p, err := sweep.ParseParam("triggers.refractory_period=10ms:100ms:10ms")
	if err != nil {
		b.Fatal(err)
	}
	seeds, err := sweep.ParseSeeds("1..10")
	if err != nil {
		b.Fatal(err)
	}
	plan, err := sweep.NewPlan(sweep.Definition{Scenario: "latency", Params: []sweep.Param{p}, Seeds: seeds})
	if err != nil {
		b.Fatal(err)
	}
	if err := plan.Validate(context.Background(), 1); err != nil {
		b.Fatal(err)
	}
	cells := len(plan.Cells())
	if cells != 100 {
		b.Fatalf("%d cells, want 100", cells)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				job := &sweep.Job{Plan: plan, Workers: workers, Stream: io.Discard}
				if _, err := job.Run(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cells*b.N)/b.Elapsed().Seconds(), "cells/s")
		})
	}
}
