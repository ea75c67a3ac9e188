package arousal

import "math"

// check is a class of valid float values; test returns why v is not in
// the class, or "".
type check uint8

const (
	finite      check = iota // any finite value
	nonNegative              // finite and >= 0
	positive                 // finite and > 0
	inUnit                   // in [0, 1]
	signedUnit               // in [−1, 1]
)

func (c check) test(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "must be finite"
	case c == nonNegative && v < 0:
		return "must be >= 0"
	case c == positive && v <= 0:
		return "must be > 0"
	case c == inUnit && (v < 0 || v > 1):
		return "must be in [0, 1]"
	case c == signedUnit && (v < -1 || v > 1):
		return "must be in [-1, 1]"
	}
	return ""
}

// field is one float to validate.
type field struct {
	name string
	v    float64
	kind check
}

// validate returns a [*FieldError] for the first invalid field, or nil.
func validate(fields ...field) error {
	for _, f := range fields {
		if reason := f.kind.test(f.v); reason != "" {
			return &FieldError{Field: f.name, Value: f.v, Reason: reason}
		}
	}
	return nil
}
