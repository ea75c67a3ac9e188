package trace_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/trace"
)

// runTrace runs a built-in scenario and returns its trace.
func runTrace(t *testing.T, name string, sets ...string) []byte {
	t.Helper()
	sc, err := scenarios.Builtin(name, sets)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := scenarios.Run(context.Background(), sc, scenarios.Options{Trace: &buf}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCompareTraces(t *testing.T) {
	a := runTrace(t, "recovery")
	b := runTrace(t, "recovery", "fault[0].at=\"4s\"")
	if div, err := trace.CompareTraces(bytes.NewReader(a), bytes.NewReader(a)); err != nil || div != nil {
		t.Fatalf("identical traces: %v, %v", div, err)
	}
	div, err := trace.CompareTraces(bytes.NewReader(a), bytes.NewReader(b))
	if err != nil || div == nil {
		t.Fatalf("different traces: %v, %v", div, err)
	}
	// The runs agree until the coordinator stops at 3 s in run A.
	if div.A.At < clock.Time(3*clock.Second) || div.A.Seq != div.B.Seq || div.A.Kind == "" {
		t.Fatalf("divergence %+v", div)
	}
	cut := a[:bytes.LastIndexByte(a[:len(a)-1], '\n')+1]
	div, err = trace.CompareTraces(bytes.NewReader(a), bytes.NewReader(cut))
	if err != nil || div == nil || div.B.Kind != "" || !strings.Contains(div.String(), "ended before record") {
		t.Fatalf("truncated trace: %v, %v", div, err)
	}
	for _, bad := range []string{"not json\n", `{"t":1,"kind":"x"}` + "\n", `{"t":"x","kind":"x","h":"0123456789abcdef"}` + "\n"} {
		if _, err := trace.CompareTraces(strings.NewReader(bad), bytes.NewReader(a)); err == nil || !strings.Contains(err.Error(), "A:1: ") {
			t.Errorf("malformed %q: err %v", bad, err)
		}
	}
}

func TestCheckpoints(t *testing.T) {
	var c trace.Checkpoints
	for seq := uint64(1); seq <= 10000; seq++ {
		c.Add(&trace.Event{Seq: seq, Hash: seq})
	}
	if n := len(c.List()); n < trace.MaxCheckpoints/2 || n > trace.MaxCheckpoints {
		t.Fatalf("%d checkpoints", n)
	}
	step := c.List()[1].Record - c.List()[0].Record
	for i := 1; i < len(c.List()); i++ {
		if c.List()[i].Record-c.List()[i-1].Record != step {
			t.Fatalf("uneven checkpoints %v", c.List())
		}
	}
}
