package scenarios

import (
	"encoding"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/strictoml"
)

// Defaults lists the effective default of every key of a scenario at
// revision rev (ModelRevision: the project's model, which names no
// revision), one "table.key = value" line each in file order, values in
// TOML syntax so that any line can be pasted into a scenario. Arrays of
// tables ([[workload]], [[fault]], [[needs.change]]) have no defaults and
// and the scenario's name and description are left out; a key whose default is "not measured" is listed as a
// comment.
func Defaults(rev string) ([]string, error) {
	if _, err := DefaultSpecFor(rev); err != nil {
		return nil, err
	}
	doc := ""
	if rev != ModelRevision {
		doc = "revision = " + strconv.Quote(rev) + "\n"
	}
	sc, err := Parse("defaults", []byte(doc), nil)
	if err != nil {
		return nil, err
	}
	sc.Spec.Name = ""
	var lines []string
	listKeys("", reflect.ValueOf(sc.Spec), &lines)
	if rev == ModelRevision {
		// Naming the revision would switch the hardening off.
		lines = slices.DeleteFunc(lines, func(l string) bool { return strings.HasPrefix(l, "revision = ") })
		lines = slices.Insert(lines, 0, "# revision: none named, "+ModelDescription(ModelRevision))
	}
	return lines, nil
}

// listKeys appends a line for every key of the struct v, under prefix.
func listKeys(prefix string, v reflect.Value, lines *[]string) {
	for _, field := range strictoml.Fields(v.Type()) {
		name := field.Key
		if prefix == "" && (name == "name" || name == "description") {
			continue
		}
		key := prefix + name
		f := v.FieldByIndex(field.Index)
		switch {
		case f.Type().Implements(textMarshaler):
			text, _ := f.Interface().(encoding.TextMarshaler).MarshalText()
			*lines = append(*lines, fmt.Sprintf("%s = %q", key, text))
		case f.Kind() == reflect.Struct:
			listKeys(key+".", f, lines)
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct:
			// arrays of tables: nothing to default
		default:
			*lines = append(*lines, keyLine(key, f))
		}
	}
}

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

// keyLine formats one key and its value.
func keyLine(key string, f reflect.Value) string {
	if f.Type() == reflect.TypeFor[clock.Duration]() {
		return fmt.Sprintf("%s = %q", key, clock.Duration(f.Int()).String())
	}
	switch f.Kind() {
	case reflect.Float64:
		if math.IsNaN(f.Float()) {
			return fmt.Sprintf("# %s: not measured unless set", key)
		}
	case reflect.Slice:
		items := make([]string, f.Len())
		for i := range items {
			items[i] = tomlScalar(f.Index(i))
		}
		return fmt.Sprintf("%s = [%s]", key, strings.Join(items, ", "))
	}
	return key + " = " + tomlScalar(f)
}

// tomlScalar formats a string, bool, integer or float in TOML syntax.
func tomlScalar(f reflect.Value) string {
	switch f.Kind() {
	case reflect.String:
		return strconv.Quote(f.String())
	case reflect.Bool:
		return strconv.FormatBool(f.Bool())
	case reflect.Int, reflect.Int64:
		return strconv.FormatInt(f.Int(), 10)
	case reflect.Uint64:
		return strconv.FormatUint(f.Uint(), 10)
	case reflect.Float64:
		s := strconv.FormatFloat(f.Float(), 'g', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return s
	}
	return fmt.Sprint(f.Interface())
}
