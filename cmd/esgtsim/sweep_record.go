package main

import (
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/sweep"
)

// sweepRecord is what sweep --record writes: everything that decides the
// sweep's rows, so that its output says how to reproduce it.
type sweepRecord struct {
	// Scenario, SourceSHA256, Overrides (the --set flags as given) and
	// Config (every key after defaults and --set, before any --param; the
	// seed left out, since every cell replaces it) are the scenario's
	// effective configuration.
	Scenario     string        `json:"scenario"`
	SourceSHA256 string        `json:"source_sha256"`
	Overrides    []string      `json:"overrides"`
	Params       []paramRecord `json:"params"`
	Seeds        []uint64      `json:"seeds"`
	Columns      []string      `json:"columns"`
	Format       string        `json:"format"`
	Fingerprint  string        `json:"fingerprint"`
	Config       spec.Table    `json:"config"`
}

// paramRecord is one --param: its path and values, ranges expanded.
type paramRecord struct {
	Path   string   `json:"path"`
	Values []string `json:"values"`
}

// writeSweepRecord writes the record of a validated plan to path.
func (e *env) writeSweepRecord(path string, def sweep.Definition, plan *sweep.Plan) error {
	sc, err := scenarios.Load(def.Scenario, def.Sets)
	if err != nil {
		return err
	}
	eff := sc.Effective()
	rec := sweepRecord{
		Scenario: eff.Scenario, SourceSHA256: eff.SourceSHA256, Overrides: eff.Overrides,
		Params: []paramRecord{}, Seeds: plan.Grid().Seeds, Format: plan.Format().String(),
		Fingerprint: plan.Fingerprint(), Config: eff.Config.Without("seed"),
	}
	for _, p := range plan.Grid().Params {
		rec.Params = append(rec.Params, paramRecord{p.Path, p.Values})
	}
	for _, c := range plan.Columns() {
		rec.Columns = append(rec.Columns, c.Name)
	}
	return e.writeOutput(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rec)
	})
}

// sweepContext reads a record written by sweep --record and names what
// it fixed: the scenario, then its overrides ("load-short; fabric.nodes=48").
func sweepContext(data []byte) (string, error) {
	var rec struct {
		Scenario  string   `json:"scenario"`
		Overrides []string `json:"overrides"`
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		return "", err
	}
	if rec.Scenario == "" {
		return "", errors.New("not a sweep record (no scenario)")
	}
	if len(rec.Overrides) == 0 {
		return rec.Scenario, nil
	}
	return rec.Scenario + "; " + strings.Join(rec.Overrides, ", "), nil
}
