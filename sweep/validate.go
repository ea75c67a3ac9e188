package sweep

import (
	"context"
	"crypto/sha256"
	"sync"
	"sync/atomic"
)

// Validate loads every parameter combination of the whole grid (not only
// this shard's, so that every shard accepts or refuses a sweep alike) with
// up to workers goroutines, and returns the error of the first invalid
// combination in cell order, naming the --param value at fault. Loading
// is cheap next to running; this catches a bad value before any cell
// runs. It returns ctx's error if ctx ends first. On success it sets the
// plan's [Plan.Fingerprint] from the combinations' effective settings; a
// plan must be validated before it runs.
func (p *Plan) Validate(ctx context.Context, workers int) error {
	n := p.grid.Combos()
	workers = max(1, min(workers, n))
	errs := make([]error, n)
	digests := make([][sha256.Size]byte, n)
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
				sc, err := p.load(k)
				if err == nil {
					digests[k] = settingsDigest(effectiveSettings(sc))
					continue
				}
				errs[k] = err
				for f := failed.Load(); f == 0 || int(f-1) > k; f = failed.Load() {
					if failed.CompareAndSwap(f, int64(k)+1) {
						break
					}
				}
			}
		})
	}
	wg.Wait()
	if f := failed.Load(); f != 0 {
		return errs[f-1]
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	p.fingerprint = p.fingerprintOf(digests)
	return nil
}
