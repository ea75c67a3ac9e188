package verdict

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/esgtsim/esgtsim/internal/strictoml"
)

// Schema knows the metric paths of a report type: which are numeric, and
// what the others are, so that a criterion is checked when it is loaded
// rather than when the run ends.
type Schema struct {
	kinds   map[string]string // path → "number", "table", "list", "string", "boolean"
	numeric []string          // sorted numeric paths
}

// SchemaOf returns the schema of report type t, a struct whose fields carry
// json tags. keys supplies the keys a map-valued field may hold (by its
// path), since they are not part of the type; a map without keys accepts
// none.
func SchemaOf(t reflect.Type, keys func(path string) []string) *Schema {
	s := &Schema{kinds: map[string]string{}}
	s.walk("", t, keys)
	for p, k := range s.kinds {
		if k == "number" {
			s.numeric = append(s.numeric, p)
		}
	}
	slices.Sort(s.numeric)
	return s
}

func (s *Schema) walk(path string, t reflect.Type, keys func(string) []string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	kind := kindOf(t)
	if path != "" {
		s.kinds[path] = kind
	}
	switch t.Kind() {
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if name := jsonName(f); name != "" {
				s.walk(join(path, name), f.Type, keys)
			}
		}
	case reflect.Map:
		if keys != nil {
			for _, k := range keys(path) {
				s.walk(join(path, k), t.Elem(), keys)
			}
		}
	}
}

// Numeric returns every numeric path, sorted.
func (s *Schema) Numeric() []string { return slices.Clone(s.numeric) }

// Check returns an error unless metric names a numeric field: an unknown
// path gets the closest known one as a suggestion, a table the list of its
// numeric fields.
func (s *Schema) Check(metric string) error {
	kind, ok := s.kinds[metric]
	switch {
	case !ok:
		if best, ok := strictoml.Closest(metric, s.numeric); ok {
			return fmt.Errorf("unknown metric %q (did you mean %q?)", metric, best)
		}
		return fmt.Errorf("unknown metric %q (esgtsim run --format json shows the report's fields)", metric)
	case kind == "table":
		var inside []string
		for _, p := range s.numeric {
			if rest, ok := strings.CutPrefix(p, metric+"."); ok && !strings.Contains(rest, ".") {
				inside = append(inside, rest)
			}
		}
		if len(inside) == 0 {
			return fmt.Errorf("%s is a table, not a number", metric)
		}
		return fmt.Errorf("%s is a table, not a number; its numeric fields: %s", metric, strings.Join(inside, ", "))
	case kind != "number":
		return fmt.Errorf("%s is a %s, not a number", metric, kind)
	}
	return nil
}

func kindOf(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Struct, reflect.Map:
		return "table"
	case reflect.Slice, reflect.Array:
		return "list"
	case reflect.Bool:
		return "boolean"
	}
	return "string"
}

// jsonName returns the JSON key of a struct field as encoding/json names
// it (the tag's name, else the field's), "" if the field is not encoded.
func jsonName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	switch name {
	case "-":
		return ""
	case "":
		return f.Name
	}
	return name
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
