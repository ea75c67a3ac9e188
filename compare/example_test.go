package compare_test

import (
	"context"
	"fmt"
	"log"

	"github.com/esgtsim/esgtsim/compare"
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/sweep"
)

// Two refractory periods of the built-in latency scenario compared on the
// same ten seeds (common random numbers): the mean of each side, the
// paired difference B − A with its 95 % interval, and the p-value of the
// paired t-test, as "esgtsim compare" reports them.
func ExampleStudy() {
	a, err := scenarios.Load("latency", []string{"triggers.refractory_period=50ms"})
	if err != nil {
		log.Fatal(err)
	}
	b, err := scenarios.Load("latency", []string{"triggers.refractory_period=200ms"})
	if err != nil {
		log.Fatal(err)
	}
	succeeded, err := sweep.LookupMetric("succeeded")
	if err != nil {
		log.Fatal(err)
	}
	study := &compare.Study{A: a, B: b, Metrics: []sweep.Metric{succeeded}, Confidence: 0.95}
	samples, err := study.Collect(context.Background(), []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 2, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range study.Analyse(samples).Metrics {
		fmt.Printf("%s over %d seeds: A %.2f, B %.2f, B − A %.2f [%.2f, %.2f], p %.2g\n",
			m.Metric, m.N, m.AMean, m.BMean, m.Diff, m.CILow, m.CIHigh, m.PValue)
	}
	// Output:
	// succeeded over 10 seeds: A 5.70, B 4.60, B − A -1.10 [-1.51, -0.69], p 0.00017
}
