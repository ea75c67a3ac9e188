package fabric

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
)

func TestDefaultConfigIsModel(t *testing.T) {
	c := DefaultConfig()
	if err := c.Validate(); err != nil {
		t.Fatalf("default config invalid: %v", err)
	}
	if c.Nodes != 16 || c.MinDegree != 5 || c.RewiringProbability != 0.58 || c.HubClosureProbability != 0.60 ||
		c.LatencyMin != 500 || c.LatencyMax != 2000 || len(c.BandwidthsGbps) != 3 || c.PacketLoss != 0 {
		t.Errorf("default config is not docs/model.md §1's: %+v", c)
	}
}

// TestValidateRejects checks that each bad parameter is rejected by both
// Validate and New, with an error naming the field, and never a panic.
func TestValidateRejects(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mutate func(c *Config)
		want   string
	}{
		{"negative nodes", func(c *Config) { c.Nodes = -3 }, "nodes -3 must be >= 2"},
		{"one node", func(c *Config) { c.Nodes = 1 }, "nodes 1 must be >= 2"},
		{"too many nodes", func(c *Config) { c.Nodes = MaxNodes + 1 }, "nodes 1048577 must be <="},
		{"min degree zero", func(c *Config) { c.MinDegree = 0 }, "min_degree 0 must be > 0"},
		{"min degree = nodes", func(c *Config) { c.MinDegree = 16 }, "min_degree 16 must be < nodes 16"},
		{"min degree > nodes", func(c *Config) { c.Nodes, c.MinDegree = 8, 9 }, "min_degree 9 must be < nodes 8"},
		{"too many links", func(c *Config) { c.Nodes, c.MinDegree = 100000, 50000 }, "min_degree 50000 on 100000 nodes makes 2500000000 links"},
		{"rewiring above 1", func(c *Config) { c.RewiringProbability = 1.5 }, "rewiring_probability 1.5 must be in [0, 1]"},
		{"rewiring negative", func(c *Config) { c.RewiringProbability = -0.1 }, "rewiring_probability -0.1"},
		{"rewiring NaN", func(c *Config) { c.RewiringProbability = math.NaN() }, "rewiring_probability NaN"},
		{"hub closure above 1", func(c *Config) { c.HubClosureProbability = 2 }, "hub_closure_probability 2"},
		{"target density", func(c *Config) { c.TargetDensity = -1 }, "target_density -1"},
		{"packet loss", func(c *Config) { c.PacketLoss = 1.01 }, "packet_loss 1.01"},
		{"negative latency", func(c *Config) { c.LatencyMin = -1 }, "latency_min -1ns must be >= 0"},
		{"latency bounds swapped", func(c *Config) { c.LatencyMin, c.LatencyMax = 3000, 2000 }, "latency_max 2µs must be >= latency_min 3µs"},
		{"latency too long", func(c *Config) { c.LatencyMax = 2 * clock.Second }, "latency_max 2s must be <= 1s"},
		{"no bandwidths", func(c *Config) { c.BandwidthsGbps = nil }, "bandwidths_gbps must not be empty"},
		{"zero bandwidth", func(c *Config) { c.BandwidthsGbps = []float64{10, 0} }, "bandwidths_gbps[1] 0 must be > 0"},
		{"infinite bandwidth", func(c *Config) { c.BandwidthsGbps = []float64{math.Inf(1)} }, "bandwidths_gbps[0] +Inf must be finite"},
		{"negative hop time", func(c *Config) { c.HopProcessing = -1 }, "hop_processing -1ns"},
		{"no path sources", func(c *Config) { c.PathSources = 0 }, "path_sources 0 must be >= 1"},
		{"no redundancy pairs", func(c *Config) { c.RedundancyPairs = -1 }, "redundancy_pairs -1"},
		{"no dense limit", func(c *Config) { c.DenseSpectrumMaxNodes = 0 }, "dense_spectrum_max_nodes 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := DefaultConfig()
			tc.mutate(&c)
			err := c.Validate()
			var fe *param.FieldError
			if !errors.As(err, &fe) || !strings.HasPrefix(tc.want, fe.Key+" ") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Validate() = %v, want an error containing %q", err, tc.want)
			}
			if f, err := New(c); f != nil || err == nil {
				t.Errorf("New accepted an invalid config: %v", err)
			}
		})
	}
}
