package strictoml

import (
	"encoding"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/configtag"
)

// Defaulter is implemented by element types of arrays of tables that need
// defaults before the document's keys are decoded into them.
type Defaulter interface {
	SetDefaults()
}

// ValueDecoder is implemented by field types that accept more than one
// TOML type (a number or a duration string, say). DecodeTOML receives the
// raw value (string, int64, float64, bool, []any or map[string]any); its
// error is reported at the value's position, after the key.
type ValueDecoder interface {
	DecodeTOML(raw any) error
}

// Decode decodes the TOML document data, read from file, into v (a pointer
// to a struct holding defaults), after applying the overrides
// ("path.to.key=value"). It returns where each value came from.
func Decode(file string, data []byte, overrides []string, v any) (*Meta, error) {
	doc := map[string]any{}
	if err := toml.Unmarshal(data, &doc); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, _ := de.Position()
			return nil, &Error{Pos: Pos{File: file, Line: row}, Msg: de.Error()}
		}
		return nil, &Error{Pos: Pos{File: file}, Msg: err.Error()}
	}
	pos, err := positions(file, data)
	if err != nil {
		return nil, &Error{Pos: Pos{File: file}, Msg: err.Error()}
	}
	meta := &Meta{file: file, pos: pos}
	for _, s := range overrides {
		o, err := parseOverride(s)
		if err != nil {
			return nil, err
		}
		if err := o.apply(doc); err != nil {
			return nil, err
		}
		meta.pos[o.path] = Pos{File: o.text}
		// Tables the override created (--set nosuchtable.x=3) are the
		// override's too, so that an error about them names it.
		for _, prefix := range o.prefixes() {
			if _, ok := meta.pos[prefix]; !ok {
				meta.pos[prefix] = Pos{File: o.text}
			}
		}
		// Positions of what the override replaced no longer apply; the
		// keys it sets inside an inline table or array are its own.
		for p := range meta.pos {
			if strings.HasPrefix(p, o.path+".") || strings.HasPrefix(p, o.path+"[") {
				delete(meta.pos, p)
			}
		}
		o.recordNested(meta.pos, o.path, o.value)
	}
	d := decoder{meta: meta}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		panic("strictoml: Decode needs a pointer to a struct")
	}
	if err := d.table("", doc, rv.Elem()); err != nil {
		return nil, err
	}
	return meta, nil
}

type decoder struct {
	meta *Meta
}

var durationType = reflect.TypeFor[clock.Duration]()

// table decodes the keys of m into the struct rv, in sorted key order so
// that the first error reported is always the same.
func (d *decoder) table(path string, m map[string]any, rv reflect.Value) error {
	fields := fieldsOf(rv.Type())
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		p := join(path, k)
		f, ok := fields[k]
		if !ok {
			return d.meta.Errorf(p, "unknown key%s", suggest(k, fields))
		}
		if err := d.value(p, m[k], rv.FieldByIndex(f.Index), f.Check); err != nil {
			return err
		}
	}
	return nil
}

