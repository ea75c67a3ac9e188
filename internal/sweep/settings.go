package sweep

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/scenarios"
)

// settings is a scenario's effective configuration, flattened: every key
// path as a user writes it in --set ("triggers.refractory_period",
// "workload[0].salience.mode") mapped to its value after defaults, the
// file and the overrides, formatted as in a scenario file ("50ms", "0.5",
// "\"fixed\"", "[1, 10]"). Comments, key order, spelling of values (5e-2
// or 0.05) and the file's name do not change it; a value that reaches the
// model does.
//
// Three keys are left out: name and description, which are labels that
// reach no row, and seed, which every cell replaces with its own.
type settings map[string]string

// unswept are the top-level keys settings leaves out.
var unswept = map[string]bool{"name": true, "description": true, "seed": true}

var durationType = reflect.TypeFor[clock.Duration]()

// effectiveSettings flattens spec.
func effectiveSettings(spec *scenarios.Spec) settings {
	s := settings{}
	v := reflect.ValueOf(spec).Elem()
	for i := range v.NumField() {
		if key := tomlKey(v.Type().Field(i)); key != "" && !unswept[key] {
			s.add(key, v.Field(i))
		}
	}
	return s
}

// tomlKey returns the key of a struct field, or "" if it has none.
func tomlKey(f reflect.StructField) string {
	key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if key == "-" {
		return ""
	}
	return key
}

// add records v under path: tables and arrays of tables key by key,
// anything else as one value.
func (s settings) add(path string, v reflect.Value) {
	switch {
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			if key := tomlKey(v.Type().Field(i)); key != "" {
				s.add(path+"."+key, v.Field(i))
			}
		}
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct:
		for i := range v.Len() {
			s.add(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		}
	default:
		s[path] = formatSetting(v)
	}
}

// formatSetting writes a value as a scenario file would.
func formatSetting(v reflect.Value) string {
	if v.Type() == durationType {
		return clock.Duration(v.Int()).String()
	}
	switch v.Kind() {
	case reflect.String:
		return strconv.Quote(v.String())
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case reflect.Slice, reflect.Array:
		items := make([]string, v.Len())
		for i := range items {
			items[i] = formatSetting(v.Index(i))
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	panic(fmt.Sprintf("sweep: scenario setting of unsupported type %s", v.Type()))
}
