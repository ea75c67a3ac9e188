package param

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

func TestFieldErrorFormats(t *testing.T) {
	for _, tc := range []struct {
		err  *FieldError
		want string
	}{
		{&FieldError{Key: "nodes", Value: 1, Reason: "must be >= 2"}, "nodes 1 must be >= 2"},
		{&FieldError{Key: "min_degree", Value: 16, Reason: "must be <", Other: "nodes", OtherValue: 16}, "min_degree 16 must be < nodes 16"},
		{&FieldError{Key: "bandwidths_gbps", Reason: "must not be empty"}, "bandwidths_gbps must not be empty"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

func TestUnderPrefixesBothKeys(t *testing.T) {
	inner := &FieldError{Key: "step", Value: 0, Reason: "must be <", Other: "limit", OtherValue: 1}
	var fe *FieldError
	if err := Under("oscillator.", fmt.Errorf("wrapped: %w", inner)); !errors.As(err, &fe) || fe.Key != "oscillator.step" || fe.Other != "oscillator.limit" {
		t.Errorf("Under = %v", err)
	}
	if inner.Key != "step" {
		t.Errorf("Under changed the original error's key to %q", inner.Key)
	}
	if Under("x.", nil) != nil {
		t.Error("Under(nil) is not nil")
	}
	plain := errors.New("plain")
	if Under("x.", plain) != plain {
		t.Error("Under changed an error that is no FieldError")
	}
}

func TestRanges(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		r   Range
		in  []float64
		out []float64
	}{
		{Finite, []float64{-1e300, 0, 5}, []float64{nan, inf, -inf}},
		{NonNeg, []float64{0, 3}, []float64{-1e-300, nan, inf}},
		{Pos, []float64{1e-300, 3}, []float64{0, -1, nan}},
		{Unit, []float64{0, 0.5, 1}, []float64{-0.1, 1.1, nan}},
		{SignedUnit, []float64{-1, 0, 1}, []float64{-1.1, 1.1, nan}},
	} {
		for _, v := range tc.in {
			if err := tc.r.Check("k", v); err != nil {
				t.Errorf("range %d refused %v: %v", tc.r, v, err)
			}
		}
		for _, v := range tc.out {
			if err := tc.r.Check("k", v); err == nil {
				t.Errorf("range %d accepted %v", tc.r, v)
			}
		}
	}
	if err := CheckFloats(Float{"a", 0.5, Unit}, Float{"b", 2, Unit}, Float{"c", -1, Unit}); err == nil || err.Error() != "b 2 must be in [0, 1]" {
		t.Errorf("CheckFloats = %v, want the first refused, b", err)
	}
}
