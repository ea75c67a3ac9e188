package spec

import (
	"reflect"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/bridge"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/model/kuramoto"
	"github.com/esgtsim/esgtsim/model/needs"
)

// Limits that keep a scenario within what one machine can run; larger
// values are refused when the file is loaded, before anything is built.
const (
	// MaxNodes is the largest fabric a scenario may have; esgtsim fabric and
	// kuramoto keep to it too.
	MaxNodes    = 100_000
	maxDuration = 7 * 24 * clock.Hour
	maxRequests = 100_000_000 // over a whole run, all workloads together
	// maxTicks bounds the periodic events of a run: controller updates,
	// needs samples, bridge updates and integration steps (counted as if
	// ignitions filled the whole run and the longest an ignition can last
	// after its end).
	maxTicks = 1_000_000_000
)

// Spec is a scenario file. Every field defaults to the model's value; a
// file sets only what it changes. The TOML keys are the tags.
type Spec struct {
	Name        string `toml:"name" doc:"the scenario's name; the file's name unless set"`
	Description string `toml:"description" doc:"one line saying what the scenario is for"`
	// Revision is the revision of the original whose defaults the scenario
	// starts from: "2025-10-07" or "2025-11-15" (see revision.go). It is
	// read before every other key. A scenario that names none runs the
	// project's model: 2025-10-07's dynamics with the later hardening.
	Revision string         `toml:"revision" doc:"revision of the original whose defaults the scenario starts from"`
	Seed     uint64         `toml:"seed" doc:"seed of every random stream of the run"`
	Duration clock.Duration `toml:"duration" check:"pos" doc:"virtual time the run simulates"`
	// Module groups the scenario in the suite's verdict table (the
	// original's Load, Latency, Recovery, Concurrency, Memory and
	// Benchmarks); "" is shown as "Other".
	Module string `toml:"module" doc:"group in the suite's verdict table (\"\" is Other)"`

	Fabric FabricSpec `toml:"fabric"`
	// Oscillator is the [oscillator] table (docs/model.md §2).
	Oscillator kuramoto.Config `toml:"oscillator"`
	// Triggers and Ignition are the [triggers] and [ignition] tables
	// (docs/model.md §3).
	Triggers  esgt.Triggers  `toml:"triggers"`
	Ignition  esgt.Ignition  `toml:"ignition"`
	Hardening HardeningSpec  `toml:"hardening"`
	Arousal   ArousalSpec    `toml:"arousal"`
	Needs     NeedsSpec      `toml:"needs"`
	Bridge    BridgeSpec     `toml:"bridge"`
	Defects   DefectsSpec    `toml:"defects"`
	Original  OriginalSpec   `toml:"original"`
	Workloads []WorkloadSpec `toml:"workload"`
	Faults    []FaultSpec    `toml:"fault"`
	// Criteria judge the run's report (see CriterionSpec).
	Criteria []CriterionSpec `toml:"criterion"`
	// Sweep is the study the file proposes (see SweepSpec).
	Sweep SweepSpec `toml:"sweep"`
}

// FabricSpec is the [fabric] table (docs/model.md §1): fabric.Config's
// keys, an edge list and the health loop.
type FabricSpec struct {
	fabric.Config
	// Edges names an edge list (as fabric --export-edges writes it, with
	// optional latency_us, bandwidth_gbps and weight columns under a
	// header) to use instead of a generated topology, relative to the
	// scenario file's directory (to the working directory for a built-in).
	// The fabric has the list's nodes unless nodes is set.
	Edges string `toml:"edges" doc:"edge list (CSV) to use instead of a generated topology"`
	// Health is the original's health loop and topology repair.
	Health HealthSpec `toml:"health"`
}

// HardeningSpec is the [hardening] table (docs/model.md §3): esgt's
// hardening, which a revision of the original may not have.
type HardeningSpec struct {
	// Enabled = false removes every mechanism (the token bucket, the
	// concurrency limit, the breaker and degraded mode), as the original
	// had none at its revision of 2025-10-07 (the default when a scenario
	// names that revision).
	Enabled bool `toml:"enabled" doc:"enable the token bucket, concurrency limit, breaker and degraded mode"`
	esgt.Hardening
}

// config returns the coordinator's hardening: every limit zero, which
// disables its mechanism, unless enabled.
func (h HardeningSpec) config() esgt.Hardening {
	c := h.Hardening
	if !h.Enabled {
		c.RateLimitHz, c.MaxConcurrent, c.BreakerThreshold = 0, 0, 0
		c.DegradedWindow, c.DegradedMinSamples = 0, 0
	}
	return c
}

