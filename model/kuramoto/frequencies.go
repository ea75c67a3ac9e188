package kuramoto

import (
	"math/rand/v2"

	"github.com/esgtsim/esgtsim/internal/variate"
)

// DrawFrequencies returns n natural frequencies in Hz drawn from the
// configured distribution around cfg.FreqMeanHz, in node order.
func DrawFrequencies(cfg Config, n int, rng *rand.Rand) []float64 {
	hz := make([]float64, n)
	mean, spread := cfg.FreqMeanHz, cfg.FreqSpreadHz
	for i := range hz {
		switch cfg.FreqDist {
		case DistNormal:
			hz[i] = mean + float64(spread*variate.Norm(rng))
		case DistCauchy:
			hz[i] = variate.Cauchy(rng, mean, spread)
		case DistUniform:
			hz[i] = variate.Uniform(rng, mean-spread, mean+spread)
		default:
			hz[i] = mean
		}
	}
	return hz
}
