package kuramoto

import (
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
)

// Dist is the distribution of natural frequencies around the mean.
type Dist uint8

// Frequency distributions. Spread means the standard deviation for Normal,
// the half-width at half-maximum for Cauchy and the half-range for Uniform;
// None gives every node the mean frequency, as the original did.
const (
	DistNone Dist = iota
	DistNormal
	DistCauchy
	DistUniform
)

var distNames = [...]string{"none", "normal", "cauchy", "uniform"}

// String returns the distribution's name as used in configuration.
func (d Dist) String() string {
	if int(d) < len(distNames) {
		return distNames[d]
	}
	return fmt.Sprintf("Dist(%d)", d)
}

// Integrator selects the integration scheme.
type Integrator uint8

// Integrators.
const (
	Euler Integrator = iota
	RK4
)

var integratorNames = [...]string{Euler: "euler", RK4: "rk4"}

// String returns the integrator's name as used in configuration.
func (in Integrator) String() string {
	if int(in) < len(integratorNames) {
		return integratorNames[in]
	}
	return fmt.Sprintf("Integrator(%d)", in)
}

// Config holds the oscillator parameters. The zero value is not useful;
// start from [DefaultConfig]. The tags name each field's key in a
// scenario's [oscillator] table, its bounds and its one-line
// documentation; Target and NoiseScaling are set from other tables.
type Config struct {
	Coupling     float64        `toml:"coupling" check:"nonneg" doc:"coupling strength K, rad/s"`
	FreqMeanHz   float64        `toml:"freq_mean_hz" check:"nonneg" doc:"mean natural frequency, Hz"`
	FreqDist     Dist           `toml:"freq_dist" doc:"distribution of natural frequencies: none, normal, cauchy or uniform"`
	FreqSpreadHz float64        `toml:"freq_spread_hz" check:"nonneg" doc:"spread of that distribution, Hz (sd, half-width or half-range)"`
	NoiseSigma   float64        `toml:"noise_sigma" check:"nonneg" doc:"phase noise sigma, rad/sqrt(s)"`
	Damping      float64        `toml:"damping" check:"nonneg" doc:"damping d, 1/s; 0 disables the original's damping term"`
	Step         clock.Duration `toml:"step" check:"pos" doc:"integration step dt; at most ignition.sync_timeout"`
	Integrator   Integrator     `toml:"integrator" doc:"integration scheme: euler or rk4"`
	Target       float64        // coherence r regarded as synchronised

	// Normalization divides each node's coupling sum by its degree (the
	// default) or by the number of oscillators.
	Normalization Normalization `toml:"normalization" doc:"divide each coupling sum by the node's degree or by the number of nodes"`
	// NoiseScaling scales the per-step noise by √dt (the default) or by dt
	// (the original's defect).
	NoiseScaling NoiseScaling
}

// DefaultConfig returns the model's defaults (docs/model.md §2): K = 14
// normalised by degree, 40 Hz for every node, σ = 0.01 scaled by √dt, no
// damping, dt = 5 ms, Euler, target r = 0.70.
func DefaultConfig() Config {
	return Config{
		Coupling:   14,
		FreqMeanHz: 40,
		FreqDist:   DistNone,
		NoiseSigma: 0.01,
		Step:       5 * clock.Millisecond,
		Integrator: Euler,
		Target:     0.70,
	}
}

// Validate reports the first invalid parameter as a [*param.FieldError]
// naming its key as a scenario's [oscillator] table spells it ("coupling"):
// the bounds of the tags ([param.Check]), then Target and the
// enumerations.
func (c Config) Validate() error {
	type fe = param.FieldError
	if err := param.Check(c); err != nil {
		return err
	}
	switch {
	case !(c.Target > 0 && c.Target <= 1):
		return &fe{Key: "target", Value: c.Target, Reason: "must be in (0, 1]"}
	case int(c.FreqDist) >= len(distNames):
		return &fe{Key: "freq_dist", Value: uint8(c.FreqDist), Reason: "is no frequency distribution"}
	case c.Integrator > RK4:
		return &fe{Key: "integrator", Value: uint8(c.Integrator), Reason: "is no integrator"}
	case c.Normalization > ByNodes:
		return &fe{Key: "normalization", Value: uint8(c.Normalization), Reason: "is no normalization"}
	case c.NoiseScaling > NoiseStep:
		return &fe{Key: "noise_scaling", Value: uint8(c.NoiseScaling), Reason: "is no noise scaling"}
	}
	return nil
}
