package scenarios

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/scenarios/spec"
)

// digestOf runs a built-in scenario with overrides and returns its digest.
func digestOf(t *testing.T, name string, sets ...string) string {
	t.Helper()
	sc, err := Builtin(name, sets)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), sc, Options{Check: true})
	if err != nil {
		t.Fatal(err)
	}
	return res.Summary.Digest
}

// TestDefaultRevisionIsTheModel: a scenario that names no revision runs
// the project's model, the golden files' runs; naming revision 2025-10-07
// (quoted, or as the bare date an unquoted --set value is) switches the
// hardening off, as that revision had none, and nothing else.
func TestDefaultRevisionIsTheModel(t *testing.T) {
	if _, err := spec.DefaultSpecFor(spec.ModelRevision); err != nil || spec.DefaultSpec().Revision != spec.DefaultRevision {
		t.Fatalf("DefaultSpecFor(model): %v; DefaultSpec's revision %q", err, spec.DefaultSpec().Revision)
	}
	named, err := Parse("r.toml", []byte("revision = \"2025-10-07\"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if e := named.ESGTConfig(); e.RateLimitHz != 0 || e.MaxConcurrent != 0 || e.BreakerThreshold != 0 || e.DegradedWindow != 0 || named.Spec.Fabric.Health.Enabled {
		t.Errorf("revision 2025-10-07: token bucket %v Hz, max concurrent %d, breaker %d, degraded window %d, health loop %v: want none",
			e.RateLimitHz, e.MaxConcurrent, e.BreakerThreshold, e.DegradedWindow, named.Spec.Fabric.Health.Enabled)
	}
	if e := (&spec.Scenario{Spec: spec.DefaultSpec()}).ESGTConfig(); e.RateLimitHz != 10 || e.MaxConcurrent != 3 || e.BreakerThreshold != 5 || e.DegradedWindow != 10 {
		t.Errorf("the model: %+v, want its hardening", e)
	}
	for _, name := range []string{"load-short", "latency", "end-to-end"} {
		model := digestOf(t, name)
		for _, set := range []string{"revision=2025-10-07", `revision="2025-10-07"`} {
			if got := digestOf(t, name, set, "hardening.enabled=true"); got != model {
				t.Errorf("%s --set %s with the hardening: digest %s, want %s as without naming it", name, set, got, model)
			}
		}
	}
	if a, b := digestOf(t, "end-to-end"), digestOf(t, "end-to-end", "revision=2025-10-07"); a == b {
		t.Error("end-to-end: naming revision 2025-10-07 changed nothing; its hardening should be off")
	}
}

// TestModelDescribed: the report says whether a run follows a revision of
// the original or the project's model.
func TestModelDescribed(t *testing.T) {
	for _, tc := range []struct {
		sets  []string
		model string
		rev   string
	}{
		{nil, "the project's model: revision 2025-10-07 of the original with the hardening it gained later", ""},
		{[]string{"revision=2025-10-07"}, "revision 2025-10-07 of the original", "2025-10-07"},
		{[]string{"revision=2025-11-15"}, "revision 2025-11-15 of the original", "2025-11-15"},
	} {
		sc, err := Builtin("burst", tc.sets)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), sc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if s := res.Summary; s.Model != tc.model || s.Revision != tc.rev {
			t.Errorf("%v: model %q revision %q, want %q %q", tc.sets, s.Model, s.Revision, tc.model, tc.rev)
		}
	}
}

// TestOriginalLoadFull: the built-in is load-full at revision 2025-10-07
// with the coupling leak, and like the original it succeeds once in
// 60,000 requests.
func TestOriginalLoadFull(t *testing.T) {
	run := func(name string, sets ...string) Summary {
		sc, err := Builtin(name, sets)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), sc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return res.Summary
	}
	builtin := run("original-load-full")
	viaSet := run("load-full", "revision=2025-10-07", "defects.coupling_leak=true")
	if builtin.Digest != viaSet.Digest || builtin.Requests.Succeeded != viaSet.Requests.Succeeded {
		t.Fatalf("original-load-full digest %s (%d successes), load-full with the overrides %s (%d)",
			builtin.Digest, builtin.Requests.Succeeded, viaSet.Digest, viaSet.Requests.Succeeded)
	}
	if builtin.Requests.Total != 60000 || builtin.Requests.Succeeded != 1 {
		t.Errorf("%d successes in %d requests, want 1 in 60000 as the original measured", builtin.Requests.Succeeded, builtin.Requests.Total)
	}
	if fmt.Sprint(builtin.Defects) != "[coupling_leak]" || builtin.CouplingLeak == nil || builtin.CouplingLeak.Final != 14*math.Pow(0.5, 32) {
		t.Errorf("defects %v, leak %+v: want coupling_leak from 14 to 14·2^-32", builtin.Defects, builtin.CouplingLeak)
	}
}
