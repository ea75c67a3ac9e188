package esgt

// The enumerations of [Config] read and write their names, so that a
// configuration file can name them.

// MarshalText implements encoding.TextMarshaler.
func (b BreakerCounting) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with
// [ParseBreakerCounting].
func (b *BreakerCounting) UnmarshalText(text []byte) (err error) {
	*b, err = ParseBreakerCounting(string(text))
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (t TokenCharge) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseTokenCharge].
func (t *TokenCharge) UnmarshalText(text []byte) (err error) {
	*t, err = ParseTokenCharge(string(text))
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (f FrequencyCounting) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with
// [ParseFrequencyCounting].
func (f *FrequencyCounting) UnmarshalText(text []byte) (err error) {
	*f, err = ParseFrequencyCounting(string(text))
	return err
}
