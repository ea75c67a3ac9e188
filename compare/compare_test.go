package compare

import (
	"encoding/json"
	"math"
	"testing"
)

func TestSeedList(t *testing.T) {
	for _, tc := range []struct {
		seeds []uint64
		want  string
	}{
		{[]uint64{1, 2, 3, 4}, "1..4"},
		{[]uint64{3, 7, 9}, "3,7,9"},
		{[]uint64{1, 2, 5, 6, 7, 10}, "1..2,5..7,10"},
		{nil, ""},
	} {
		if got := SeedList(tc.seeds); got != tc.want {
			t.Errorf("SeedList(%v) = %q, want %q", tc.seeds, got, tc.want)
		}
	}
}

func TestNumberEncodesNonFiniteAsNull(t *testing.T) {
	b, err := json.Marshal([]Number{1.5, Number(math.NaN()), Number(math.Inf(1)), 0, 1e-7})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "[1.5,null,null,0,1e-07]" {
		t.Errorf("got %s", b)
	}
}
