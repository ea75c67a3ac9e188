package verdict

import (
	"reflect"
	"strings"
)

// emptier is implemented by report types that summarise a sample: when
// the sample is empty, every field but the count is null.
type emptier interface{ Empty() bool }

// Observe returns the value of the numeric field metric of report (a
// struct or a pointer to one, with json tags), and false when it is null:
// a nil pointer on the way, a statistic of an empty sample, or a path the
// report does not have. A key absent from a map of counts is 0.
func Observe(report any, metric string) (float64, bool) {
	v := reflect.ValueOf(report)
	for _, key := range strings.Split(metric, ".") {
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				return 0, false
			}
			v = v.Elem()
		}
		switch v.Kind() {
		case reflect.Struct:
			if e, ok := v.Interface().(emptier); ok && e.Empty() && key != "count" {
				return 0, false
			}
			f, ok := fieldByJSON(v, key)
			if !ok {
				return 0, false
			}
			v = f
		case reflect.Map:
			if v.Type().Key().Kind() != reflect.String {
				return 0, false
			}
			e := v.MapIndex(reflect.ValueOf(key).Convert(v.Type().Key()))
			if !e.IsValid() {
				e = reflect.Zero(v.Type().Elem())
			}
			v = e
		default:
			return 0, false
		}
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return 0, false
		}
		v = v.Elem()
	}
	switch {
	case v.CanInt():
		return float64(v.Int()), true
	case v.CanUint():
		return float64(v.Uint()), true
	case v.CanFloat():
		return v.Float(), true
	}
	return 0, false
}

func fieldByJSON(v reflect.Value, key string) (reflect.Value, bool) {
	t := v.Type()
	for i := range t.NumField() {
		if jsonName(t.Field(i)) == key {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}
