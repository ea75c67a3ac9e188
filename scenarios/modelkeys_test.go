package scenarios

import (
	"reflect"
	"strings"
	"testing"
)

// specKeys returns every key path of the scenario file format, from the
// toml tags of Spec (array elements without an index).
func specKeys(t reflect.Type, prefix string, out map[string]bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "" || name == "-" {
			continue
		}
		path := prefix + name
		out[path] = true
		ft := f.Type
		for ft.Kind() == reflect.Slice || ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && ft.PkgPath() == reflect.TypeFor[Spec]().PkgPath() {
			specKeys(ft, path+".", out)
		}
	}
}

// TestModelKeysExist: every scenario key the model's names map to is a key
// of the file format, so an error never names a key that does not exist.
func TestModelKeysExist(t *testing.T) {
	keys := map[string]bool{}
	specKeys(reflect.TypeFor[Spec](), "", keys)
	for pkg, m := range modelKeys {
		for name, key := range m {
			if !keys[key] {
				t.Errorf("%s: %s maps to %s, which is no scenario key", pkg, name, key)
			}
		}
	}
	for field, want := range map[string]string{
		"arousal.NeedWeights.Repair":    "arousal.need_weights.repair",
		"arousal.Stress.RelieveBelow":   "arousal.stress.relieve_below",
		"arousal.UpdateInterval":        "arousal.update_interval",
		"needs.Params.LatencyWarningMS": "needs.params.latency_warning_ms",
		"needs.Params.CPUWeight":        "needs.params.cpu_weight",
		"needs.Interval":                "needs.interval",
	} {
		pkg, f, _ := strings.Cut(field, ".")
		if got := pkg + "." + fieldKey(f); got != want || !keys[want] {
			t.Errorf("fieldKey(%s) = %s, want %s (a scenario key: %v)", field, got, want, keys[want])
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
		{"[arousal]\nenabled = true\n[arousal.stress]\nbuild_above = 0.5\nrelieve_below = 0.9\n" + workload,
			"m.toml:5: arousal.stress.relieve_below: 0.9: must not exceed"},
	} {
		_, err := Parse("m.toml", []byte(tc.text), nil)
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
