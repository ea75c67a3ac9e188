package kuramoto

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestNormalization: one Euler step on a star (degrees 3 and 1) divides
// each node's coupling sum by its degree, or by the number of oscillators.
func TestNormalization(t *testing.T) {
	g, err := FromEdges(4, [][2]int{{0, 1}, {0, 2}, {0, 3}})
	if err != nil {
		t.Fatal(err)
	}
	theta := []float64{0.1, 1.3, 2.9, 4.4}
	for _, norm := range []Normalization{ByDegree, ByNodes} {
		cfg := DefaultConfig()
		cfg.NoiseSigma, cfg.Normalization = 0, norm
		n, err := NewNetwork(g, cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		n.SetPhases(theta)
		n.Step()
		dt := cfg.Step.Seconds()
		for i := range theta {
			var sum float64
			for e := g.Offsets[i]; e < g.Offsets[i+1]; e++ {
				sum += math.Sin(theta[g.Targets[e]] - theta[i])
			}
			div := float64(g.Degree(i))
			if norm == ByNodes {
				div = 4
			}
			want := math.Mod(theta[i]+dt*(2*math.Pi*cfg.FreqMeanHz+cfg.Coupling/div*sum), 2*math.Pi)
			if got := n.Phases()[i]; math.Abs(got-want) > 1e-12 {
				t.Errorf("%v: node %d at %.15f, want %.15f", norm, i, got, want)
			}
		}
	}
}

// TestNoiseScalingChoice: the per-step noise is σ·√dt by default and σ·dt with
// the original's scaling.
func TestNoiseScalingChoice(t *testing.T) {
	for _, tc := range []struct {
		scaling NoiseScaling
		want    float64
	}{{NoiseSqrtStep, 0.01 * math.Sqrt(0.005)}, {NoiseStep, 0.01 * 0.005}} {
		cfg := DefaultConfig()
		cfg.NoiseScaling = tc.scaling
		n, err := NewNetwork(Complete(3), cfg, rand.NewPCG(1, 2))
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(n.noiseScale-tc.want) > 1e-18 {
			t.Errorf("%v: noise scale %v, want %v", tc.scaling, n.noiseScale, tc.want)
		}
	}
}

// TestNormalizationText: names round-trip and unknown ones are refused.
func TestNormalizationText(t *testing.T) {
	for _, m := range []Normalization{ByDegree, ByNodes} {
		var got Normalization
		if err := got.UnmarshalText([]byte(m.String())); err != nil || got != m {
			t.Errorf("Normalization.UnmarshalText(%q) = %v, %v", m.String(), got, err)
		}
	}
	var m Normalization
	if err := m.UnmarshalText([]byte("edges")); err == nil {
		t.Error("Normalization.UnmarshalText(\"edges\"): no error")
	}
}
