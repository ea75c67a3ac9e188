package main

import (
	"context"
	"encoding"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/model/kuramoto"
	"github.com/esgtsim/esgtsim/model/param"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/sim"
)

var kuramotoCmd = &command{
	name:    "kuramoto",
	summary: "integrate a Kuramoto network and print its coherence",
	usage:   "esgtsim kuramoto [--topology complete|ring|er|fabric] [--nodes N] [--coupling K] [flags]",
	about: `Kuramoto integrates a network of phase oscillators on a standalone
topology from random initial phases and reports its coherence r: the mean
of r over the second half of the run (r_mean), r at the end (r_final) and
the first time r reached the target (time_to_sync_s, null if never).

--freq-spread is the standard deviation (normal), half-width at
half-maximum (cauchy) or half-range (uniform) of the natural frequencies,
in Hz. The fabric topology is the TIG fabric generated from the same seed,
its links weighing 1 as they do at rest. Draws come from named streams of --seed, so the
same flags always print the same numbers. The complete and er topologies
visit every pair of nodes and take at most 4,472 nodes (10^7 pairs);
ring and fabric take up to 100,000. Ctrl-C or SIGTERM stops the
integration and prints the partial report, "complete": false.`,
	example: `esgtsim kuramoto --topology complete --nodes 200 --coupling 20 --freq-dist cauchy --freq-spread 1 --duration 5
esgtsim kuramoto --topology fabric --nodes 32 --format json`,
	flags: func(fs *pflag.FlagSet) {
		def := kuramoto.DefaultConfig()
		fs.String("topology", "complete", "complete, ring, er (Erdős–Rényi) or fabric")
		fs.Int("nodes", 32, "number of oscillators")
		fs.Float64("coupling", def.Coupling, "coupling strength K, rad/s")
		fs.String("freq-dist", def.FreqDist.String(), "natural frequency distribution: none, normal, cauchy or uniform")
		fs.Float64("freq-mean", def.FreqMeanHz, "mean natural frequency, Hz")
		fs.Float64("freq-spread", def.FreqSpreadHz, "spread of the natural frequencies, Hz (see above)")
		fs.Float64("noise", def.NoiseSigma, "phase noise σ, rad/√s")
		fs.Float64("dt", def.Step.Seconds(), "integration step, seconds")
		fs.Float64("duration", 1, "virtual time to integrate, seconds")
		fs.String("integrator", def.Integrator.String(), "euler or rk4")
		fs.String("normalization", def.Normalization.String(), "divide each node's coupling sum by its degree or by the number of oscillators (nodes, the original at 2025-11-15)")
		fs.Float64("target", def.Target, "coherence regarded as synchronised")
		fs.Float64("er-p", 0.2, "edge probability of the er topology")
		fs.Int("ring-k", 2, "neighbours on each side in the ring topology")
		fs.Uint64("seed", 1, "seed of every random stream")
		fs.String("format", "text", "text or json")
	},
	run: runSimple(0, runKuramoto),
}

// maxNodePairs bounds the pairs of nodes that the complete and er
// topologies visit (and the complete one stores), so that building them
// takes about a second and a few hundred MB at most; maxPairNodes is the
// number of nodes that makes that many.
const (
	maxNodePairs = 10_000_000
	maxPairNodes = 4472
)

// kuramotoResult is the command's report; JSON keys are its contract.
type kuramotoResult struct {
	Topology     string  `json:"topology"`
	Nodes        int     `json:"nodes"`
	Edges        int     `json:"edges"`
	Coupling     float64 `json:"coupling"`
	FreqDist     string  `json:"freq_dist"`
	FreqMeanHz   float64 `json:"freq_mean_hz"`
	FreqSpreadHz float64 `json:"freq_spread_hz"`
	Integrator   string  `json:"integrator"`
	// Normalization is what each coupling sum is divided by.
	Normalization string  `json:"normalization"`
	DtS           float64 `json:"dt_s"`
	DurationS     float64 `json:"duration_s"`
	Seed          uint64  `json:"seed"`
	Target        float64 `json:"target"`
	// Complete is false when the integration was interrupted; the figures
	// then cover the VirtualSeconds reached.
	Complete       bool     `json:"complete"`
	VirtualSeconds float64  `json:"virtual_seconds"`
	RMean          *float64 `json:"r_mean"` // null before the second half`
	RFinal         float64  `json:"r_final"`
	RPeak          float64  `json:"r_peak"`
	TimeToSyncS    *float64 `json:"time_to_sync_s"`
	Quality        string   `json:"quality"`
}

