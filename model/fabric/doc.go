// Package fabric is the TIG fabric of docs/model.md §1: a graph of processing nodes
// joined by bidirectional links, generated from a seed, with node states,
// ESGT mode, faults, a virtual-time broadcast and structural metrics.
//
// # Conventions
//
// Nodes are numbered 0..n−1; links are numbered 0..NumLinks()−1 in
// lexicographic order of their ends (A, B), A < B. Times and latencies are
// virtual nanoseconds ([clock.Duration]). All randomness comes from the
// *rand.Rand a caller passes in; nothing reads the wall clock, global
// random state or map iteration order, so the same configuration and
// stream give the same fabric bit for bit on every platform (integer
// arithmetic and math/rand/v2 only in generation). Metric values are
// floating-point sums and eigenvalues; they are reproducible on one
// platform and agree with networkx to 1e-9.
//
// # Generation
//
// [Fabric.Initialize] follows networkx's barabasi_albert_graph(n, m): the
// star on nodes 0..m, then each new node links to m distinct targets drawn
// from the list of nodes repeated once per incident edge. Two triadic
// closure passes follow, over nodes in id order on the growing graph:
// pass 1 draws min(⌊3.5·deg⌋, 35) ordered pairs of distinct neighbours of
// each node with deg >= 2 and links each unlinked pair with probability
// RewiringProbability; pass 2 does the same with min(⌊1.5·deg⌋, 15) pairs
// and HubClosureProbability for each hub, a node whose degree after pass 1
// exceeds the 75th percentile of all degrees (linear interpolation, as
// numpy's percentile). Each link then draws its latency (uniform whole
// nanoseconds in [LatencyMin, LatencyMax]) and bandwidth (uniform from
// BandwidthsGbps), in link-id order; packet loss is Config.PacketLoss and
// weight 1.0.
//
// # States, ESGT mode and faults
//
// Nodes are Initializing until Initialize, then Active. Active and ESGTMode
// nodes are healthy: they carry traffic and form the live graph. ESGT mode
// multiplies every weight by 1.5 (at most 2.0) and exiting divides by 1.5
// (at least 1.0); both are idempotent. Faults crash, degrade and recover
// nodes and degrade, cut and heal links, now or at virtual times on a
// [sim.Sim] ([Fabric.ScheduleFaults]). [Fabric.Version] counts changes;
// [Fabric.TopologyVersion] counts them except ESGT mode's, for what
// depends on the live graph and not on the weights.
//
// # Broadcast
//
// [Fabric.Broadcast] floods content from a node: each hop over an active
// link of weight > 0.1 to a healthy node costs the link's latency plus
// Config.HopProcessing (default 1 µs, the order of a link's latency, so a
// hop's cost is about twice its wire time); each copy is lost with the
// link's packet loss. It reports the nodes reached and the time the last
// one was reached. A flood that drew no loss is repeated in O(1) while the
// topology version and the source stay the same.
//
// # Metrics
//
// [Fabric.Metrics] measures the live graph G (healthy nodes, active links
// between them; n nodes, m links), with the networkx definitions:
//
//   - density: 2m / (n(n−1)); 0 when n < 2.
//   - clustering: average_clustering, the mean over all nodes of
//     2·T(v)/(deg(v)(deg(v)−1)), T(v) the links among v's neighbours,
//     0 for deg < 2.
//   - path_length: average_shortest_path_length of the largest connected
//     component (the whole graph when connected; ties go to the component
//     with the smallest node, as the original used the largest component).
//   - efficiency (the original's ECI): global_efficiency, the mean of
//     1/d(u, v) over ordered pairs u ≠ v, with 1/∞ = 0.
//   - algebraic_connectivity: the Fiedler value λ₂ of the Laplacian D − A
//     with unit weights (algebraic_connectivity, normalized=False); 0 when
//     G is disconnected or has fewer than two nodes.
//   - articulation_points: the nodes whose removal disconnects their
//     component (articulation_points), ascending.
//   - path_redundancy: the minimum, over unordered pairs of distinct nodes,
//     of the local edge connectivity λ(u, v), the maximum number of
//     edge-disjoint u–v paths (local_edge_connectivity); over all pairs it
//     is edge_connectivity(G). path_redundancy_mean is the mean over the
//     same pairs. The original counted simple paths of length <= 4 between
//     a few fixed pairs; edge-disjoint paths are what "redundant" means for
//     failures.
//   - link figures: mean and max latency, total bandwidth and total
//     effective capacity (Link.CapacityGbps) of the live links.
//
// Exact and estimated figures. Path length and efficiency come from a
// breadth-first search out of every node while n <= ExactPathsMaxNodes
// (16384; about 1 s at 10,000 nodes, the searches running 64 sources at a
// time on bit masks), and otherwise out of PathSources (1024) distinct
// sources sampled from the caller's stream; the estimates are unbiased.
// Path redundancy is exact over all pairs, with Gusfield's equivalent flow
// tree (n−1 maximum flows), while n <= ExactRedundancyMaxNodes (4096), and
// otherwise the minimum and mean over RedundancyPairs (256) sampled pairs:
// the sampled minimum is then an upper bound of the true one. Metrics
// records which (paths_exact, path_sources, path_redundancy_exact,
// path_redundancy_pairs). Algebraic connectivity is always computed to
// convergence: while n <= DenseSpectrumMaxNodes (256) from the dense
// Laplacian, reduced to tridiagonal form by Householder reflections, then
// λ₂ alone by Sturm-sequence bisection; above by Lanczos iteration on the
// Laplacian's pseudo-inverse (shift-invert at 0; each step a
// Jacobi-preconditioned conjugate-gradient solve to 1e-14, full
// reorthogonalisation, stopped when the Ritz residual is below 1e-10 of the
// Ritz value), returning the Rayleigh quotient of the Ritz vector; tests
// check it against the dense value to 1e-9 (the largest difference seen is
// 2e-11). Both are written here, with every product rounded explicitly and
// every sum in a fixed order (symeig.go, vector.go), so the value is the
// same bits on every platform: gonum's eigensolver and vector kernels
// round differently on amd64 (assembly) and arm64 (fused pure Go).
//
// gonum's graph packages have no clustering, efficiency or articulation
// points, and their all-pairs shortest paths and maximum flow store O(n²)
// results or work on map-backed graphs; so the searches here run on a
// compact CSR array, and the tests check them
// against gonum's path.DijkstraAllPaths, topo.ConnectedComponents,
// network.MaxFlowDinic and spectral.NewLaplacian, and against networkx
// (testdata/networkx_reference.py).
//
// [Fabric.Compliance] reports the original's "IIT compliance" checks
// against these figures; it is never enforced.
package fabric
