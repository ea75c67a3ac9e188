package spec

import (
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/kuramoto"
)

// TestRevision20251115Defaults: the later revision selects every default
// that differs, and each one is a key the scenario can still set.
func TestRevision20251115Defaults(t *testing.T) {
	sc, err := Parse("r.toml", []byte("revision = \"2025-11-15\"\n"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, a := sc.ESGTConfig(), sc.ArousalConfig()
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
	mixed, err := Parse("r.toml", []byte("revision = \"2025-11-15\"\n[oscillator]\nnormalization = \"degree\"\n"), []string{"hardening.breaker_counting=consecutive"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := mixed.ESGTConfig(); m.Oscillator.Normalization != kuramoto.ByDegree || m.BreakerCounting != esgt.Consecutive || m.Oscillator.Coupling != 20 {
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
		_, err := Parse("r.toml", []byte(tc.doc), nil, nil)
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
		if _, err := Parse("x.toml", nil, sets, nil); err != nil {
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

// TestDefectSwitches: each oscillator and arousal defect reaches the
// model's configuration, and none is on by default.
func TestDefectSwitches(t *testing.T) {
	doc := "[oscillator]\nfreq_dist = \"normal\"\nfreq_spread_hz = 1\n[arousal.refractory_drop]\nmode = \"target\"\n"
	plain, err := Parse("d.toml", []byte(doc), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if on := plain.Spec.Defects.On(); len(on) != 0 {
		t.Fatalf("defects on by default: %v", on)
	}
	sc, err := Parse("d.toml", []byte(doc), []string{
		"defects.identical_frequencies=true", "defects.unscaled_noise=true", "defects.phase_damping=true",
		"defects.drop_never_applied=true", "defects.sync_to_timeout=true", "defects.breaker_never_fed=true",
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := sc.ESGTConfig()
	o := e.Oscillator
	if o.FreqDist != kuramoto.DistNone || o.FreqSpreadHz != 0 || o.NoiseScaling != kuramoto.NoiseStep || o.Damping != 0.1 {
		t.Errorf("oscillator %+v: want identical frequencies, σ·dt noise, damping 0.1", o)
	}
	if !e.SyncToTimeout || !e.BreakerNeverFed || e.CouplingLeak {
		t.Errorf("esgt defects: sync to timeout %v, never fed %v, leak %v", e.SyncToTimeout, e.BreakerNeverFed, e.CouplingLeak)
	}
	if m := sc.ArousalConfig().RefractoryDrop.Mode; m != arousal.DropOff {
		t.Errorf("drop never applied: mode %v, want off", m)
	}
}
