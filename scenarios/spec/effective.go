package spec

import (
	"bytes"
	"crypto/sha256"
	"encoding"
	"encoding/hex"
	"encoding/json"
	"math"
	"reflect"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/configtag"
)

// Effective is a scenario's effective configuration, the record that lets
// a result say how to reproduce it: the scenario it came from, the --set
// overrides as given, and every key after the model's defaults, the file
// and the overrides.
type Effective struct {
	// Scenario is the built-in's name or the file's path, as given.
	Scenario string `json:"scenario"`
	// SourceSHA256 is the SHA-256 of the file as read, before overrides.
	SourceSHA256 string `json:"source_sha256"`
	// Overrides are the --set overrides in the order they were applied,
	// "path.to.key=value" as written: the keys they name are the
	// overridden ones.
	Overrides []string `json:"overrides"`
	// Config holds every key of the scenario format with its effective
	// value, tables nested as in the file, durations as Go duration
	// strings, values that are "not measured" (NaN) as null.
	Config Table `json:"config"`
}

// Table is a table of the scenario format with its keys in the order of
// the format (the order of [Spec]'s fields). It encodes as a JSON object
// with the keys in that order.
type Table []KeyValue

// KeyValue is one key of a [Table]. Value is a bool, int64, uint64,
// float64, string, nil, []any or a Table.
type KeyValue struct {
	Key   string
	Value any
}

// Without returns t without key (a top-level key).
func (t Table) Without(key string) Table {
	out := make(Table, 0, len(t))
	for _, kv := range t {
		if kv.Key != key {
			out = append(out, kv)
		}
	}
	return out
}

// MarshalJSON encodes t as an object with its keys in order.
func (t Table) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, kv := range t {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(kv.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(kv.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Effective returns the scenario's effective configuration.
func (sc *Scenario) Effective() Effective {
	sum := sha256.Sum256(sc.Source)
	overrides := sc.Overrides
	if overrides == nil {
		overrides = []string{}
	}
	return Effective{
		Scenario:     sc.File,
		SourceSHA256: hex.EncodeToString(sum[:]),
		Overrides:    overrides,
		Config:       configValue(reflect.ValueOf(sc.Spec)).(Table),
	}
}

var durationType = reflect.TypeFor[clock.Duration]()

// configValue converts a value of the Spec tree for a Table.
func configValue(v reflect.Value) any {
	if v.Type() == durationType {
		return clock.Duration(v.Int()).String()
	}
	if m, ok := v.Interface().(json.Marshaler); ok {
		return m // a value of its own form, such as a criterion's bound
	}
	if m, ok := v.Interface().(encoding.TextMarshaler); ok {
		text, err := m.MarshalText()
		if err != nil {
			panic("spec: effective configuration: " + err.Error())
		}
		return string(text) // an enumeration, by name
	}
	switch v.Kind() {
	case reflect.Struct:
		t := Table{}
		for _, f := range configtag.Fields(v.Type()) {
			t = append(t, KeyValue{f.Key, configValue(v.FieldByIndex(f.Index))})
		}
		return t
	case reflect.Slice, reflect.Array:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = configValue(v.Index(i))
		}
		return out
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil
		}
		return f
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint()
	case reflect.Bool:
		return v.Bool()
	case reflect.String:
		return v.String()
	}
	panic("spec: effective configuration: unexpected " + v.Type().String())
}
