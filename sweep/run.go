package sweep

import (
	"context"
	"fmt"
	"strconv"
	"sync"

	"github.com/esgtsim/esgtsim/scenarios"
)

// Run runs the cells of todo (cell indexes of this plan's shard) on
// workers goroutines and calls emit with each finished row, from the
// calling goroutine, in the order the cells finish. A cell that fails
// still finishes: its row carries the error. When ctx ends, Run stops
// starting cells, drops the ones in progress (they are not finished) and
// returns ctx's error once every worker has stopped; when emit fails, Run
// stops the same way and returns emit's error.
//
// Runs share nothing, so the rows are the same whatever workers is.
func (p *Plan) Run(ctx context.Context, workers int, todo []int, emit func(Row) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	rows := make(chan Row, max(workers, 1))
	var wg sync.WaitGroup
	for range max(1, min(workers, len(todo))) {
		wg.Go(func() {
			for i := range jobs {
				if r, done := p.RunCell(ctx, i); done {
					rows <- r
				}
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, i := range todo {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(rows)
	}()
	var err error
	for r := range rows {
		if err == nil {
			if err = emit(r); err != nil {
				cancel()
			}
		}
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// runScenario runs one cell; tests replace it to make cells fail.
var runScenario = scenarios.Run

// RunCell runs cell i and returns its row. done is false if ctx ended
// before the run did: the cell is not finished and has no row. A run that
// fails, or panics, gives a row with the error and empty figures.
func (p *Plan) RunCell(ctx context.Context, i int) (row Row, done bool) {
	c := p.grid.Cell(i)
	figs, done := p.figures(ctx, c)
	if !done {
		return Row{}, false
	}
	fields := make([]string, 0, len(p.cols))
	fields = append(fields, strconv.Itoa(i), formatUint(c.Seed))
	fields = append(fields, c.Values...)
	return Row{Cell: i, Fields: append(fields, figs...)}, true
}

func (p *Plan) figures(ctx context.Context, c Cell) (figs []string, done bool) {
	defer func() {
		if r := recover(); r != nil {
			figs, done = errorFields(p.metrics, fmt.Errorf("panic: %v", r)), true
		}
	}()
	sc, err := p.load(c.Combo)
	if err != nil {
		return errorFields(p.metrics, err), true
	}
	sc.Spec.Seed = c.Seed
	res, err := runScenario(ctx, sc, scenarios.Options{})
	if ctx.Err() != nil {
		return nil, false
	}
	if err != nil {
		return errorFields(p.metrics, err), true
	}
	return figureFields(p.metrics, &res.Summary), true
}
