package scenarios

import (
	"context"

	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/scenarios/trace"
)

// CheckDeterminism runs sc twice and compares the running digest after
// every record. It returns the first run's result, and nil if the runs are
// identical or else the first record at which they differ, described from
// both runs.
func CheckDeterminism(ctx context.Context, sc *spec.Scenario) (*Result, *trace.Divergence, error) {
	var first *Result
	div, err := checkDeterminism(ctx, func(ctx context.Context, opts Options) error {
		res, err := Run(ctx, sc, opts)
		if first == nil {
			first = res
		}
		return err
	})
	return first, div, err
}

// checkDeterminism compares two invocations of run (a third describes the
// first run's record at the divergence).
func checkDeterminism(ctx context.Context, run func(context.Context, Options) error) (*trace.Divergence, error) {
	var hashes []uint64
	if err := run(ctx, Options{OnEvent: func(e *trace.Event) { hashes = append(hashes, e.Hash) }}); err != nil {
		return nil, err
	}
	var div *trace.Divergence
	var seen uint64
	ctxB, cancelB := context.WithCancel(ctx)
	defer cancelB()
	err := run(ctxB, Options{OnEvent: func(e *trace.Event) {
		if div != nil {
			return
		}
		seen = e.Seq
		if e.Seq > uint64(len(hashes)) || hashes[e.Seq-1] != e.Hash {
			div = &trace.Divergence{B: trace.Describe(e)}
			cancelB()
		}
	}})
	switch {
	case div == nil && err != nil:
		return nil, err
	case div == nil && seen != uint64(len(hashes)):
		div = &trace.Divergence{B: trace.Record{Seq: seen + 1}} // run B ended early
	case div == nil:
		return nil, nil
	}
	div.A = trace.Record{Seq: div.B.Seq}
	ctxA, cancelA := context.WithCancel(ctx)
	defer cancelA()
	run(ctxA, Options{OnEvent: func(e *trace.Event) {
		if e.Seq == div.B.Seq && div.A.Kind == "" {
			div.A = trace.Describe(e)
			cancelA()
		}
	}})
	return div, nil
}
