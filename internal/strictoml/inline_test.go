package strictoml

import (
	"fmt"
	"strings"
	"testing"
)

// color is an enumeration read from its name.
type color uint8

func (c color) MarshalText() ([]byte, error) { return []byte([]string{"red", "blue"}[c]), nil }

func (c *color) UnmarshalText(b []byte) error {
	switch string(b) {
	case "red":
		*c = 0
	case "blue":
		*c = 1
	default:
		return fmt.Errorf("unknown color %q (want red or blue)", b)
	}
	return nil
}

type base struct {
	Size   int   `toml:"size" check:"pos" doc:"how big"`
	Color  color `toml:"color" doc:"what color"`
	hidden int
}

// outer holds base inline: base's keys are outer's.
type outer struct {
	On bool `toml:"on"`
	base
	Skip int `toml:"-"`
}

// TestInlineAndEnumerations: an embedded struct's keys belong to the
// enclosing table, and a TextUnmarshaler takes a string, its error at
// the key's line.
func TestInlineAndEnumerations(t *testing.T) {
	var o outer
	if _, err := Decode("f.toml", []byte("on = true\nsize = 3\ncolor = \"blue\"\n"), nil, &o); err != nil {
		t.Fatal(err)
	}
	if !o.On || o.Size != 3 || o.Color != 1 {
		t.Errorf("decoded %+v", o)
	}
	for text, want := range map[string]string{
		"size = 0\n":            "f.toml:1: size: 0 must be > 0",
		"\ncolor = \"green\"\n": `f.toml:2: color: unknown color "green" (want red or blue)`,
		"color = 1\n":           "f.toml:1: color: want a string, got the integer 1",
		"skip = 1\n":            "f.toml:1: skip: unknown key",
	} {
		if _, err := Decode("f.toml", []byte(text), nil, &outer{}); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: %v, want %s", text, err, want)
		}
	}
}
