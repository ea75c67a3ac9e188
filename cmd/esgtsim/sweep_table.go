package main

import (
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/sweep"
)

// studyFromFile fills what the command line leaves out of a sweep from the
// scenario's [sweep] table: its params when no --param is given, its seeds
// when --seeds is not. Flags always win. A scenario that does not load is
// left for the sweep's own loading to report.
func studyFromFile(e *env, def *sweep.Definition, seedsGiven bool) error {
	if len(def.Params) > 0 && seedsGiven {
		return nil
	}
	sc, err := scenarios.Load(def.Scenario, def.Sets)
	if err != nil {
		return nil
	}
	table := sc.Spec.Sweep
	if len(def.Params) == 0 {
		for _, s := range table.Params {
			p, err := sweep.ParseParam(s)
			if err != nil {
				return e.inputError(sc.KeyError("sweep.params", err))
			}
			def.Params = append(def.Params, p)
		}
	}
	if !seedsGiven && table.Seeds != "" {
		if def.Seeds, err = sweep.ParseSeeds(table.Seeds); err != nil {
			return e.inputError(sc.KeyError("sweep.seeds", err))
		}
	}
	return nil
}

// seedsFromFile returns the seeds of sc's [sweep] table, or nil when it has
// none.
func seedsFromFile(e *env, sc *spec.Scenario) ([]uint64, error) {
	if sc.Spec.Sweep.Seeds == "" {
		return nil, nil
	}
	seeds, err := sweep.ParseSeeds(sc.Spec.Sweep.Seeds)
	if err != nil {
		return nil, e.inputError(sc.KeyError("sweep.seeds", err))
	}
	return seeds, nil
}
