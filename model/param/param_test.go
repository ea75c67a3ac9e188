package param

import (
	"errors"
	"fmt"
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
