package configtag

import (
	"reflect"
	"strings"
)

// Field is a key of a struct type.
type Field struct {
	Key string
	// Index is the Go field's index path (through inline structs), for
	// reflect.Value.FieldByIndex.
	Index []int
	// Check and Doc are the field's check and doc tags.
	Check, Doc string
	// Type is the Go field's type.
	Type reflect.Type
}

// Fields lists the keys of the struct type t in field order. A field
// without a toml tag is no key, except an embedded struct: it is inline,
// its keys are t's.
func Fields(t reflect.Type) []Field {
	var fs []Field
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		switch {
		case name == "" && f.Anonymous && f.Type.Kind() == reflect.Struct:
			for _, in := range Fields(f.Type) {
				in.Index = append([]int{i}, in.Index...)
				fs = append(fs, in)
			}
		case name != "" && name != "-" && f.IsExported():
			fs = append(fs, Field{Key: name, Index: []int{i}, Check: f.Tag.Get("check"), Doc: f.Tag.Get("doc"), Type: f.Type})
		}
	}
	return fs
}
