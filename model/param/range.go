package param

import "math"

// Range is a class of valid float values. Every range excludes NaN and the
// infinities.
type Range uint8

// Ranges.
const (
	Finite     Range = iota // any finite value
	NonNeg                  // >= 0
	Pos                     // > 0
	Unit                    // in [0, 1]
	SignedUnit              // in [−1, 1]
)

// reasons says what a value of each range must be.
var reasons = [...]string{
	Finite:     "must be finite",
	NonNeg:     "must be >= 0",
	Pos:        "must be > 0",
	Unit:       "must be in [0, 1]",
	SignedUnit: "must be in [-1, 1]",
}

// Contains reports whether v is in r.
func (r Range) Contains(v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	switch r {
	case NonNeg:
		return v >= 0
	case Pos:
		return v > 0
	case Unit:
		return v >= 0 && v <= 1
	case SignedUnit:
		return v >= -1 && v <= 1
	}
	return true
}

// Check returns a [*FieldError] about key if v is not in r, or nil.
func (r Range) Check(key string, v float64) error {
	if r.Contains(v) {
		return nil
	}
	return &FieldError{Key: key, Value: v, Reason: reasons[r]}
}

// Float is a number to check: its key, its value and its range.
type Float struct {
	Key   string
	Value float64
	Range Range
}

// CheckFloats returns the [*FieldError] of the first of fs out of its
// range, or nil.
func CheckFloats(fs ...Float) error {
	for _, f := range fs {
		if err := f.Range.Check(f.Key, f.Value); err != nil {
			return err
		}
	}
	return nil
}
