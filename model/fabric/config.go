package fabric

import (
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
)

// MaxNodes is the largest fabric [New] accepts. Node ids are stored as
// int32; the bound keeps the generator's memory and the metrics' running
// time within reach of a laptop.
const MaxNodes = 1 << 20

// MaxBALinks bounds the Barabási–Albert graph's min_degree·(nodes −
// min_degree) links, so that a large min_degree cannot exhaust memory
// (about 100 bytes per link while generating).
const MaxBALinks = 1 << 24

// Config describes a fabric: its topology generator (docs/model.md §1), the
// attributes drawn for each link, the broadcast's per-hop cost, and the
// knobs that choose between exact metrics and seeded estimators. The tags
// name the keys of a scenario's [fabric] table, their bounds and their
// one-line documentation; the estimators' knobs are no keys.
type Config struct {
	// Nodes is the number of nodes, at least 2 and at most [MaxNodes].
	Nodes int `toml:"nodes" check:"min=2" doc:"number of nodes"`
	// MinDegree is m of the Barabási–Albert generator: each new node
	// attaches to m distinct existing nodes. 1 <= MinDegree < Nodes.
	MinDegree int `toml:"min_degree" check:"pos" doc:"m of the Barabási–Albert generator: links of each new node"`
	// RewiringProbability closes each sampled open neighbour pair in the
	// first triadic-closure pass (docs/model.md §1).
	RewiringProbability float64 `toml:"rewiring_probability" check:"prob" doc:"probability of closing each sampled open neighbour pair (first pass)"`
	// HubClosureProbability closes each sampled open neighbour pair of a
	// hub in the second pass (docs/model.md §1).
	HubClosureProbability float64 `toml:"hub_closure_probability" check:"prob" doc:"probability of closing each open neighbour pair of a hub (second pass)"`
	// TargetDensity is the original's target_density. It does not steer
	// generation (it never did); it is carried into [Metrics] for reports.
	TargetDensity float64 `toml:"target_density" check:"prob" doc:"the original's target density; reported, does not steer generation"`

	// LatencyMin and LatencyMax bound each link's latency, drawn uniformly
	// over the whole nanoseconds in [LatencyMin, LatencyMax].
	LatencyMin clock.Duration `toml:"latency_min" doc:"shortest link latency"`
	LatencyMax clock.Duration `toml:"latency_max" doc:"longest link latency"`
	// BandwidthsGbps lists the bandwidths a link may have; each link draws
	// one uniformly.
	BandwidthsGbps []float64 `toml:"bandwidths_gbps" check:"pos" doc:"bandwidths a link may have, Gb/s, drawn uniformly"`
	// PacketLoss is every link's packet-loss probability when generated or
	// healed, in [0, 1].
	PacketLoss float64 `toml:"packet_loss" check:"prob" doc:"every link's packet-loss probability"`
	// HopProcessing is the time a node spends on a broadcast message before
	// forwarding it: each hop of [Fabric.Broadcast] costs the link's latency
	// plus HopProcessing.
	HopProcessing clock.Duration `toml:"hop_processing" doc:"time a node spends on a broadcast message before forwarding it"`

	// ExactPathsMaxNodes is the largest live graph whose path length and
	// efficiency are computed exactly, from a breadth-first search out of
	// every node. Above it, PathSources sources are sampled.
	ExactPathsMaxNodes int
	// PathSources is the number of distinct BFS sources sampled above
	// ExactPathsMaxNodes.
	PathSources int
	// ExactRedundancyMaxNodes is the largest live graph whose path
	// redundancy is computed over all node pairs (a Gomory–Hu equivalent
	// flow tree, n−1 maximum flows). Above it, RedundancyPairs pairs are
	// sampled.
	ExactRedundancyMaxNodes int
	// RedundancyPairs is the number of node pairs sampled above
	// ExactRedundancyMaxNodes.
	RedundancyPairs int
	// DenseSpectrumMaxNodes is the largest live graph whose algebraic
	// connectivity comes from the dense Laplacian (Householder reduction
	// and bisection); above it a sparse shift-invert Lanczos is used.
	DenseSpectrumMaxNodes int
}

// DefaultConfig returns the model's defaults (docs/model.md §1): 16 nodes, m = 5,
// closure probabilities 0.58 and 0.60, target density 0.20, latency
// U[0.5 µs, 2 µs], bandwidth 10, 40 or 100 Gb/s, no packet loss, and
// 1 µs of processing per broadcast hop.
func DefaultConfig() Config {
	return Config{
		Nodes:                   16,
		MinDegree:               5,
		RewiringProbability:     0.58,
		HubClosureProbability:   0.60,
		TargetDensity:           0.20,
		LatencyMin:              500 * clock.Nanosecond,
		LatencyMax:              2 * clock.Microsecond,
		BandwidthsGbps:          []float64{10, 40, 100},
		PacketLoss:              0,
		HopProcessing:           1 * clock.Microsecond,
		ExactPathsMaxNodes:      16384,
		PathSources:             1024,
		ExactRedundancyMaxNodes: 4096,
		RedundancyPairs:         256,
		DenseSpectrumMaxNodes:   256,
	}
}

// Validate reports the first invalid field as a [*param.FieldError]
// naming its key as a scenario's [fabric] table spells it, e.g.
// "min_degree 16 must be < nodes 16": the bounds of the tags
// ([param.Check]), then what they cannot say.
func (c Config) Validate() error {
	type fe = param.FieldError
	if err := param.Check(c); err != nil {
		return err
	}
	switch {
	case c.Nodes > MaxNodes:
		return &fe{Key: "nodes", Value: c.Nodes, Reason: fmt.Sprintf("must be <= %d", MaxNodes)}
	case c.MinDegree >= c.Nodes:
		return &fe{Key: "min_degree", Value: c.MinDegree, Reason: "must be <", Other: "nodes", OtherValue: c.Nodes}
	case int64(c.MinDegree)*int64(c.Nodes-c.MinDegree) > MaxBALinks:
		return &fe{Key: "min_degree", Value: c.MinDegree, Reason: fmt.Sprintf("on %d nodes makes %d links, more than %d",
			c.Nodes, int64(c.MinDegree)*int64(c.Nodes-c.MinDegree), MaxBALinks)}
	}
	switch {
	case c.LatencyMax < c.LatencyMin:
		return &fe{Key: "latency_max", Value: c.LatencyMax, Reason: "must be >=", Other: "latency_min", OtherValue: c.LatencyMin}
	case c.LatencyMax > clock.Second:
		return &fe{Key: "latency_max", Value: c.LatencyMax, Reason: "must be <= 1s"}
	case len(c.BandwidthsGbps) == 0:
		return &fe{Key: "bandwidths_gbps", Reason: "must not be empty"}
	case c.HopProcessing > clock.Second:
		return &fe{Key: "hop_processing", Value: c.HopProcessing, Reason: "must be <= 1s"}
	}
	for _, k := range []struct {
		key string
		v   int
	}{
		{"exact_paths_max_nodes", c.ExactPathsMaxNodes},
		{"path_sources", c.PathSources},
		{"exact_redundancy_max_nodes", c.ExactRedundancyMaxNodes},
		{"redundancy_pairs", c.RedundancyPairs},
		{"dense_spectrum_max_nodes", c.DenseSpectrumMaxNodes},
	} {
		if k.v < 1 {
			return &fe{Key: k.key, Value: k.v, Reason: "must be >= 1"}
		}
	}
	return nil
}
