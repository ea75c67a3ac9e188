package esgt

import "github.com/esgtsim/esgtsim/model/param"

// The enumerations of [Config] read and write their names, so that a
// configuration file can name them. An unknown name is an
// [*param.UnknownNameError], which the reader reports at its key.

// MarshalText implements encoding.TextMarshaler.
func (b BreakerCounting) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (b *BreakerCounting) UnmarshalText(text []byte) error {
	return param.SetByName(b, text, breakerCountingNames[:])
}

// MarshalText implements encoding.TextMarshaler.
func (t TokenCharge) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *TokenCharge) UnmarshalText(text []byte) error {
	return param.SetByName(t, text, tokenChargeNames[:])
}

// MarshalText implements encoding.TextMarshaler.
func (f FrequencyCounting) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *FrequencyCounting) UnmarshalText(text []byte) error {
	return param.SetByName(f, text, frequencyCountingNames[:])
}
