package spec

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/configtag"
	"github.com/esgtsim/esgtsim/internal/strictoml"
)

// specKeys returns every key path of the scenario file format, from the
// toml tags of Spec (array elements without an index).
func specKeys(t reflect.Type, prefix string, out map[string]bool) {
	for _, f := range configtag.Fields(t) {
		path := prefix + f.Key
		out[path] = true
		ft := f.Type
		for ft.Kind() == reflect.Slice || ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && ft != reflect.TypeFor[clock.Duration]() {
			specKeys(ft, path+".", out)
		}
	}
}

// TestModelErrorsNameScenarioKeys: a value the file's checks let through
// and a model's validation refuses is reported at the scenario key that
// set it, a key of the file format, at the override that set it.
func TestModelErrorsNameScenarioKeys(t *testing.T) {
	keys := map[string]bool{}
	specKeys(reflect.TypeFor[Spec](), "", keys)
	const workload = "[[workload]]\nkind = \"burst\"\nsize = 3\n"
	for _, tc := range []struct {
		set  []string
		want string
	}{
		{[]string{"fabric.latency_max=3s"}, "--set fabric.latency_max=3s: fabric.latency_max: 3s must be <= 1s"},
		{[]string{"ignition.recruit_nodes=2"}, "--set ignition.recruit_nodes=2: ignition.recruit_nodes: 2 is below triggers.min_available_nodes 8"},
		{[]string{"hardening.degraded_min_samples=20"}, "--set hardening.degraded_min_samples=20: hardening.degraded_min_samples: 20 exceeds hardening.degraded_window 10"},
		{[]string{"arousal.start_of_day=25h"}, "--set arousal.start_of_day=25h: arousal.start_of_day: 25h0m0s must be in [0, 24h)"},
		{[]string{"needs.base.temperature_c=-300"}, "--set needs.base.temperature_c=-300: needs.base.temperature_c: -300 must be >= -273.15"},
		{[]string{"needs.params.curiosity_growth=2"}, "--set needs.params.curiosity_growth=2: needs.params.curiosity_growth: 2 must be in [0, 1]"},
		{[]string{"oscillator.step=2562047h"}, "--set oscillator.step=2562047h: oscillator.step: 2562047h0m0s exceeds ignition.sync_timeout 300ms"},
		{[]string{"bridge.min_threshold=0.9", "bridge.max_threshold=0.5"}, "--set bridge.min_threshold=0.9: bridge.min_threshold: 0.9 exceeds bridge.max_threshold 0.5"},
	} {
		_, err := Parse("m.toml", []byte(workload), tc.set, nil)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("--set %v:\n got %v\nwant %s...", tc.set, err, tc.want)
			continue
		}
		var se *strictoml.Error
		if !errors.As(err, &se) || !keys[se.Key] {
			t.Errorf("--set %v: %v names no key of the file format", tc.set, err)
		}
	}
}

// TestModelErrorsAtUserKeys: the model's own validation errors are
// reported at the key the user wrote, at its line, with scenario key
// names in the message.
func TestModelErrorsAtUserKeys(t *testing.T) {
	const workload = "[[workload]]\nkind = \"burst\"\nsize = 3\n"
	for _, tc := range []struct{ text, want string }{
		{"[triggers]\nrefractory_period = \"50ms\"\n[hardening]\ndegraded_exit = 0.5\ndegraded_enter = 0.9\n" + workload,
			"m.toml:4: hardening.degraded_exit: 0.5 must be >= hardening.degraded_enter 0.9"},
		{"[hardening]\ndegraded_enter = 0.9\n" + workload,
			"m.toml:2: hardening.degraded_exit: "},
		{"[ignition]\nrecruit_nodes = 2\n" + workload,
			"m.toml:2: ignition.recruit_nodes: 2 is below triggers.min_available_nodes"},
		{"[ignition]\nsync_timeout = \"10ms\"\n[oscillator]\nstep = \"20ms\"\n" + workload,
			"m.toml:4: oscillator.step: 20ms exceeds ignition.sync_timeout 10ms"},
		{"[arousal]\nenabled = true\n[arousal.stress]\nbuild_above = 0.5\nrelieve_below = 0.9\n" + workload,
			"m.toml:5: arousal.stress.relieve_below: 0.9 must not exceed arousal.stress.build_above 0.5"},
	} {
		_, err := Parse("m.toml", []byte(tc.text), nil, nil)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\n got %v\nwant %s...", tc.text, err, tc.want)
		}
		for _, goName := range []string{"sustain_duration", "max_esgt_frequency_hz", "min_arousal_level", "Stress."} {
			if err != nil && strings.Contains(err.Error(), goName) {
				t.Errorf("the error names the model's %s: %v", goName, err)
			}
		}
	}
}
