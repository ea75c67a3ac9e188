package main

import (
	"strconv"

	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
)

// runReport is the JSON report of a run: the run's summary, then the
// effective configuration that reproduces it (the scenario, its source's
// hash, the overrides as given and every key's value).
type runReport struct {
	scenarios.Summary
	Config spec.Effective `json:"config"`
}

// newRunReport returns the JSON report of a run of sc. seedSet says
// whether --seed replaced the scenario's seed: it is then recorded as the
// override seed=N, which --set accepts as well.
func newRunReport(sum scenarios.Summary, sc *spec.Scenario, seedSet bool) runReport {
	eff := sc.Effective()
	if seedSet {
		eff.Overrides = append(eff.Overrides, "seed="+strconv.FormatUint(sc.Spec.Seed, 10))
	}
	return runReport{Summary: sum, Config: eff}
}
