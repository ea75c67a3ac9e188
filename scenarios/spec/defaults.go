package spec

import (
	"encoding"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/configtag"
)

// KeyDefault is one key of the scenario format with its default at a
// revision and its definition.
type KeyDefault struct {
	Key string // the path, "table.key"
	// Value is the default in TOML syntax, "" when the key has none ("not
	// measured" unless set).
	Value string
	Doc   string // the one-line documentation
	Check string // the bounds, as the check tag states them ("pos", "prob")
}

// Line formats k as "table.key = value  # doc", or as a comment when the
// key has no default value.
func (k KeyDefault) Line() string {
	if k.Value == "" {
		return "# " + k.Key + ": " + k.Doc
	}
	return k.Key + " = " + k.Value + "  # " + k.Doc
}

// KeyDefaults lists every key of a scenario with its effective default at
// revision rev (ModelRevision: the project's model, which names no
// revision), in file order. Arrays of tables ([[workload]], [[fault]],
// [[needs.change]], [[criterion]]) have no defaults and the scenario's
// name and description none worth listing: they are left out.
func KeyDefaults(rev string) ([]KeyDefault, error) {
	if _, err := DefaultSpecFor(rev); err != nil {
		return nil, err
	}
	doc := ""
	if rev != ModelRevision {
		doc = "revision = " + strconv.Quote(rev) + "\n"
	}
	sc, err := Parse("defaults", []byte(doc), nil, nil) // no criteria: no report to check them against
	if err != nil {
		return nil, err
	}
	var keys []KeyDefault
	listKeys("", reflect.ValueOf(sc.Spec), &keys)
	return keys, nil
}

// Defaults lists the effective default of every key of a scenario at
// revision rev, one [KeyDefault.Line] each in file order, values in TOML
// syntax so that any line can be pasted into a scenario. For the model
// (ModelRevision) the revision is a comment: naming it would switch the
// hardening off.
func Defaults(rev string) ([]string, error) {
	keys, err := KeyDefaults(rev)
	if err != nil {
		return nil, err
	}
	var lines []string
	if rev == ModelRevision {
		lines = append(lines, "# revision: none named, "+ModelDescription(ModelRevision))
	}
	for _, k := range keys {
		if rev == ModelRevision && k.Key == "revision" {
			continue
		}
		lines = append(lines, k.Line())
	}
	return lines, nil
}

// listKeys appends every key of the struct v, under prefix.
func listKeys(prefix string, v reflect.Value, keys *[]KeyDefault) {
	for _, field := range configtag.Fields(v.Type()) {
		name := field.Key
		if prefix == "" && (name == "name" || name == "description") {
			continue
		}
		key := prefix + name
		f := v.FieldByIndex(field.Index)
		switch {
		case f.Type() != durationType && !f.Type().Implements(textMarshaler) && f.Kind() == reflect.Struct:
			listKeys(key+".", f, keys)
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct:
			// arrays of tables: nothing to default
		default:
			*keys = append(*keys, KeyDefault{Key: key, Value: tomlValue(f), Doc: field.Doc, Check: field.Check})
		}
	}
}

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

// tomlValue formats a key's value in TOML syntax; "" for a NaN, which
// means "not measured".
func tomlValue(f reflect.Value) string {
	if f.Type() == durationType {
		return strconv.Quote(clock.Duration(f.Int()).String())
	}
	if m, ok := f.Interface().(encoding.TextMarshaler); ok {
		text, _ := m.MarshalText()
		return strconv.Quote(string(text))
	}
	switch f.Kind() {
	case reflect.Float64:
		if math.IsNaN(f.Float()) {
			return ""
		}
	case reflect.Slice:
		items := make([]string, f.Len())
		for i := range items {
			items[i] = tomlScalar(f.Index(i))
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	return tomlScalar(f)
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
