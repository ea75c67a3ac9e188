package scenarios

import (
	"errors"
	"reflect"
	"regexp"
	"strings"
	"unicode"

	"github.com/esgtsim/esgtsim/internal/strictoml"
	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/needs"
)

// modelKeys maps the names the model's validation errors use, per model
// package ("esgt: degraded_exit 0.5 must be >= degraded_enter 0.9"), to
// the scenario keys their values come from. It mirrors the conversions of
// config.go, and is the one place that knows both namings: a
// configuration with a single source for its keys would generate it.
// arousal and needs report a *FieldError with the Go field's path
// instead; fieldKey converts those.
var modelKeys = map[string]map[string]string{
	"esgt": {
		"min_salience": "triggers.min_salience", "max_mean_latency": "triggers.max_mean_latency",
		"min_available_nodes": "triggers.min_available_nodes", "min_cpu_capacity": "triggers.min_cpu_capacity",
		"default_cpu_capacity": "triggers.default_cpu_capacity", "refractory_period": "triggers.refractory_period",
		"max_frequency_hz": "triggers.max_frequency_hz", "min_arousal": "triggers.min_arousal",
		"fixed_arousal": "triggers.fixed_arousal",
		"prepare_cost":  "ignition.prepare_cost", "recruit_nodes": "ignition.recruit_nodes",
		"sync_timeout": "ignition.sync_timeout", "target_coherence": "ignition.target_coherence",
		"sustain_duration": "ignition.sustain", "dissolve_duration": "ignition.dissolve",
		"dissolve_coupling": "ignition.dissolve_coupling", "sample_every": "ignition.sample_every",
		"rate_limit_hz": "hardening.rate_limit_hz", "max_concurrent": "hardening.max_concurrent",
		"breaker_threshold": "hardening.breaker_threshold", "breaker_cooldown": "hardening.breaker_cooldown",
		"degraded_window": "hardening.degraded_window", "degraded_horizon": "hardening.degraded_horizon",
		"degraded_min_samples": "hardening.degraded_min_samples", "degraded_enter": "hardening.degraded_enter",
		"degraded_exit": "hardening.degraded_exit", "degraded_min_salience": "hardening.degraded_min_salience",
	},
	"kuramoto": {
		"coupling": "oscillator.coupling", "freq_mean_hz": "oscillator.freq_mean_hz",
		"freq_spread_hz": "oscillator.freq_spread_hz", "noise_sigma": "oscillator.noise_sigma",
		"damping": "oscillator.damping", "step": "oscillator.step", "target": "ignition.target_coherence",
	},
	"fabric": {
		"nodes": "fabric.nodes", "min_degree": "fabric.min_degree",
		"rewiring_probability": "fabric.rewiring_probability", "hub_closure_probability": "fabric.hub_closure_probability",
		"target_density": "fabric.target_density", "packet_loss": "fabric.packet_loss",
		"latency_min": "fabric.latency_min", "latency_max": "fabric.latency_max",
		"bandwidths_gbps": "fabric.bandwidths_gbps", "hop_processing": "fabric.hop_processing",
	},
	"bridge": {
		"interval": "bridge.interval", "min_threshold": "bridge.min_threshold",
		"max_threshold": "bridge.max_threshold", "sensitivity": "bridge.sensitivity",
	},
}

// modelMessage matches a model error: "pkg: name rest".
var modelMessage = regexp.MustCompile(`^([a-z]+): ([a-z_]+)\b ?(.*)$`)

// modelError reports err, a model package's validation error, at the
// scenario key the offending value came from, with the model's names in
// the message replaced by the scenario's keys. Among the keys the message
// names, the first one the file or an override set gives the position;
// table is the fallback when the message names no known key.
func (sc *Scenario) modelError(table string, err error) error {
	var af *arousal.FieldError
	if errors.As(err, &af) {
		return sc.errorf("arousal."+fieldKey(af.Field), "%v: %s", af.Value, goFieldsToKeys(af.Reason, "arousal.", reflect.TypeFor[arousal.Config]()))
	}
	var nf *needs.FieldError
	if errors.As(err, &nf) {
		return sc.errorf("needs."+fieldKey(nf.Field), "%v: %s", nf.Value, goFieldsToKeys(nf.Reason, "needs.", reflect.TypeFor[needs.MonitorConfig]()))
	}
	m := modelMessage.FindStringSubmatch(err.Error())
	if m == nil {
		return sc.errorf(table, "%v", err)
	}
	keys := modelKeys[m[1]]
	key, ok := keys[m[2]]
	if !ok {
		return sc.errorf(table, "%v", err)
	}
	named := []string{key}
	msg := modelWord.ReplaceAllStringFunc(m[3], func(w string) string {
		if k, ok := keys[w]; ok {
			named = append(named, k)
			return k
		}
		return w
	})
	// The position: the first key of the message that the file or an
	// override set (the user wrote degraded_enter = 0.9, not the default
	// degraded_exit it contradicts).
	for _, k := range named {
		if sc.meta.Has(k) {
			if k != key {
				msg += " (" + key + " is not set: its default)"
			}
			return &strictoml.Error{Pos: sc.meta.Pos(k), Key: key, Msg: msg}
		}
	}
	return sc.errorf(key, "%s", msg)
}

// modelWord matches a word of a model error that may be a key's name.
var modelWord = regexp.MustCompile(`\b[a-z][a-z_]*\b`)

// goFieldPath matches what may be a Go field path in a model's message.
var goFieldPath = regexp.MustCompile(`\b[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)*\b`)

// goFieldsToKeys replaces the field paths of config (a struct type) that
// msg names ("must not exceed Stress.BuildAbove") with their scenario keys
// under prefix ("arousal.stress.build_above").
func goFieldsToKeys(msg, prefix string, config reflect.Type) string {
	return goFieldPath.ReplaceAllStringFunc(msg, func(w string) string {
		t := config
		for _, part := range strings.Split(w, ".") {
			f, ok := t.FieldByName(part)
			if !ok || !f.IsExported() {
				return w
			}
			t = f.Type
		}
		return prefix + fieldKey(w)
	})
}

// fieldKey turns a Go field path of a model config ("NeedWeights.Repair",
// "Params.LatencyWarningMS") into its scenario key ("need_weights.repair",
// "params.latency_warning_ms").
func fieldKey(field string) string {
	parts := strings.Split(field, ".")
	for i, p := range parts {
		var b strings.Builder
		r := []rune(p)
		for j, c := range r {
			if j > 0 && unicode.IsUpper(c) && (unicode.IsLower(r[j-1]) || unicode.IsDigit(r[j-1]) ||
				j+1 < len(r) && unicode.IsLower(r[j+1]) && unicode.IsUpper(r[j-1])) {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(c))
		}
		parts[i] = b.String()
	}
	return strings.Join(parts, ".")
}
