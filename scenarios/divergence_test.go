package scenarios

import (
	"bytes"
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

func trace(t *testing.T, name string, sets ...string) []byte {
	t.Helper()
	sc, err := Builtin(name, sets)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := Run(context.Background(), sc, Options{Trace: &buf}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCompareTraces(t *testing.T) {
	a := trace(t, "recovery")
	b := trace(t, "recovery", "fault[0].at=\"4s\"")
	if div, err := CompareTraces(bytes.NewReader(a), bytes.NewReader(a)); err != nil || div != nil {
		t.Fatalf("identical traces: %v, %v", div, err)
	}
	div, err := CompareTraces(bytes.NewReader(a), bytes.NewReader(b))
	if err != nil || div == nil {
		t.Fatalf("different traces: %v, %v", div, err)
	}
	// The runs agree until the coordinator stops at 3 s in run A.
	if div.A.At < clock.Time(3*clock.Second) || div.A.Seq != div.B.Seq || div.A.Kind == "" {
		t.Fatalf("divergence %+v", div)
	}
	cut := a[:bytes.LastIndexByte(a[:len(a)-1], '\n')+1]
	div, err = CompareTraces(bytes.NewReader(a), bytes.NewReader(cut))
	if err != nil || div == nil || div.B.Kind != "" || !strings.Contains(div.String(), "ended before record") {
		t.Fatalf("truncated trace: %v, %v", div, err)
	}
	for _, bad := range []string{"not json\n", `{"t":1,"kind":"x"}` + "\n", `{"t":"x","kind":"x","h":"0123456789abcdef"}` + "\n"} {
		if _, err := CompareTraces(strings.NewReader(bad), bytes.NewReader(a)); err == nil || !strings.Contains(err.Error(), "A:1: ") {
			t.Errorf("malformed %q: err %v", bad, err)
		}
	}
}

func TestCheckpoints(t *testing.T) {
	var c checkpoints
	for seq := uint64(1); seq <= 10000; seq++ {
		c.add(&Event{Seq: seq, Hash: seq})
	}
	if n := len(c.list); n < maxCheckpoints/2 || n > maxCheckpoints {
		t.Fatalf("%d checkpoints", n)
	}
	step := c.list[1].Record - c.list[0].Record
	for i := 1; i < len(c.list); i++ {
		if c.list[i].Record-c.list[i-1].Record != step {
			t.Fatalf("uneven checkpoints %v", c.list)
		}
	}
}
