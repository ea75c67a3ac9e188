package sweep

import (
	"encoding/json"
	"fmt"

	"github.com/esgtsim/esgtsim/scenarios/spec"
)

// settings is a scenario's effective configuration ([spec.Effective])
// flattened: every key path as a user writes it in --set
// ("triggers.refractory_period", "workload[0].salience.mode") mapped to
// its value after the defaults, the file and the overrides ("50ms",
// "0.05", "fixed", "[1,10]"; "none" for a value that is not measured).
// Comments, key order, the spelling of values (5e-2 or 0.05) and the
// file's name do not change it; a value that reaches the model does, and
// so do the bytes of a fabric.edges file.
//
// Three keys are left out: name and description, labels that reach no
// row, and seed, which every cell replaces with its own.
type settings map[string]string

// unswept are the top-level keys settings leaves out.
var unswept = map[string]bool{"name": true, "description": true, "seed": true}

// effectiveSettings flattens sc's effective configuration. The value of
// fabric.edges, a file's path, gains the digest of the file's bytes, so
// that a changed edge list changes the settings and is named.
func effectiveSettings(sc *spec.Scenario) settings {
	s := settings{}
	for _, kv := range sc.Effective().Config {
		if !unswept[kv.Key] {
			s.add(kv.Key, kv.Value)
		}
	}
	if sum := sc.EdgesSHA256(); sum != "" {
		s[edgesKey] += " (sha256 " + sum + ")"
	}
	return s
}

// edgesKey is the key of the edge list's path.
const edgesKey = "fabric.edges"

// add records v under path: tables and arrays of tables key by key,
// anything else as one value.
func (s settings) add(path string, v any) {
	switch v := v.(type) {
	case spec.Table:
		for _, kv := range v {
			s.add(path+"."+kv.Key, kv.Value)
		}
		return
	case []any:
		if len(v) > 0 && isTables(v) {
			for i, e := range v {
				s.add(fmt.Sprintf("%s[%d]", path, i), e)
			}
			return
		}
	}
	s[path] = formatSetting(v)
}

func isTables(vs []any) bool {
	for _, v := range vs {
		if _, ok := v.(spec.Table); !ok {
			return false
		}
	}
	return true
}

// formatSetting writes a value as a message would quote it: strings
// (durations included) bare, anything else as JSON.
func formatSetting(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return "none"
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("sweep: scenario setting %v: %v", v, err))
	}
	return string(b)
}