func runKuramoto(e *env, fs *pflag.FlagSet, _ []string) error {
	get := flagGetter{fs: fs}
	topology, nodes, seed := get.str("topology"), get.int("nodes"), get.uint64("seed")
	cfg := kuramoto.DefaultConfig()
	cfg.Coupling, cfg.FreqMeanHz, cfg.FreqSpreadHz = get.float("coupling"), get.float("freq-mean"), get.float("freq-spread")
	cfg.NoiseSigma, cfg.Target = get.float("noise"), get.float("target")
	for _, enum := range []struct {
		flag string
		v    encoding.TextUnmarshaler
	}{{"freq-dist", &cfg.FreqDist}, {"integrator", &cfg.Integrator}, {"normalization", &cfg.Normalization}} {
		if err := enum.v.UnmarshalText([]byte(get.str(enum.flag))); err != nil {
			return e.usagef("--%s: %v", enum.flag, err)
		}
	}
	var err error
	if cfg.Step, err = clock.FromSeconds(get.float("dt")); err != nil {
		return e.usagef("--dt: %v", err)
	}
	duration, err := clock.FromSeconds(get.float("duration"))
	if err != nil || duration <= 0 {
		return e.usagef("--duration must be a positive number of seconds")
	}
	if err := cfg.Validate(); err != nil {
		return e.usagef("%v", kuramotoFlagError(err))
	}
	format := get.oneOf("format", "text", "json")
	if get.err != nil {
		return e.usagef("%v", get.err)
	}
	if nodes < 1 || nodes > spec.MaxNodes {
		return e.usagef("--nodes must be in [1, %d], got %d", spec.MaxNodes, nodes)
	}
	if pairs := nodes * (nodes - 1) / 2; (topology == "complete" || topology == "er") && pairs > maxNodePairs {
		return e.usagef("--topology %s visits every pair of nodes: %d nodes make %d pairs, at most %d (%d nodes); use ring or fabric for more",
			topology, nodes, pairs, maxNodePairs, maxPairNodes)
	}
	if cfg.Step > duration {
		return e.usagef("--dt %g s is longer than --duration %g s: nothing would be integrated", cfg.Step.Seconds(), duration.Seconds())
	}
	if steps := int64(duration / cfg.Step); steps > 100_000_000 {
		return e.usagef("--duration/--dt asks for %d steps; at most 10^8", steps)
	}
	g, err := kuramotoGraph(e.ctx, topology, nodes, seed, get.float("er-p"), get.int("ring-k"))
	if err != nil && e.ctx.Err() != nil {
		return interruptedOr(e, err, "while generating the fabric")
	} else if err != nil {
		return e.usagef("%v", err)
	}

	net, err := kuramoto.NewNetwork(g, cfg, sim.StreamSource(seed, "kuramoto/noise"))
	if err != nil {
		return e.usagef("%v", err)
	}
	net.SetFrequenciesHz(kuramoto.DrawFrequencies(cfg, nodes, sim.NewStream(seed, "kuramoto/frequencies")))
	net.RandomizePhases(sim.NewStream(seed, "kuramoto/phases"))
	var dyn kuramoto.Dynamics
	dyn.Reset(0, cfg.Target, cfg.Step, false)
	r, _ := net.Order()
	dyn.Observe(0, r)
	var sumSecondHalf float64
	var nSecondHalf int
	half := clock.Time(duration / 2)
	now := clock.Time(0)
	for now.Add(cfg.Step) <= clock.Time(duration) && e.ctx.Err() == nil {
		now = now.Add(cfg.Step)
		net.Step()
		r, _ = net.Order()
		dyn.Observe(now, r)
		if now >= half {
			sumSecondHalf += r
			nSecondHalf++
		}
	}
	res := kuramotoResult{
		Topology: topology, Nodes: nodes, Edges: g.Edges() / 2, Coupling: cfg.Coupling,
		FreqDist: cfg.FreqDist.String(), FreqMeanHz: cfg.FreqMeanHz, FreqSpreadHz: cfg.FreqSpreadHz,
		Integrator: cfg.Integrator.String(), Normalization: cfg.Normalization.String(), DtS: cfg.Step.Seconds(), DurationS: duration.Seconds(),
		Seed: seed, Target: cfg.Target, Complete: e.ctx.Err() == nil, VirtualSeconds: now.Seconds(),
		RFinal: r, RPeak: dyn.Peak(), Quality: kuramoto.Quality(r).String(),
	}
	if nSecondHalf > 0 {
		m := sumSecondHalf / float64(nSecondHalf)
		res.RMean = &m
	}
	if ok, at := dyn.Synced(); ok {
		s := at.Seconds()
		res.TimeToSyncS = &s
	}
	if err := printKuramoto(e.stdout, format, res); err != nil {
		return err
	}
	if !res.Complete {
		return fmt.Errorf("interrupted at %.3f virtual s; the report above is partial", res.VirtualSeconds)
	}
	return nil
}

