package sweep_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/esgtsim/esgtsim/sweep"
)

// A sweep of the built-in latency scenario over two refractory periods and
// two seeds, its rows written as CSV: the same bytes as
// "esgtsim sweep latency --param triggers.refractory_period=50ms,200ms
// --seeds 1..2 --columns succeeded,ignitions".
func ExampleNewPlan() {
	param, err := sweep.ParseParam("triggers.refractory_period=50ms,200ms")
	if err != nil {
		log.Fatal(err)
	}
	plan, err := sweep.NewPlan(sweep.Definition{
		Scenario: "latency",
		Params:   []sweep.Param{param},
		Seeds:    []uint64{1, 2},
		Columns:  []string{"succeeded", "ignitions"},
	})
	if err != nil {
		log.Fatal(err)
	}
	// Validate checks every combination's configuration before any run.
	if err := plan.Validate(context.Background(), 2); err != nil {
		log.Fatal(err)
	}
	job := &sweep.Job{Plan: plan, Workers: 2, Stream: os.Stdout}
	stats, err := job.Run(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(stats.Ran, "cells run,", stats.Failed, "failed")
	// Output:
	// cell,seed,triggers.refractory_period,succeeded,ignitions,digest,error
	// 0,1,50ms,6,6,0bf49971144c7217,
	// 1,2,50ms,5,5,b60bfc9900412e23,
	// 2,1,200ms,5,5,12fdd7c144a6f540,
	// 3,2,200ms,4,4,7c93ba8f68caa011,
	// 4 cells run, 0 failed
}
