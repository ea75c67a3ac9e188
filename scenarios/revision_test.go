package scenarios

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/kuramoto"
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
	if _, err := DefaultSpecFor(ModelRevision); err != nil || DefaultSpec().Revision != DefaultRevision {
		t.Fatalf("DefaultSpecFor(model): %v; DefaultSpec's revision %q", err, DefaultSpec().Revision)
	}
	named, err := Parse("r.toml", []byte("revision = \"2025-10-07\"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if e := named.esgtConfig(); e.RateLimitHz != 0 || e.MaxConcurrent != 0 || e.BreakerThreshold != 0 || e.DegradedWindow != 0 || named.Spec.Fabric.Health.Enabled {
		t.Errorf("revision 2025-10-07: token bucket %v Hz, max concurrent %d, breaker %d, degraded window %d, health loop %v: want none",
			e.RateLimitHz, e.MaxConcurrent, e.BreakerThreshold, e.DegradedWindow, named.Spec.Fabric.Health.Enabled)
	}
	if e := (&Scenario{Spec: DefaultSpec()}).esgtConfig(); e.RateLimitHz != 10 || e.MaxConcurrent != 3 || e.BreakerThreshold != 5 || e.DegradedWindow != 10 {
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

// TestRevision20251115Defaults: the later revision selects every default
// that differs, and each one is a key the scenario can still set.
func TestRevision20251115Defaults(t *testing.T) {
	sc, err := Parse("r.toml", []byte("revision = \"2025-11-15\"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	e, a := sc.esgtConfig(), sc.arousalConfig()
	o := e.Oscillator
	if o.Coupling != 20 || o.Normalization != kuramoto.ByNodes || o.Integrator != kuramoto.RK4 || o.NoiseSigma != 0.001 || o.Damping != 0 {
		t.Errorf("oscillator %+v, want K 20 by nodes, RK4, σ 0.001, no damping", o)
	}
	if e.BreakerCounting != esgt.Total || e.TokenCharge != esgt.ChargeEveryCall || e.FrequencyCounts != esgt.CountAttempts || e.ESGTWeightsInCoupling {
		t.Errorf("hardening %v %v, frequency counts %v, ESGT weights in coupling %v", e.BreakerCounting, e.TokenCharge, e.FrequencyCounts, e.ESGTWeightsInCoupling)
	}
	if a.RefractoryDrop.Mode != arousal.DropModulation || a.RefractoryDrop.Delta != 0.15 {
		t.Errorf("drop %+v, want the bridge's −0.15 modulation", a.RefractoryDrop)
	}
	if e.CouplingLeak || e.SyncToTimeout || e.BreakerNeverFed {
		t.Error("a revision's defaults switched a defect on")
	}
	mixed, err := Parse("r.toml", []byte("revision = \"2025-11-15\"\n[oscillator]\nnormalization = \"degree\"\n"), []string{"hardening.breaker_counting=consecutive"})
	if err != nil {
		t.Fatal(err)
	}
	if m := mixed.esgtConfig(); m.Oscillator.Normalization != kuramoto.ByDegree || m.BreakerCounting != esgt.Consecutive || m.Oscillator.Coupling != 20 {
		t.Errorf("mixed: %v %v K %v, want degree, consecutive, K 20", m.Oscillator.Normalization, m.BreakerCounting, m.Oscillator.Coupling)
	}
}

// TestRevisionErrors: an unknown revision, or an unknown value of a
// revision key, is refused with the file, line and key.
func TestRevisionErrors(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{"name = \"x\"\nrevision = \"2025-12-01\"\n", `r.toml:2: revision: unknown revision "2025-12-01" (want 2025-10-07 or 2025-11-15)`},
		{"revision = 7\n", "r.toml:1: revision: want a string"},
		{"[oscillator]\nnormalization = \"edges\"\n", "r.toml:2: oscillator.normalization"},
		{"[hardening]\nbreaker_counting = \"all\"\n", "r.toml:2: hardening.breaker_counting"},
		{"[hardening]\ntoken_charge = \"never\"\n", "r.toml:2: hardening.token_charge"},
		{"[triggers]\nfrequency_counts = \"requests\"\n", "r.toml:2: triggers.frequency_counts"},
		{"[defects]\ncoupling_leek = true\n", "r.toml:2: defects.coupling_leek: unknown key"},
	} {
		_, err := Parse("r.toml", []byte(tc.doc), nil)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want prefix %q", tc.doc, err, tc.want)
		}
	}
}

// TestDefaultsListing: every line parses back as an override and the two
// revisions' listings differ exactly in the keys the revision selects.
func TestDefaultsListing(t *testing.T) {
	lists := map[string][]string{}
	for _, rev := range Revisions() {
		lines, err := Defaults(rev)
		if err != nil {
			t.Fatal(err)
		}
		var sets []string
		for _, l := range lines {
			if strings.HasPrefix(l, "#") {
				continue
			}
			l, _, _ = strings.Cut(l, "  # ")
			k, v, _ := strings.Cut(l, " = ")
			sets = append(sets, k+"="+v)
		}
		if _, err := Parse("x.toml", nil, sets); err != nil {
			t.Fatalf("%s: the listing does not parse back: %v", rev, err)
		}
		lists[rev] = lines
	}
	model, err := Defaults(ModelRevision)
	if err != nil {
		t.Fatal(err)
	}
	differ := func(a, b []string) string {
		if len(a) != len(b) {
			t.Fatalf("%d and %d lines", len(a), len(b))
		}
		var keys []string
		for i := range a {
			if a[i] != b[i] {
				k, _, _ := strings.Cut(a[i], " = ")
				keys = append(keys, k)
			}
		}
		return strings.Join(keys, " ")
	}
	want := "revision oscillator.coupling oscillator.noise_sigma oscillator.integrator oscillator.normalization " +
		"triggers.frequency_counts ignition.esgt_weights_in_coupling hardening.enabled hardening.breaker_counting hardening.token_charge " +
		"arousal.refractory_drop.mode arousal.refractory_drop.delta arousal.refractory_drop.duration"
	if got := differ(lists[Revision20251007], lists[Revision20251115]); got != want {
		t.Errorf("keys that differ between the revisions:\n%s\nwant\n%s", got, want)
	}
	if got := differ(model, lists[Revision20251007]); got != "# revision: none named, the project's model: revision 2025-10-07 of the original with the hardening it gained later hardening.enabled" {
		t.Errorf("keys that differ between the model and revision 2025-10-07: %s", got)
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

// TestDefectSwitches: each oscillator and arousal defect reaches the
// model's configuration, and none is on by default.
func TestDefectSwitches(t *testing.T) {
	doc := "[oscillator]\nfreq_dist = \"normal\"\nfreq_spread_hz = 1\n[arousal.refractory_drop]\nmode = \"target\"\n"
	plain, err := Parse("d.toml", []byte(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	if on := plain.Spec.Defects.On(); len(on) != 0 {
		t.Fatalf("defects on by default: %v", on)
	}
	sc, err := Parse("d.toml", []byte(doc), []string{
		"defects.identical_frequencies=true", "defects.unscaled_noise=true", "defects.phase_damping=true",
		"defects.drop_never_applied=true", "defects.sync_to_timeout=true", "defects.breaker_never_fed=true",
	})
	if err != nil {
		t.Fatal(err)
	}
	e := sc.esgtConfig()
	o := e.Oscillator
	if o.FreqDist != kuramoto.DistNone || o.FreqSpreadHz != 0 || o.NoiseScaling != kuramoto.NoiseStep || o.Damping != 0.1 {
		t.Errorf("oscillator %+v: want identical frequencies, σ·dt noise, damping 0.1", o)
	}
	if !e.SyncToTimeout || !e.BreakerNeverFed || e.CouplingLeak {
		t.Errorf("esgt defects: sync to timeout %v, never fed %v, leak %v", e.SyncToTimeout, e.BreakerNeverFed, e.CouplingLeak)
	}
	if m := sc.arousalConfig().RefractoryDrop.Mode; m != arousal.DropOff {
		t.Errorf("drop never applied: mode %v, want off", m)
	}
}
