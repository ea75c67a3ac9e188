package scenarios

import (
	"context"
	"io"
	"time"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/scenarios/trace"
	"github.com/esgtsim/esgtsim/sim"
)

// Options adjust a run without changing its results.
type Options struct {
	// Trace receives the run's events as JSON Lines; nil writes none.
	Trace io.Writer
	// Check verifies the model's invariants during the run; the first
	// violation ends it with a *check.InvariantError.
	Check bool
	// OnEvent receives every trace record as it happens; the *Event and
	// its Outcome are valid only during the call.
	OnEvent func(*trace.Event)
	// KeepHistory keeps each ignition's coherence history (one sample per
	// ignition.sample_every) in the outcome records OnEvent sees, for
	// plots. It does not change the results.
	KeepHistory bool
	// Progress is called after every simulated second with the virtual
	// time reached and the scenario's duration.
	Progress func(now clock.Time, end clock.Time)
	// WallClock, when set, measures wall time for Result.Stats (speed).
	WallClock func() time.Duration
}

// progressStep is how much virtual time runs between progress reports and
// cancellation checks.
const progressStep = clock.Second

// Run runs a scenario to the end of its duration and then until every
// admitted request has its outcome. Cancelling ctx stops it within one
// simulated second; Run then returns the partial result (Complete false)
// with ctx's error. Cancelled while it generates or measures the fabric
// (seconds for large fabrics), it returns ctx's error and no result.
func Run(ctx context.Context, sc *spec.Scenario, opts Options) (*Result, error) {
	rec := newRecorder(&opts)
	w, err := build(ctx, sc, rec, opts.KeepHistory)
	if err != nil {
		return nil, err
	}
	initial, err := fabricSummary(ctx, w)
	if err != nil {
		return nil, err
	}
	rec.retainedInitial = w.retained()
	if opts.WallClock != nil {
		w.sim.SetWallClock(opts.WallClock)
	}
	end := clock.Time(sc.Spec.Duration)
	var runErr error
	for t := clock.Time(0); t < end && runErr == nil; {
		t = min(t.Add(progressStep), end)
		w.sim.RunUntil(t)
		switch {
		case ctx.Err() != nil: // first: it may also have failed a fabric re-creation
			runErr = ctx.Err()
		case w.err != nil:
			runErr = w.err
		case opts.Progress != nil:
			opts.Progress(w.sim.Now(), end)
		}
	}
	if runErr == nil {
		// Let in-flight ignitions finish; periodic controllers tick on.
		w.sim.RunWhile(func() bool { return w.coord.InFlight() > 0 && w.err == nil })
		runErr = w.err
	}
	if runErr == nil && rec.check != nil {
		runErr = rec.check.Done(w.sim.Now())
	}
	if err := rec.finish(); err != nil && runErr == nil {
		runErr = err
	}
	sum := rec.summarize(initial)
	sum.Complete = runErr == nil
	return &Result{Summary: sum, Stats: w.sim.Stats()}, runErr
}

// retained returns the model's retained memory in values (see Memory).
func (w *world) retained() int { return w.fab.Retained() + w.coord.Retained() }

// fabricSummary measures the fabric as built, before the run. Its estimators draw from their
// own stream, so measuring never changes the run.
func fabricSummary(ctx context.Context, w *world) (Fabric, error) {
	m, err := w.fab.MetricsContext(ctx, sim.NewStream(w.sc.Spec.Seed, "fabric/metrics"))
	if err != nil {
		return Fabric{}, err
	}
	return Fabric{
		Nodes: m.Nodes, Edges: m.Edges, Density: m.Density, Clustering: m.Clustering,
		PathLength: m.PathLength, Efficiency: m.Efficiency, AlgebraicConnectivity: m.AlgebraicConnectivity,
		ArticulationPoints: len(m.ArticulationPoints),
	}, nil
}
