// Package kuramoto integrates networks of phase oscillators coupled by the
// Kuramoto model, as the ESGT coordinator uses them to synchronise the nodes
// recruited for an ignition (docs/model.md §2):
//
//	dθi/dt = ωi + K·(1/|Ni|)·Σ_{j∈Ni} wij·sin(θj − θi) − d·(θi mod 2π) + σ·ξi(t)
//
// where ωi = 2π·fi is node i's natural angular frequency, |Ni| its degree in
// the network (or N, the number of oscillators, with [ByNodes], as the
// original normalises at its revision of 2025-11-15), wij the link weight,
// d an optional damping term (off by default; the original used 0.1, see
// docs/model.md §7.4) and ξ white noise with the Euler–Maruyama scaling
// σ·√dt per step (§7.3; [NoiseStep] gives the original's σ·dt).
//
// Conventions. Phases are radians kept in [0, 2π); frequencies are given in
// Hz and stored as angular frequencies; time steps are virtual
// [clock.Duration]s. A [Graph] is a directed adjacency in compressed sparse
// row (CSR) form; undirected topologies store each edge in both directions.
//
// Numerics. The coupling sum uses sin(θj−θi) = sin θj·cos θi − cos θj·sin θi,
// so a step costs one sine and cosine per node and two additions per edge,
// on flat slices, with no allocation. Each node's sums over its neighbours
// run in four lanes (edge e of the row in lane e mod 4, the lanes added as
// (l0 + l1) + (l2 + l3)); a uniform link weight is factored out of the sums,
// per-edge weights are multiplied in. Every product that a compiler could
// fuse with an addition is rounded explicitly, and the sines come from
// internal/detmath, so a run is bit-identical on every platform. Above
// [ParallelMinWork] a step is shared by several goroutines, each computing
// whole rows from the previous state, so the result does not depend on
// their number either. Euler and classical Runge–Kutta (RK4) integrators
// are provided; with RK4 the noise term is added once per step after the
// deterministic update.
package kuramoto
