package spec_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/scenarios"
)

// TestEffectiveConfiguration: a built-in with overrides records every key
// at its effective value, in the file's order and JSON types.
func TestEffectiveConfiguration(t *testing.T) {
	sc, err := scenarios.Builtin("load-short", []string{"triggers.refractory_period=100ms", "fabric.nodes=48"})
	if err != nil {
		t.Fatal(err)
	}
	eff := sc.Effective()
	if eff.Scenario != "load-short" || len(eff.Overrides) != 2 || eff.Overrides[1] != "fabric.nodes=48" {
		t.Errorf("scenario %q, overrides %q", eff.Scenario, eff.Overrides)
	}
	b, err := json.Marshal(eff)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{
		`"refractory_period":"100ms"`, `"nodes":48`, `"temperature_c":null`,
		`"config":{"name":"load-short","description":`, `"workload":[{"kind":`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("effective configuration lacks %s:\n%s", want, s)
		}
	}
	// Numbers stay numbers, tables objects.
	var doc struct{ Config map[string]any }
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	fab := doc.Config["fabric"].(map[string]any)
	if fab["nodes"].(float64) != 48 {
		t.Errorf("fabric.nodes = %v", fab["nodes"])
	}
	if got := eff.Config.Without("seed"); len(got) != len(eff.Config)-1 {
		t.Error("Without did not drop seed")
	}
}