// DefectsSpec is the [defects] table: switches that put the original's
// documented defects back, each off by default, so that a run can
// reproduce what the original measured. None is part of either revision's
// defaults.
type DefectsSpec struct {
	// CouplingLeak: each DISSOLVE halves (ignition.dissolve_coupling) a
	// coupling strength shared by every ignition once per oscillator, and
	// nothing restores it (the original's 1 success in 60,000).
	CouplingLeak bool `toml:"coupling_leak" doc:"defect: each DISSOLVE halves a shared coupling for good"`
	// IdenticalFrequencies: every oscillator runs at exactly
	// oscillator.freq_mean_hz, whatever freq_dist says.
	IdenticalFrequencies bool `toml:"identical_frequencies" doc:"defect: every oscillator at freq_mean_hz exactly"`
	// UnscaledNoise: the phase noise of a step is σ·dt·ξ instead of
	// σ·√dt·ξ.
	UnscaledNoise bool `toml:"unscaled_noise" doc:"defect: phase noise scaled by dt instead of sqrt(dt)"`
	// PhaseDamping: the original's −0.1·(θ mod 2π) term in every phase
	// velocity (revision 2025-10-07), overriding oscillator.damping.
	PhaseDamping bool `toml:"phase_damping" doc:"defect: the original's -0.1·(θ mod 2π) velocity term"`
	// SyncToTimeout: SYNCHRONIZE runs to its timeout even after reaching
	// the target and succeeds if coherence then is at or above it.
	SyncToTimeout bool `toml:"sync_to_timeout" doc:"defect: SYNCHRONIZE always runs to its timeout"`
	// BreakerNeverFed: the coordinator never records an outcome in the
	// circuit breaker, so it never opens (revision 2025-11-15's code).
	BreakerNeverFed bool `toml:"breaker_never_fed" doc:"defect: no outcome reaches the breaker, which never opens"`
	// DropNeverApplied: the post-ignition arousal drop is never applied
	// (the original's bridge calls a method that does not exist).
	DropNeverApplied bool `toml:"drop_never_applied" doc:"defect: the post-ignition arousal drop is never applied"`
}

// On returns the keys of the defects switched on, in file order.
func (d DefectsSpec) On() []string {
	var on []string
	v := reflect.ValueOf(d)
	for i := range v.NumField() {
		if v.Field(i).Bool() {
			on = append(on, v.Type().Field(i).Tag.Get("toml"))
		}
	}
	return on
}

// ArousalSpec is the [arousal] table (docs/model.md §4): the controller's
// configuration, whose keys are arousal.Config's. With enabled = false
// there is no controller and the coordinator reads triggers.fixed_arousal.
type ArousalSpec struct {
	Enabled bool `toml:"enabled" doc:"run the arousal controller"`
	arousal.Config
}

// NeedsSpec is the [needs] table (docs/model.md §5): the interoception monitor
// and the metrics it samples.
type NeedsSpec struct {
	Enabled bool `toml:"enabled" doc:"run the needs monitor"`
	// Sampling (interval) and Params are the monitor's config,
	// needs.MonitorConfig, around the metrics profile.
	needs.Sampling
	// LiveFabric takes network latency and packet loss from the live
	// fabric on top of the profile, so fabric faults raise connectivity.
	LiveFabric bool `toml:"live_fabric" doc:"add the live fabric's latency and packet loss to the metrics"`
	// Base is [needs.base], the metrics before any change. They default
	// to zero, a host that raises no need; temperature and power are "not
	// measured" unless set. Percentages above 100 are readings the monitor
	// caps at 100 and counts, as the original's normalize() caps them.
	Base    needs.Metrics `toml:"base"`
	Changes []ChangeSpec  `toml:"change"`
	Params  needs.Params  `toml:"params"`
}

// ChangeSpec is one [[needs.change]]: a step, ramp or spike of one metric.
// With probe = true the change is the stimulus of the pipeline and
// end-to-end latency probes.
type ChangeSpec struct {
	Metric   string         `toml:"metric"`
	Kind     string         `toml:"kind"` // step, ramp or spike
	At       clock.Duration `toml:"at"`
	Until    clock.Duration `toml:"until"`    // ramp: when the value is reached
	Duration clock.Duration `toml:"duration"` // spike: how long it lasts
	Value    float64        `toml:"value"`
	Probe    bool           `toml:"probe"`
	Repeat   int            `toml:"repeat" check:"pos"` // occurrences, period apart
	Period   clock.Duration `toml:"period"`
}

// SetDefaults gives a change element its defaults before decoding.
func (c *ChangeSpec) SetDefaults() { *c = ChangeSpec{Repeat: 1} }

// BridgeSpec is the [bridge] table (docs/model.md §4, bridge to ESGT), whose
// keys are bridge.Config's. It needs [arousal] enabled.
type BridgeSpec struct {
	Enabled bool `toml:"enabled" doc:"couple arousal to the coordinator's salience threshold"`
	bridge.Config
}

