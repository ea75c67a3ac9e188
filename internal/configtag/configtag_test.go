package configtag

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		checks string
		v      float64
		want   string
	}{
		{"", -5, ""},
		{"", math.NaN(), "must be finite"},
		{"pos", math.Inf(1), "must be finite"},
		{"prob", 0, ""},
		{"prob", 1, ""},
		{"prob", 1.5, "must be in [0, 1]"},
		{"prob", -0.1, "must be in [0, 1]"},
		{"pos", 0, "must be > 0"},
		{"pos", 1e-300, ""},
		{"nonneg", 0, ""},
		{"nonneg", -1, "must be >= 0"},
		{"pos,max=1000", 1000, ""},
		{"pos,max=1000", 5000, "must be <= 1000"},
		{"pos,max=1000", 0, "must be > 0"},
		{"pos,prob", 0, "must be > 0"},
		{"pos,prob", 1, ""},
		{"min=2", 1, "must be >= 2"},
		{"min=2", 2, ""},
	} {
		if got := Check(tc.checks, tc.v); got != tc.want {
			t.Errorf("Check(%q, %v) = %q, want %q", tc.checks, tc.v, got, tc.want)
		}
	}
}

func TestCheckPanicsOnABadTag(t *testing.T) {
	for _, tag := range []string{"positive", "max=x", "min=x"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Check(%q) did not panic", tag)
				}
			}()
			Check(tag, 1)
		}()
	}
}

type inner struct {
	Size int `toml:"size" check:"pos" doc:"how big"`
}

type outer struct {
	On bool `toml:"on"`
	inner
	Skip   int `toml:"-"`
	hidden int `toml:"hidden"`
	Plain  int
	Table  inner `toml:"table"`
}

func TestFields(t *testing.T) {
	var keys []string
	for _, f := range Fields(reflect.TypeFor[outer]()) {
		keys = append(keys, f.Key+":"+f.Check+":"+f.Doc)
	}
	if got, want := strings.Join(keys, ","), "on::,size:pos:how big,table::"; got != want {
		t.Errorf("Fields = %s, want %s", got, want)
	}
	if f := Fields(reflect.TypeFor[outer]())[1]; !reflect.DeepEqual(f.Index, []int{1, 0}) {
		t.Errorf("inline field index %v, want [1 0]", f.Index)
	}
}

func TestDescribe(t *testing.T) {
	for checks, want := range map[string]string{
		"":             "",
		"pos":          "> 0",
		"nonneg":       ">= 0",
		"prob":         "[0, 1]",
		"pos,prob":     "(0, 1]",
		"pos,max=1000": "> 0, <= 1000",
		"min=2":        ">= 2",
	} {
		if got := Describe(checks); got != want {
			t.Errorf("Describe(%q) = %q, want %q", checks, got, want)
		}
	}
}
