package kuramoto

import "github.com/esgtsim/esgtsim/model/param"

// The enumerations of [Config] read and write their names, so that a
// configuration file can name them. An unknown name is an
// [*param.UnknownNameError], which the reader reports at its key.

// MarshalText implements encoding.TextMarshaler.
func (d Dist) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Dist) UnmarshalText(b []byte) error { return param.SetByName(d, b, distNames[:]) }

// MarshalText implements encoding.TextMarshaler.
func (in Integrator) MarshalText() ([]byte, error) { return []byte(in.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (in *Integrator) UnmarshalText(b []byte) error {
	return param.SetByName(in, b, integratorNames[:])
}

// MarshalText implements encoding.TextMarshaler.
func (m Normalization) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *Normalization) UnmarshalText(b []byte) error {
	return param.SetByName(m, b, normalizationNames[:])
}
