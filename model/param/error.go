package param

import (
	"errors"
	"fmt"
)

// FieldError reports an invalid configuration value: the key it is set
// by, the value, and why it is refused. A reason that compares the value
// with another key's (a maximum below its minimum) names that key in
// Other and its value in OtherValue.
type FieldError struct {
	// Key is the value's key relative to the validated config, as a
	// scenario file spells it: "stress.relieve_below",
	// "bandwidths_gbps[2]".
	Key string
	// Value is the refused value; nil when the key has none to show.
	Value any
	// Reason says what the value must be: "must be in [0, 1]", "must be
	// >=" (followed by Other).
	Reason string
	// Other is the key the reason compares Key with, or "".
	Other string
	// OtherValue is Other's value.
	OtherValue any
}

// Error formats the error as one line, "key value reason [other
// other-value]": "min_degree 16 must be < nodes 16".
func (e *FieldError) Error() string {
	return e.Key + " " + e.Detail(e.Other)
}

// Detail formats the error without its key, with other as the name of the
// compared key: "16 must be < nodes 16". A program that names keys its
// own way passes its name for e.Other.
func (e *FieldError) Detail(other string) string {
	s := e.Reason
	if e.Value != nil {
		s = fmt.Sprintf("%v %s", e.Value, e.Reason)
	}
	if e.Other != "" {
		s += fmt.Sprintf(" %s %v", other, e.OtherValue)
	}
	return s
}

// Under returns err with the keys of its [*FieldError], if it is one,
// under prefix ("oscillator." for the Kuramoto config inside esgt's);
// other errors are returned as they are.
func Under(prefix string, err error) error {
	var fe *FieldError
	if !errors.As(err, &fe) {
		return err
	}
	under := *fe
	under.Key = prefix + fe.Key
	if fe.Other != "" {
		under.Other = prefix + fe.Other
	}
	return &under
}
