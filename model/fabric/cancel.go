package fabric

import "context"

// stopper lets the long computations of a large fabric (generation, the
// all-pairs metrics, the spectrum: minutes at 100,000 nodes) give up soon
// after their context is done. The loops call poll once per unit of work
// of at most a few milliseconds; poll unwinds with a panic carrying a
// cancellation, which the exported entry point ([Fabric.InitializeContext],
// [Fabric.MetricsContext]) recovers and returns as the context's error,
// so the internal functions need no error results. A nil *stopper never
// stops.
type stopper struct {
	ctx context.Context
}

// cancellation is the panic value of a stopped computation.
type cancellation struct{ err error }

// newStopper returns a stopper for ctx, or nil when ctx can never be done.
func newStopper(ctx context.Context) *stopper {
	if ctx == nil || ctx.Done() == nil {
		return nil
	}
	return &stopper{ctx: ctx}
}

// poll unwinds the computation if the context is done.
func (s *stopper) poll() {
	if s == nil {
		return
	}
	if err := s.ctx.Err(); err != nil {
		panic(cancellation{err})
	}
}

// recoverCancellation, deferred by an entry point, turns the unwinding of
// poll into *err; any other panic goes on.
func recoverCancellation(err *error) {
	if r := recover(); r != nil {
		c, ok := r.(cancellation)
		if !ok {
			panic(r)
		}
		*err = c.err
	}
}
