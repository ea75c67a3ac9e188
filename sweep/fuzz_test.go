package sweep

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// FuzzParseParam checks that the --param parser never panics, stays within
// its limits, and that what it accepts is well formed: a path, one to
// MaxValues distinct values, each non-empty, trimmed and free of control
// characters (so that every row stays one line), the same on every call.
// The seed corpus is in testdata/fuzz/FuzzParseParam.
func FuzzParseParam(f *testing.F) {
	for _, s := range []string{
		"triggers.refractory_period=10ms:200ms:10ms",
		"triggers.min_salience=0.1:0.5:0.1",
		"fabric.nodes=10:200:10,300",
		"workload[0].rate_hz=-1:1:0.25",
		`oscillator.freq_dist="a,b",cauchy`,
		"fabric.bandwidths_gbps=[1, 10],[100]",
		"a=1:2:3:4",
		"a=0:1s:250ms",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseParam(s)
		if err != nil {
			if p.Path != "" || p.Values != nil {
				t.Errorf("ParseParam(%q) returned %+v with error %v", s, p, err)
			}
			return
		}
		path, _, _ := strings.Cut(s, "=")
		if p.Path == "" || p.Path != strings.TrimSpace(path) {
			t.Errorf("ParseParam(%q): path %q", s, p.Path)
		}
		if len(p.Values) == 0 || len(p.Values) > MaxValues {
			t.Errorf("ParseParam(%q): %d values", s, len(p.Values))
		}
		seen := map[string]bool{}
		for _, v := range p.Values {
			if v == "" || v != strings.TrimSpace(v) || !utf8.ValidString(v) ||
				strings.ContainsFunc(v, func(r rune) bool { return r < ' ' || r == 0x7f }) {
				t.Errorf("ParseParam(%q): bad value %q", s, v)
			}
			if seen[v] {
				t.Errorf("ParseParam(%q): value %q twice", s, v)
			}
			seen[v] = true
		}
		again, err := ParseParam(s)
		if err != nil || !cmp.Equal(p, again) {
			t.Errorf("ParseParam(%q) is not deterministic: %+v then %+v, %v", s, p, again, err)
		}
	})
}

// FuzzParseSeeds checks that the --seeds parser never panics and returns
// distinct seeds in ascending order, within MaxSeeds.
func FuzzParseSeeds(f *testing.F) {
	for _, s := range []string{"1..10", "3,7,9", "0..0", "5..1", "1..3,2", "18446744073709551615"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		seeds, err := ParseSeeds(s)
		if err != nil {
			return
		}
		if len(seeds) == 0 || len(seeds) > MaxSeeds {
			t.Errorf("ParseSeeds(%q): %d seeds", s, len(seeds))
		}
		for i := 1; i < len(seeds); i++ {
			if seeds[i] <= seeds[i-1] {
				t.Fatalf("ParseSeeds(%q): not strictly ascending at %d", s, i)
			}
		}
	})
}
