package scenarios

import (
	"context"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

func TestCheckDeterminismAgrees(t *testing.T) {
	sc, err := Builtin("latency", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, div, err := CheckDeterminism(context.Background(), sc)
	if err != nil || div != nil {
		t.Fatalf("divergence %v, err %v", div, err)
	}
}

// TestCheckDeterminismFindsDivergence crashes a node in the second run at 1.5
// virtual seconds and expects the report to name
// the first record after that from both runs.
func TestCheckDeterminismFindsDivergence(t *testing.T) {
	calls := 0
	run := func(ctx context.Context, opts Options) error {
		calls++
		sc, err := Builtin("load-short", nil)
		if err != nil {
			return err
		}
		rec := newRecorder(&opts)
		w, err := build(context.Background(), sc, rec, false)
		if err != nil {
			return err
		}
		if calls == 2 {
			w.sim.Schedule(clock.Time(1500*clock.Millisecond), func() { w.fab.CrashNode(5) })
		}
		for t := clock.Time(0); t < clock.Time(sc.Spec.Duration) && ctx.Err() == nil; {
			t = t.Add(clock.Second)
			w.sim.RunUntil(t)
		}
		return nil
	}
	div, err := checkDeterminism(context.Background(), run)
	if err != nil || div == nil {
		t.Fatalf("divergence %v, err %v", div, err)
	}
	if div.A.Seq != div.B.Seq || div.B.At < clock.Time(1500*clock.Millisecond) || div.A.Kind == "" || div.B.Kind == "" {
		t.Fatalf("divergence %+v", div)
	}
	if !strings.Contains(div.String(), "first divergence") || calls != 3 {
		t.Fatalf("report %q after %d runs", div, calls)
	}
}
