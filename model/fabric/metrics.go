package fabric

import (
	"context"
	"math/rand/v2"

	"github.com/esgtsim/esgtsim/clock"
)

// Metrics are the fabric's structural and link metrics (the original's "Φ
// proxies"), measured on the live graph: the healthy nodes and the active
// links between them. Node ids are the fabric's. Each all-pairs figure says
// whether it is exact or a seeded estimate, and from how many samples. The
// package documentation defines every figure.
type Metrics struct {
	Nodes            int     `json:"nodes"`
	Edges            int     `json:"edges"`
	Density          float64 `json:"density"`
	TargetDensity    float64 `json:"target_density"`
	Connected        bool    `json:"connected"`
	Components       int     `json:"components"`
	LargestComponent int     `json:"largest_component"`

	Clustering float64 `json:"clustering"`

	PathLength  float64 `json:"path_length"`
	Efficiency  float64 `json:"efficiency"`
	PathsExact  bool    `json:"paths_exact"`
	PathSources int     `json:"path_sources"`

	AlgebraicConnectivity float64 `json:"algebraic_connectivity"`
	SpectrumMethod        string  `json:"algebraic_connectivity_method"`

	ArticulationPoints []int `json:"articulation_points"`

	PathRedundancy     int     `json:"path_redundancy"`
	PathRedundancyMean float64 `json:"path_redundancy_mean"`
	RedundancyExact    bool    `json:"path_redundancy_exact"`
	RedundancyPairs    int     `json:"path_redundancy_pairs"`

	AvgLinkLatency        clock.Duration `json:"avg_link_latency_ns"`
	MaxLinkLatency        clock.Duration `json:"max_link_latency_ns"`
	TotalBandwidthGbps    float64        `json:"total_bandwidth_gbps"`
	EffectiveCapacityGbps float64        `json:"effective_capacity_gbps"`
}

// Metrics measures the live graph. rng is used only by the estimators
// (sampled BFS sources above Config.ExactPathsMaxNodes, sampled pairs above
// Config.ExactRedundancyMaxNodes); nil stands for a fixed stream, PCG(0, 0),
// so estimates stay reproducible. With
// the default configuration it takes about 0.1 s for 1,000 nodes and 2 s
// for 10,000 (BenchmarkFabric).
func (f *Fabric) Metrics(rng *rand.Rand) Metrics {
	m, _ := f.MetricsContext(context.Background(), rng)
	return m
}

// MetricsContext is Metrics that gives up soon after ctx is done (the
// metrics of 100,000 nodes take minutes), returning ctx's error and no
// metrics.
func (f *Fabric) MetricsContext(ctx context.Context, rng *rand.Rand) (_ Metrics, err error) {
	if rng == nil {
		rng = rand.New(rand.NewPCG(0, 0))
	}
	defer recoverCancellation(&err)
	g, orig := f.live()
	g.stop = newStopper(ctx)
	comp, sizes := g.components()
	largest, lsize := int32(0), 0
	for c, size := range sizes {
		if size > lsize {
			largest, lsize = int32(c), size
		}
	}
	m := Metrics{
		Nodes:            g.n,
		Edges:            g.edges(),
		TargetDensity:    f.cfg.TargetDensity,
		Connected:        len(sizes) <= 1,
		Components:       len(sizes),
		LargestComponent: lsize,
		Clustering:       g.averageClustering(),
	}
	if g.n >= 2 {
		m.Density = 2 * float64(m.Edges) / (float64(g.n) * float64(g.n-1))
	}
	ps := g.shortestPaths(comp, largest, f.cfg.ExactPathsMaxNodes, f.cfg.PathSources, rng)
	m.PathLength, m.Efficiency, m.PathsExact, m.PathSources = ps.length, ps.efficiency, ps.exact, ps.sources
	m.AlgebraicConnectivity, m.SpectrumMethod = g.algebraicConnectivity(m.Connected, f.cfg.DenseSpectrumMaxNodes)
	m.ArticulationPoints = []int{}
	for _, v := range g.articulationPoints() {
		m.ArticulationPoints = append(m.ArticulationPoints, int(orig[v]))
	}
	rs := g.pathRedundancy(f.cfg.ExactRedundancyMaxNodes, f.cfg.RedundancyPairs, rng)
	m.PathRedundancy, m.PathRedundancyMean, m.RedundancyExact, m.RedundancyPairs = rs.min, rs.mean, rs.exact, rs.pairs
	f.linkMetrics(&m)
	return m, nil
}

// linkMetrics fills the latency and bandwidth figures from the live links.
func (f *Fabric) linkMetrics(m *Metrics) {
	m.AvgLinkLatency = f.MeanLinkLatency()
	for id := range f.links {
		if !f.usable(id) {
			continue
		}
		l := f.Link(id)
		m.MaxLinkLatency = max(m.MaxLinkLatency, l.Latency)
		m.TotalBandwidthGbps += l.BandwidthGbps
		m.EffectiveCapacityGbps += l.CapacityGbps()
	}
}
