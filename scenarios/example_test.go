package scenarios_test

import (
	"context"
	"fmt"
	"log"

	"github.com/esgtsim/esgtsim/scenarios"
)

// A built-in scenario run as it is and with an override, as "esgtsim run
// latency --set key=value" does; the summary is the run report that
// "esgtsim run --format json" prints.
func ExampleRun() {
	for _, overrides := range [][]string{nil, {"triggers.refractory_period=100ms"}} {
		sc, err := scenarios.Load("latency", overrides)
		if err != nil {
			log.Fatal(err)
		}
		res, err := scenarios.Run(context.Background(), sc, scenarios.Options{})
		if err != nil {
			log.Fatal(err)
		}
		s := res.Summary
		fmt.Printf("%v: %d requests, %d ignitions, %d refractory rejections\n",
			overrides, s.Requests.Total, s.Ignitions.Count, s.Ignitions.RefractoryRejections)
	}
	// Output:
	// []: 100 requests, 5 ignitions, 3 refractory rejections
	// [triggers.refractory_period=100ms]: 100 requests, 5 ignitions, 12 refractory rejections
}

// A scenario given as TOML text: it sets only what it changes, and
// everything else is the model's default. Ten requests at one instant: the
// first recruits every free node, so the other nine find none.
func ExampleParse() {
	src := []byte(`
name = "burst-of-ten"
seed = 7
duration = "2s"

[fabric]
nodes = 24

[[workload]]
kind = "burst"
start = "0s"
size = 10
[workload.salience]
mode = "fixed"
value = 0.9
`)
	sc, err := scenarios.Parse("burst-of-ten.toml", src, nil)
	if err != nil {
		log.Fatal(err)
	}
	res, err := scenarios.Run(context.Background(), sc, scenarios.Options{Check: true})
	if err != nil {
		log.Fatal(err)
	}
	s := res.Summary
	fmt.Printf("%d requests: %d succeeded, failed by reason %v\n", s.Requests.Total, s.Requests.Succeeded, s.Requests.Failed)
	// Output:
	// 10 requests: 1 succeeded, failed by reason map[insufficient_nodes:9]
}
