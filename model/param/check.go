package param

import (
	"encoding"
	"fmt"
	"reflect"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/configtag"
)

// Check reports the first key of the config struct cfg whose value is out
// of its bounds, as a [*FieldError] naming the key relative to cfg
// ("stress.relieve_below", "bandwidths_gbps[2]"). The bounds are the
// check tags, as a scenario file's decoder applies them; besides, every
// number must be finite and every duration non-negative, as a file can
// only say. It visits the keys of nested tables and the elements of lists;
// fields that are no keys, and enumerations, are the caller's to check.
//
// A model's Validate calls it first, then checks what tags cannot say:
// one field against another, or a bound of a field that is no key.
func Check(cfg any) error {
	return checkTable("", reflect.ValueOf(cfg))
}

var (
	durationType  = reflect.TypeFor[clock.Duration]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

func checkTable(prefix string, v reflect.Value) error {
	for _, f := range configtag.Fields(v.Type()) {
		if err := checkValue(prefix+f.Key, f.Check, v.FieldByIndex(f.Index)); err != nil {
			return err
		}
	}
	return nil
}

func checkValue(key, checks string, v reflect.Value) error {
	t := v.Type()
	switch {
	case t == durationType:
		d := clock.Duration(v.Int())
		if d < 0 {
			return &FieldError{Key: key, Value: d, Reason: "must be >= 0"}
		}
		if reason := configtag.Check(checks, float64(d)); reason != "" {
			return &FieldError{Key: key, Value: d, Reason: reason}
		}
	case t.Implements(textMarshaler):
		// an enumeration: its Validate knows its names
	case t.Kind() == reflect.Struct:
		return checkTable(key+".", v)
	case t.Kind() == reflect.Slice:
		for i := range v.Len() {
			if err := checkValue(fmt.Sprintf("%s[%d]", key, i), checks, v.Index(i)); err != nil {
				return err
			}
		}
	case v.CanFloat():
		if reason := configtag.Check(checks, v.Float()); reason != "" {
			return &FieldError{Key: key, Value: v.Float(), Reason: reason}
		}
	case v.CanInt():
		if reason := configtag.Check(checks, float64(v.Int())); reason != "" {
			return &FieldError{Key: key, Value: v.Int(), Reason: reason}
		}
	case v.CanUint():
		if reason := configtag.Check(checks, float64(v.Uint())); reason != "" {
			return &FieldError{Key: key, Value: v.Uint(), Reason: reason}
		}
	}
	return nil
}
