package spec

import (
	"reflect"
	"slices"
	"strings"
)

// workloadKeys are the keys of [[workload]] that each kind reads; any
// other key set in the file would do nothing, so it is refused.
var workloadKeys = map[string][]string{
	"constant":    {"kind", "start", "stop", "rate_hz", "count", "sustain", "salience"},
	"poisson":     {"kind", "start", "stop", "rate_hz", "count", "sustain", "salience"},
	"closed_loop": {"kind", "start", "stop", "rate_hz", "count", "sustain", "salience"},
	"burst":       {"kind", "start", "size", "sustain", "salience"},
	"batches":     {"kind", "start", "stop", "size", "batches", "every", "count", "sustain", "salience"},
	"list":        {"kind", "at", "sustain", "salience"},
	"modulation":  {"kind", "start", "stop", "rate_hz", "count", "at", "size", "delta", "decay", "priority", "source"},
}

// salienceKeys are the keys of [workload.salience] that each mode reads.
var salienceKeys = map[string][]string{
	"fixed":   {"mode", "value"},
	"cycle":   {"mode", "pattern"},
	"uniform": {"mode", "min", "max"},
	"normal":  {"mode", "mean", "sd"},
}

// onlyKeys refuses a key of the table at path that the file or an
// override set but that what (a workload kind, a salience mode, chosen by
// the key selector) does not read: "rate_hz does nothing in a burst
// workload". A key of the file is kept quiet when an override changed the
// selector (--set workload[0].salience.mode=uniform on a file with a
// fixed value): the override, not the file, made it idle.
func (sc *Scenario) onlyKeys(path, selector, what string, allowed []string) error {
	overridden := sc.meta.Has(path+"."+selector) && sc.meta.Pos(path+"."+selector).Line == 0
	t := reflect.TypeFor[WorkloadSpec]()
	if strings.HasSuffix(path, ".salience") {
		t = reflect.TypeFor[SalienceSpec]()
	}
	for i := range t.NumField() {
		key, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		if key == "" || !sc.meta.Has(path+"."+key) || slices.Contains(allowed, key) {
			continue
		}
		if overridden && sc.meta.Pos(path+"."+key).Line > 0 {
			continue
		}
		return sc.errorf(path+"."+key, "does nothing in a %s (it reads %s)", what, strings.Join(allowed, ", "))
	}
	return nil
}
