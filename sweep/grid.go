package sweep

import (
	"fmt"
)

// Grid is the cross product of parameter values and seeds. Cells are
// numbered from 0: parameter combinations in lexicographic order of the
// params as given (the last varies fastest), and for each combination the
// seeds in ascending order. With params a=1,2 and b=x,y and seeds 1..2 the
// cells are (a=1 b=x seed 1), (1 x 2), (1 y 1), (1 y 2), (2 x 1), ...
type Grid struct {
	Params []Param
	Seeds  []uint64
}

// Cell is one run of a sweep.
type Cell struct {
	Index  int      // position in the full grid
	Combo  int      // index of the parameter combination
	Seed   uint64   // replaces the scenario's seed
	Values []string // one per param, in the order of Grid.Params
}

// NewGrid checks that the grid is non-empty, its paths distinct and its
// size within [MaxCells].
func NewGrid(params []Param, seeds []uint64) (Grid, error) {
	g := Grid{Params: params, Seeds: seeds}
	if len(seeds) == 0 {
		return Grid{}, fmt.Errorf("no seeds to run")
	}
	seen := map[string]bool{}
	cells := len(seeds)
	for _, p := range params {
		if seen[p.Path] {
			return Grid{}, fmt.Errorf("--param %s given twice; list all its values in one flag", p.Path)
		}
		seen[p.Path] = true
		if len(p.Values) == 0 {
			return Grid{}, fmt.Errorf("--param %s has no values", p.Path)
		}
		if cells > MaxCells/len(p.Values) {
			return Grid{}, fmt.Errorf("the sweep has more than %d cells; split it into several sweeps", MaxCells)
		}
		cells *= len(p.Values)
	}
	return g, nil
}

// Combos returns the number of parameter combinations.
func (g Grid) Combos() int {
	n := 1
	for _, p := range g.Params {
		n *= len(p.Values)
	}
	return n
}

// Len returns the number of cells.
func (g Grid) Len() int { return g.Combos() * len(g.Seeds) }

// ComboValues returns the parameter values of combination k.
func (g Grid) ComboValues(k int) []string {
	vals := make([]string, len(g.Params))
	for i := len(g.Params) - 1; i >= 0; i-- {
		n := len(g.Params[i].Values)
		vals[i] = g.Params[i].Values[k%n]
		k /= n
	}
	return vals
}

// Overrides returns combination k as "--set" overrides, "path=value".
func (g Grid) Overrides(k int) []string {
	vals := g.ComboValues(k)
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = g.Params[i].Path + "=" + v
	}
	return out
}

// Cell returns cell i. It panics if i is out of range.
func (g Grid) Cell(i int) Cell {
	if i < 0 || i >= g.Len() {
		panic(fmt.Sprintf("sweep: cell %d out of range [0, %d)", i, g.Len()))
	}
	k := i / len(g.Seeds)
	return Cell{Index: i, Combo: k, Seed: g.Seeds[i%len(g.Seeds)], Values: g.ComboValues(k)}
}
