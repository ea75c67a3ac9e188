package kuramoto

// The enumerations of [Config] read and write their names, so that a
// configuration file can name them.

// MarshalText implements encoding.TextMarshaler.
func (d Dist) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseDist].
func (d *Dist) UnmarshalText(b []byte) (err error) {
	*d, err = ParseDist(string(b))
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (in Integrator) MarshalText() ([]byte, error) { return []byte(in.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseIntegrator].
func (in *Integrator) UnmarshalText(b []byte) (err error) {
	*in, err = ParseIntegrator(string(b))
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (m Normalization) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with
// [ParseNormalization].
func (m *Normalization) UnmarshalText(b []byte) (err error) {
	*m, err = ParseNormalization(string(b))
	return err
}