// WorkloadSpec is one [[workload]]: a stream of ignition requests or of
// arousal modulations. Kinds:
//
//	constant     requests every 1/rate_hz from start
//	poisson      requests with exponential gaps of mean 1/rate_hz
//	burst        size requests at the instant start
//	batches      batches of size requests, every apart, batches times
//	closed_loop  the next request when the previous one's outcome is
//	             known, no sooner than 1/rate_hz after the previous
//	             arrival (rate_hz = 0: immediately), like the original's
//	             Python loop
//	list         requests at the listed instants (at)
//	modulation   arousal modulations instead of requests, every 1/rate_hz
//	             or at the listed instants, size at a time (default 1)
//
// Every kind stops at stop (default: the scenario's duration) or after
// count items, whichever comes first.
type WorkloadSpec struct {
	Kind     string           `toml:"kind"`
	Start    clock.Duration   `toml:"start"`
	Stop     clock.Duration   `toml:"stop"`
	RateHz   float64          `toml:"rate_hz" check:"nonneg"`
	Count    int              `toml:"count" check:"nonneg"`
	Size     int              `toml:"size" check:"nonneg"`
	Every    clock.Duration   `toml:"every"`
	Batches  int              `toml:"batches" check:"nonneg"`
	At       []clock.Duration `toml:"at"`
	Sustain  clock.Duration   `toml:"sustain"`
	Salience SalienceSpec     `toml:"salience"`

	// Modulation workloads.
	Delta    float64        `toml:"delta"`
	Decay    clock.Duration `toml:"decay"`
	Priority float64        `toml:"priority" check:"pos"`
	Source   string         `toml:"source"`
}

// SetDefaults gives a workload element its defaults before decoding.
func (w *WorkloadSpec) SetDefaults() {
	*w = WorkloadSpec{Salience: SalienceSpec{Mode: "fixed", Value: 0.9}, Priority: 1, Source: "workload"}
}

// SalienceSpec is a workload's [workload.salience]: the total salience of
// each request. Modes: fixed (value), cycle (request i gets
// pattern[i mod len], as the original varied it with i % 10), uniform
// (between min and max) and normal (mean, sd, clamped to [0, 1]).
type SalienceSpec struct {
	Mode    string    `toml:"mode"`
	Value   float64   `toml:"value" check:"prob"`
	Pattern []float64 `toml:"pattern" check:"prob"`
	Min     float64   `toml:"min" check:"prob"`
	Max     float64   `toml:"max" check:"prob"`
	Mean    float64   `toml:"mean" check:"prob"`
	SD      float64   `toml:"sd" check:"nonneg"`
}

// FaultSpec is one [[fault]] at a virtual time. Kinds: node_crash,
// node_recover, node_degrade (node, nodes or all_nodes; with every, the
// nodes are hit one after another every apart), link_degrade (node, peer,
// latency_factor, loss), link_heal (node, peer), coordinator_stop,
// coordinator_start and fabric_recreate (a new fabric from the next
// fabric stream; in-flight ignitions are interrupted). With repeat, the
// whole fault happens repeat times, period apart.
type FaultSpec struct {
	At            clock.Duration `toml:"at"`
	Kind          string         `toml:"kind"`
	Node          int            `toml:"node" check:"nonneg"`
	Nodes         []int          `toml:"nodes" check:"nonneg"`
	AllNodes      bool           `toml:"all_nodes"`
	Every         clock.Duration `toml:"every"`
	Peer          int            `toml:"peer" check:"nonneg"`
	LatencyFactor float64        `toml:"latency_factor" check:"pos"`
	Loss          float64        `toml:"loss" check:"prob"`
	Repeat        int            `toml:"repeat" check:"pos"`
	Period        clock.Duration `toml:"period"`
}

// SetDefaults gives a fault element its defaults before decoding.
func (f *FaultSpec) SetDefaults() { *f = FaultSpec{LatencyFactor: 1, Repeat: 1} }

// DefaultSpec returns a scenario with every value at the model's default,
// no workload and no fault.
func DefaultSpec() Spec {
	ec := esgt.DefaultConfig()
	oc := ec.Oscillator
	ac := arousal.DefaultConfig()
	ac.Initial = ac.Baseline
	mc := needs.DefaultMonitorConfig()
	return Spec{
		Revision:   DefaultRevision,
		Seed:       1,
		Duration:   10 * clock.Second,
		Fabric:     FabricSpec{Config: fabric.DefaultConfig(), Health: defaultHealthSpec()},
		Oscillator: oc,
		Triggers:   ec.Triggers,
		Ignition:   ec.Ignition,
		Hardening:  HardeningSpec{Enabled: true, Hardening: ec.Hardening},
		Arousal:    ArousalSpec{Enabled: true, Config: ac},
		Needs: NeedsSpec{
			Enabled: true, Sampling: mc.Sampling, LiveFabric: true,
			// An idle host that raises no need except learning, whose weight
			// is 0: arousal stays at its baseline unless a scenario
			// describes load.
			Params: mc.Params,
		},
		Original: OriginalSpec{Resilience: ResilienceSpec{Recovery: 60 * clock.Second, Tolerance: 0.1}},
		Bridge:   BridgeSpec{Enabled: true, Config: bridge.DefaultConfig()},
	}
}
