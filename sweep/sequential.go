package sweep

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/esgtsim/esgtsim/inference"
)

// Sequential runs a sweep with sequential replications: each parameter
// combination gets more seeds until the mean of every chosen metric is
// known to the rule's precision (the half-width of its interval within
// Target·|mean|), or the cap.
//
// The plan's seeds are the initial seeds followed by the seeds that may be
// added, Rule.Max in all; cells keep their numbers in that full grid, so a
// combination that stops early leaves gaps in the cell column. Rows come
// in cell order and depend only on the values, not on the workers.
type Sequential struct {
	Plan       *Plan
	Initial    int // the initial seeds are the plan's first Initial seeds
	Rule       inference.Sequential
	Metrics    []string // figure columns the rule checks
	Confidence float64
	Workers    int
	// Progress, when set, is called after each finished cell with the
	// number of cells run so far.
	Progress func(done int)
}

// ComboPrecision is how a combination ended.
type ComboPrecision struct {
	Values []string // the parameter values
	Seeds  int      // seeds it ran
	Met    bool
	Unmet  []string // metrics still less precise than the target
}

// Run runs the rounds and returns the rows of every cell that ran, in cell
// order, and how each combination ended.
func (s *Sequential) Run(ctx context.Context) ([]Row, []ComboPrecision, error) {
	p := s.Plan
	seeds := len(p.grid.Seeds)
	if s.Initial < 1 || s.Initial > seeds || s.Rule.Max > seeds {
		return nil, nil, fmt.Errorf("sweep: sequential plan with %d seeds for %d initial and at most %d", seeds, s.Initial, s.Rule.Max)
	}
	cols := make([]int, len(s.Metrics))
	for i, m := range s.Metrics {
		cols[i] = slices.IndexFunc(p.cols, func(c Column) bool { return c.Name == m && c.Kind != Value && c.Kind != Text })
		if cols[i] < 0 || m == "cell" || m == "seed" {
			return nil, nil, fmt.Errorf("--metric %s: not a figure column of this sweep", m)
		}
	}
	combos := p.grid.Combos()
	n := make([]int, combos)
	var todo []int
	for k := range combos {
		n[k] = s.Initial
		for i := range s.Initial {
			todo = append(todo, k*seeds+i)
		}
	}
	rows := map[int]Row{}
	done := 0
	result := make([]ComboPrecision, combos)
	for len(todo) > 0 {
		err := p.Run(ctx, s.Workers, todo, func(r Row) error {
			rows[r.Cell] = r
			done++
			if s.Progress != nil {
				s.Progress(done)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		// Decide, in combination order, which combinations go on.
		var next []int
		for _, c := range todo {
			k := c / seeds
			if len(next) > 0 && next[len(next)-1] == k {
				continue
			}
			next = append(next, k)
		}
		todo = todo[:0]
		for _, k := range next {
			goals, names := s.goals(rows, cols, k*seeds, n[k])
			want := s.Rule.Next(n[k], goals)
			if want == n[k] {
				cp := ComboPrecision{Values: p.grid.ComboValues(k), Seeds: n[k], Unmet: []string{}}
				for i, g := range goals {
					if g.N > 0 && !g.Met(s.Rule.Target) {
						cp.Unmet = append(cp.Unmet, names[i])
					}
				}
				cp.Met = len(cp.Unmet) == 0
				result[k] = cp
				continue
			}
			for i := n[k]; i < want; i++ {
				todo = append(todo, k*seeds+i)
			}
			n[k] = want
		}
	}
	out := make([]Row, 0, len(rows))
	for _, r := range rows {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Row) int { return a.Cell - b.Cell })
	return out, result, nil
}

// goals measures the chosen metrics over the first n cells from first.
func (s *Sequential) goals(rows map[int]Row, cols []int, first, n int) ([]inference.Goal, []string) {
	goals := make([]inference.Goal, len(cols))
	for i, c := range cols {
		var xs []float64
		for cell := first; cell < first+n; cell++ {
			r := rows[cell]
			if failed(r) == 1 || r.Fields[c] == "" {
				continue
			}
			if v, err := strconv.ParseFloat(r.Fields[c], 64); err == nil && !math.IsNaN(v) {
				xs = append(xs, v)
			}
		}
		e := inference.Mean(xs, s.Confidence)
		goals[i] = inference.Goal{N: e.N, HalfWidth: e.HalfWidth, Scale: e.Mean}
	}
	return goals, s.Metrics
}

// WriteRows writes the header and rows (in cell order) to w: the output
// of a sweep that ran only some cells of its grid.
func (p *Plan) WriteRows(w io.Writer, rows []Row) error {
	if _, err := w.Write(header(p.def.Format, p.cols)); err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := w.Write(encodeRow(p.def.Format, p.cols, r.Fields)); err != nil {
			return err
		}
	}
	return nil
}
