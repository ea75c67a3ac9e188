package sweep

import (
	"context"
	"sync"
	"sync/atomic"
)

// Validate loads every parameter combination of the whole grid (not only
// this shard's, so that every shard accepts or refuses a sweep alike) with
// up to workers goroutines, and returns the error of the first invalid
// combination in cell order, naming the --param value at fault. Loading
// is cheap next to running; this catches a bad value before any cell
// runs. It returns ctx's error if ctx ends first.
func (p *Plan) Validate(ctx context.Context, workers int) error {
	n := p.grid.Combos()
	workers = max(1, min(workers, n))
	errs := make([]error, n)
	var next atomic.Int64
	var failed atomic.Int64 // lowest failed combination + 1; 0 for none
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				if f := failed.Load(); f != 0 && int(f-1) < k {
					return // an earlier combination already failed
				}
				if _, err := p.load(k); err != nil {
					errs[k] = err
					for f := failed.Load(); f == 0 || int(f-1) > k; f = failed.Load() {
						if failed.CompareAndSwap(f, int64(k)+1) {
							break
						}
					}
				}
			}
		})
	}
	wg.Wait()
	if f := failed.Load(); f != 0 {
		return errs[f-1]
	}
	return ctx.Err()
}