// printKuramoto writes the report as JSON or text.
func printKuramoto(w io.Writer, format string, res kuramotoResult) error {
	if format == "json" {
		return encodeJSON(w, res)
	}
	sync := "never"
	if res.TimeToSyncS != nil {
		sync = fmt.Sprintf("%.3f s", *res.TimeToSyncS)
	}
	fmt.Fprintf(w, "topology        %s, %d nodes, %d edges\n", res.Topology, res.Nodes, res.Edges)
	fmt.Fprintf(w, "oscillators     K = %g normalised by %s, %s frequencies %g ± %g Hz, %s, dt %g s, %g s\n",
		res.Coupling, res.Normalization, res.FreqDist, res.FreqMeanHz, res.FreqSpreadHz, res.Integrator, res.DtS, res.DurationS)
	rMean := notAvailable
	if res.RMean != nil {
		rMean = fmt.Sprintf("%.4f", *res.RMean)
	}
	if !res.Complete {
		fmt.Fprintf(w, "INCOMPLETE      interrupted at %.3f s\n", res.VirtualSeconds)
	}
	fmt.Fprintf(w, "r_mean          %s (second half)\n", rMean)
	fmt.Fprintf(w, "r_final         %.4f (%s)\n", res.RFinal, res.Quality)
	fmt.Fprintf(w, "r_peak          %.4f\n", res.RPeak)
	_, err := fmt.Fprintf(w, "time to sync    %s (target %g)\n", sync, res.Target)
	return err
}

// kuramotoGraph builds the requested topology.
func kuramotoGraph(ctx context.Context, topology string, nodes int, seed uint64, p float64, k int) (*kuramoto.Graph, error) {
	switch topology {
	case "complete":
		return kuramoto.Complete(nodes), nil
	case "ring":
		if k < 1 {
			return nil, fmt.Errorf("--ring-k must be at least 1, got %d", k)
		}
		return kuramoto.Ring(nodes, k), nil
	case "er":
		if math.IsNaN(p) || p < 0 || p > 1 {
			return nil, fmt.Errorf("--er-p must be a probability in [0, 1], got %v", p)
		}
		return kuramoto.ErdosRenyi(nodes, p, sim.NewStream(seed, "kuramoto/graph")), nil
	case "fabric":
		fc := fabric.DefaultConfig()
		fc.Nodes = nodes
		f, err := fabric.New(fc)
		if err != nil {
			return nil, err
		}
		if err := f.InitializeContext(ctx, sim.NewStream(seed, "fabric")); err != nil {
			return nil, err
		}
		// A fabric at rest weighs every link 1, as FromEdges does.
		return kuramoto.FromEdges(nodes, f.Edges())
	}
	return nil, fmt.Errorf("unknown --topology %q (want complete, ring, er or fabric)", topology)
}

// kuramotoConfigFlags names the flag that sets each key of kuramoto.Config
// the command exposes.
var kuramotoConfigFlags = map[string]string{
	"coupling": "coupling", "freq_mean_hz": "freq-mean", "freq_spread_hz": "freq-spread",
	"noise_sigma": "noise", "step": "dt", "target": "target",
}

// kuramotoFlagError words a configuration error by the flags the user
// typed ("--noise: -1 must be >= 0") rather than by the config's keys.
func kuramotoFlagError(err error) error {
	var fe *param.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	flag, ok := kuramotoConfigFlags[fe.Key]
	if !ok {
		return err
	}
	other := fe.Other
	if f, ok := kuramotoConfigFlags[other]; ok {
		other = "--" + f
	}
	return fmt.Errorf("--%s: %s", flag, fe.Detail(other))
}