// value decodes one raw TOML value into rv.
func (d *decoder) value(path string, raw any, rv reflect.Value, checks string) error {
	if vd, ok := rv.Addr().Interface().(ValueDecoder); ok {
		if err := vd.DecodeTOML(raw); err != nil {
			return d.meta.Errorf(path, "%v", err)
		}
		return nil
	}
	if tu, ok := rv.Addr().Interface().(encoding.TextUnmarshaler); ok && rv.Type() != durationType {
		s, ok := raw.(string)
		if !ok {
			return d.meta.Errorf(path, "want a string, got %s", describe(raw))
		}
		if err := tu.UnmarshalText([]byte(s)); err != nil {
			return d.meta.Errorf(path, "%v", err)
		}
		return nil
	}
	if rv.Type() == durationType {
		s, ok := raw.(string)
		if !ok {
			return d.meta.Errorf(path, "want a duration string such as \"200ms\", got %s", describe(raw))
		}
		dur, err := parseDuration(s)
		if err != nil {
			return d.meta.Errorf(path, "%v", err)
		}
		rv.SetInt(int64(dur))
		return d.check(path, float64(dur), checks, true)
	}
	switch rv.Kind() {
	case reflect.Struct:
		m, ok := raw.(map[string]any)
		if !ok {
			return d.meta.Errorf(path, "want a table, got %s", describe(raw))
		}
		return d.table(path, m, rv)
	case reflect.Slice:
		arr, ok := raw.([]any)
		if !ok {
			return d.meta.Errorf(path, "want an array, got %s", describe(raw))
		}
		out := reflect.MakeSlice(rv.Type(), len(arr), len(arr))
		for i, elem := range arr {
			ev := out.Index(i)
			if def, ok := ev.Addr().Interface().(Defaulter); ok {
				def.SetDefaults()
			}
			if err := d.value(fmt.Sprintf("%s[%d]", path, i), elem, ev, checks); err != nil {
				return err
			}
		}
		rv.Set(out)
		return nil
	case reflect.String:
		s, ok := stringValue(raw)
		if !ok {
			return d.meta.Errorf(path, "want a string, got %s", describe(raw))
		}
		rv.SetString(s)
		return nil
	case reflect.Bool:
		b, ok := raw.(bool)
		if !ok {
			return d.meta.Errorf(path, "want true or false, got %s", describe(raw))
		}
		rv.SetBool(b)
		return nil
	case reflect.Int, reflect.Int64:
		n, ok := raw.(int64)
		if !ok {
			return d.meta.Errorf(path, "want an integer, got %s", describe(raw))
		}
		if rv.OverflowInt(n) {
			return d.meta.Errorf(path, "%d is out of range", n)
		}
		rv.SetInt(n)
		return d.check(path, float64(n), checks, false)
	case reflect.Uint64:
		n, ok := raw.(int64)
		if !ok || n < 0 {
			return d.meta.Errorf(path, "want a non-negative integer, got %s", describe(raw))
		}
		rv.SetUint(uint64(n))
		return d.check(path, float64(n), checks, false)
	case reflect.Float64:
		var f float64
		switch x := raw.(type) {
		case float64:
			f = x
		case int64:
			f = float64(x)
		default:
			return d.meta.Errorf(path, "want a number, got %s", describe(raw))
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return d.meta.Errorf(path, "want a finite number, got %v", f)
		}
		rv.SetFloat(f)
		return d.check(path, f, checks, false)
	}
	panic(fmt.Sprintf("strictoml: unsupported field type %v at %s", rv.Type(), path))
}

// stringValue returns raw as a string field's text. A bare local date
// (revision = 2025-10-07, or --set revision=2025-10-07) is taken as its
// text, since a date is only ever meant as a name here.
func stringValue(raw any) (string, bool) {
	switch x := raw.(type) {
	case string:
		return x, true
	case toml.LocalDate:
		return x.String(), true
	}
	return "", false
}

// check applies a field's check tag (see configtag) to a decoded number.
func (d *decoder) check(path string, v float64, checks string, isDuration bool) error {
	reason := configtag.Check(checks, v)
	if reason == "" {
		return nil
	}
	shown := strconv.FormatFloat(v, 'g', -1, 64)
	if isDuration {
		shown = clock.Duration(v).String()
	}
	return d.meta.Errorf(path, "%s %s", shown, reason)
}

// parseDuration parses Go duration syntax and rejects negative values.
func parseDuration(s string) (clock.Duration, error) {
	dur, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("want a duration such as \"200ms\" or \"1.5s\", got %q", s)
	}
	if dur < 0 {
		return 0, fmt.Errorf("durations must not be negative, got %q", s)
	}
	return clock.FromStd(dur), nil
}

// fieldsOf maps TOML keys to the struct's fields.
func fieldsOf(t reflect.Type) map[string]configtag.Field {
	fs := map[string]configtag.Field{}
	for _, f := range configtag.Fields(t) {
		fs[f.Key] = f
	}
	return fs
}

// describe names a raw value's TOML type and shows it.
func describe(raw any) string {
	switch x := raw.(type) {
	case string:
		return fmt.Sprintf("the string %q", x)
	case int64:
		return fmt.Sprintf("the integer %d", x)
	case float64:
		return fmt.Sprintf("the number %v", x)
	case bool:
		return fmt.Sprintf("the boolean %v", x)
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", raw)
}

// suggest returns " (did you mean \"x\"?)" for the closest known key, if
// any is close enough, and lists the known keys otherwise.
func suggest(key string, fields map[string]configtag.Field) string {
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	slices.Sort(names)
	if best, ok := Closest(key, names); ok {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return fmt.Sprintf(" (known keys: %s)", strings.Join(names, ", "))
}

// Closest returns the word of known nearest to word in edit distance, if
// any is close enough to be a likely typo (fewer than len(word)/2+2
// edits); ties go to the earlier word of known.
func Closest(word string, known []string) (string, bool) {
	best, bestDist := "", len(word)/2+2
	for _, n := range known {
		if dist := editDistance(word, n); dist < bestDist {
			best, bestDist = n, dist
		}
	}
	return best, best != ""
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
