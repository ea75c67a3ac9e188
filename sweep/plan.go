package sweep

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/esgtsim/esgtsim/internal/strictoml"
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
)

// Definition is what a sweep's command line says.
type Definition struct {
	Scenario string   // a built-in scenario's name, or else a file path
	Sets     []string // --set overrides, applied before each combination's params
	Params   []Param
	Seeds    []uint64 // ascending; nil runs the scenario's own seed only
	Format   Format
	// Columns are the figure columns, metric names (see [ParseColumns]);
	// nil writes the default ones.
	Columns []string
	Shard   Shard
	// Version identifies the program; it is part of the fingerprint, so a
	// sweep is never resumed or merged across builds that say they differ.
	Version string
}

// Plan is a loaded sweep definition: the scenario's bytes, the grid and
// the columns. Once [Plan.Validate] has returned, it is safe for
// concurrent use.
type Plan struct {
	def         Definition
	source      []byte
	base        settings // the scenario with the --set overrides
	grid        Grid
	cols        []Column
	metrics     []Metric // the figure columns
	cells       []int    // this shard's cells, ascending
	fingerprint string   // set by Validate
}

// NewPlan reads the scenario and checks the definition: the scenario and
// its --set overrides load, no path is both set and swept, and the grid
// is within limits. It does not check each combination; see
// [Plan.Validate].
func NewPlan(def Definition) (*Plan, error) {
	source, err := scenarios.BuiltinSource(def.Scenario)
	if err != nil {
		if source, err = os.ReadFile(def.Scenario); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%q is neither a built-in scenario (esgtsim list) nor a file", def.Scenario)
			}
			return nil, err
		}
	}
	base, err := scenarios.Parse(def.Scenario, source, def.Sets)
	if err != nil {
		return nil, err
	}
	for _, p := range def.Params {
		for _, s := range def.Sets {
			if path, _, _ := strings.Cut(s, "="); strings.TrimSpace(path) == p.Path {
				return nil, fmt.Errorf("%s is both --set and --param; drop one", p.Path)
			}
		}
	}
	if def.Seeds == nil {
		def.Seeds = []uint64{base.Spec.Seed}
	}
	grid, err := NewGrid(def.Params, def.Seeds)
	if err != nil {
		return nil, err
	}
	var metrics []Metric
	for _, name := range def.Columns {
		m, err := LookupMetric(name)
		if err != nil {
			return nil, fmt.Errorf("--columns: %w", err)
		}
		metrics = append(metrics, m)
	}
	if metrics == nil {
		metrics = DefaultMetrics()
	}
	p := &Plan{def: def, source: source, base: effectiveSettings(base), grid: grid,
		cols: Columns(def.Params, metrics), metrics: metrics}
	p.cells = def.Shard.Cells(grid.Len())
	return p, nil
}

// Grid returns the plan's grid.
func (p *Plan) Grid() Grid { return p.grid }

// Columns returns the columns of the plan's rows.
func (p *Plan) Columns() []Column { return p.cols }

// Format returns the output format.
func (p *Plan) Format() Format { return p.def.Format }

// Cells returns the indexes of the cells this plan runs (its shard's),
// ascending. The caller must not modify the slice.
func (p *Plan) Cells() []int { return p.cells }

// Fingerprint identifies the sweep's output: a SHA-256 (hex) over the
// program version, the format and columns, the seeds, every parameter's path and
// values as written, and the effective configuration of every parameter
// combination (see [Plan.Validate]) with the bytes of its fabric.edges
// file if it has one; not over the scenario file's bytes, so a changed
// comment keeps it. Two plans with the same fingerprint
// produce the same rows. The shard is not part of it: all shards of a
// sweep share it. It is empty until Validate has succeeded.
func (p *Plan) Fingerprint() string { return p.fingerprint }

// columnNames returns the names of the figure columns, the defaults
// included: a sweep's fingerprint covers its columns, so shards or a
// journal written with other columns are never merged or resumed.
func (p *Plan) columnNames() []string {
	names := make([]string, len(p.metrics))
	for i, m := range p.metrics {
		names[i] = m.Name
	}
	return names
}

// load parses parameter combination k.
func (p *Plan) load(k int) (*spec.Scenario, error) {
	overrides := append(slices.Clip(p.def.Sets), p.grid.Overrides(k)...)
	sc, err := scenarios.Parse(p.def.Scenario, p.source, overrides)
	if err != nil {
		return nil, p.explain(k, err)
	}
	return sc, nil
}

// explain names the parameter combination in a load error: an error about
// one swept value names its --param; any other names the combination.
func (p *Plan) explain(k int, err error) error {
	var se *strictoml.Error
	if errors.As(err, &se) {
		for _, o := range p.grid.Overrides(k) {
			if se.Pos.File == "--set "+o {
				e := *se
				e.Pos.File = "--param " + o
				return &e
			}
		}
	}
	if len(p.def.Params) == 0 {
		return err
	}
	return fmt.Errorf("with %s: %w", strings.Join(p.grid.Overrides(k), ", "), err)
}
