package htmlreport

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/scenarios"
)

// setting is one key of the effective configuration.
type setting struct {
	Key    string // its path, as --set writes it: "workload[0].rate_hz"
	Value  string // as TOML writes it: 0.5, "200ms", "uniform", [1, 10]
	Unset  bool   // a float left NaN: the model derives it (Value is "unset")
	Source string // "default", "file.toml:12", "--set key=value" or a flag
	// Override is whether the command line set it (--set or a flag such
	// as --seed), File whether the scenario file did.
	Override, File bool
}

// settingGroup is the settings of one top-level table or array element,
// or the top-level keys (Name "").
type settingGroup struct {
	Name     string
	Settings []setting
}

// configuration returns every key of sc's spec with its value and where
// it was set, grouped by top-level table in the order of the spec. flags
// names keys set after loading by command-line flags (path → the flag as
// written, "--seed 3"). Criteria are left out: the criteria table shows
// them.
func configuration(sc *scenarios.Scenario, flags map[string]string) []settingGroup {
	var groups []settingGroup
	add := func(s setting) {
		group := ""
		if i := strings.IndexByte(s.Key, '.'); i >= 0 {
			group = s.Key[:i]
		}
		if len(groups) == 0 || groups[len(groups)-1].Name != group {
			groups = append(groups, settingGroup{Name: group})
		}
		g := &groups[len(groups)-1]
		g.Settings = append(g.Settings, s)
	}
	walkSpec(reflect.ValueOf(sc.Spec), "", func(path string, v reflect.Value) {
		s := setting{Key: path, Source: "default"}
		s.Value, s.Unset = formatValue(v)
		if flag, ok := flags[path]; ok {
			s.Source, s.Override = flag, true
		} else if pos, ok := sc.Origin(path); ok {
			s.Source, s.Override, s.File = pos.String(), pos.Line == 0, pos.Line > 0
		}
		add(s)
	})
	return groups
}

// skippedKeys are top-level keys the configuration leaves out.
var skippedKeys = map[string]bool{"criterion": true}

var durationType = reflect.TypeFor[clock.Duration]()

// walkSpec calls leaf for every key under v (a struct with toml tags), in
// field order, with its path. Arrays of tables are walked element by
// element; an empty one is a leaf ([]).
func walkSpec(v reflect.Value, path string, leaf func(string, reflect.Value)) {
	switch {
	case v.Type() == durationType:
		leaf(path, v)
	case v.Kind() == reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
			if name == "" || name == "-" || (path == "" && skippedKeys[name]) {
				continue
			}
			walkSpec(v.Field(i), join(path, name), leaf)
		}
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct && v.Type().Elem() != durationType && v.Len() > 0:
		for i := range v.Len() {
			walkSpec(v.Index(i), fmt.Sprintf("%s[%d]", path, i), leaf)
		}
	default:
		leaf(path, v)
	}
}

func join(base, key string) string {
	if base == "" {
		return key
	}
	return base + "." + key
}

// formatValue writes v as a TOML value; unset is true for a NaN float,
// which a scenario cannot write and which means "not set, derived".
func formatValue(v reflect.Value) (text string, unset bool) {
	if v.Type() == durationType {
		return strconv.Quote(clock.Duration(v.Int()).String()), false
	}
	switch v.Kind() {
	case reflect.String:
		return strconv.Quote(v.String()), false
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), false
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), false
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), false
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) {
			return "unset", true
		}
		return formatFloat(f), false
	case reflect.Slice, reflect.Array:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i], _ = formatValue(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]", false
	}
	return fmt.Sprint(v.Interface()), false
}

// formatFloat writes f in plain decimals unless it is very large or very
// small.
func formatFloat(f float64) string {
	if a := math.Abs(f); a != 0 && (a >= 1e15 || a < 1e-6) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}
