package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/sim"
)

var fabricCmd = &command{
	name:    "fabric",
	summary: "generate a TIG fabric and print its metrics",
	usage:   "esgtsim fabric [--nodes N --seed S | --edges FILE] [--format text|json] [--out FILE] [--export-edges FILE]",
	about:   fabricAbout(fabric.DefaultConfig()),
	example: `esgtsim fabric --nodes 32 --seed 7
esgtsim fabric --nodes 10000 --format json --export-edges fabric.csv
esgtsim fabric --edges fabric.csv`,
	flags: func(fs *pflag.FlagSet) {
		def := fabric.DefaultConfig()
		fs.Int("nodes", def.Nodes, "number of nodes")
		fs.Uint64("seed", 1, "seed of the generator and the estimators")
		fs.Int("min-degree", def.MinDegree, "Barabási–Albert links per new node (m)")
		fs.String("format", "text", "text or json")
		fs.String("out", "-", "write the report to FILE (- is standard output)")
		fs.String("export-edges", "", "write the edge list to this CSV file (- is standard output)")
		fs.String("edges", "", "read the topology from this edge list instead of generating it")
	},
	run: runSimple(0, runFabric),
}

// fabricAbout describes the command, with the estimator thresholds of cfg.
func fabricAbout(cfg fabric.Config) string {
	return fmt.Sprintf(`Fabric generates the TIG fabric of docs/model.md §1 from a seed (Barabási–Albert
with --min-degree links per new node, then two triadic-closure passes) and
prints its structural metrics and the "IIT compliance" checks, which are
reported, never enforced. The same flags always give the same fabric.

Metrics follow networkx's definitions. Path length and efficiency are exact
up to %d nodes and estimated from %d sampled sources above; path
redundancy (the minimum and mean number of edge-disjoint paths between two
nodes) is exact over all pairs up to %d nodes and sampled over %d pairs
above; algebraic connectivity is always the Fiedler value of the
Laplacian. The report says which figures are estimates.

--export-edges writes every link as a line "a,b" of 0-based node indices,
a < b, in that order. Output files are written whole or not at all; "-"
is standard output, for one of --out and --export-edges.

--edges reads the topology from such a file instead of generating it
(lines starting with # are skipped; a header line may add latency_us,
bandwidth_gbps and weight columns; attributes not given are drawn from
--seed). The fabric has its highest node id plus one nodes, or --nodes
if given. Self-loops, duplicate links, ids out of range and disconnected
graphs are refused with the file and line.`,
		cfg.ExactPathsMaxNodes, cfg.PathSources, cfg.ExactRedundancyMaxNodes, cfg.RedundancyPairs)
}

// fabricReport is the command's JSON report: the metrics' keys at the top
// level, then the compliance checks and how each figure was obtained.
type fabricReport struct {
	Seed      uint64 `json:"seed"`
	MinDegree int    `json:"min_degree"`
	// Edges is the edge list the topology was read from, if any.
	EdgesFile string `json:"edges_file,omitempty"`
	// Complete is always true: an interrupted fabric command prints no
	// report. It is there so that every JSON report of esgtsim has it.
	Complete bool `json:"complete"`
	fabric.Metrics
	Compliance fabric.Compliance `json:"compliance"`
	Methods    map[string]string `json:"methods"`
}

func runFabric(e *env, fs *pflag.FlagSet, _ []string) error {
	get := flagGetter{fs: fs}
	seed, format, out, export := get.uint64("seed"), get.oneOf("format", "text", "json"), get.str("out"), get.str("export-edges")
	cfg := fabric.DefaultConfig()
	cfg.Nodes, cfg.MinDegree = get.int("nodes"), get.int("min-degree")
	if err := get.err; err != nil {
		return e.usagef("%v", err)
	}
	if err := e.checkOutputs("out", out, "export-edges", export); err != nil {
		return err
	}
	edges := get.str("edges")
	var list *fabric.EdgeList
	if edges != "" {
		nodes := 0
		if fs.Changed("nodes") {
			nodes = cfg.Nodes
		}
		var err error
		if list, err = readEdgeList(edges, nodes); err != nil {
			return err
		}
		cfg.Nodes, cfg.MinDegree = list.Nodes, 1 // the generator is not used
	}
	if cfg.Nodes > spec.MaxNodes {
		return e.usagef("--nodes %d exceeds the limit of %d, as for scenarios", cfg.Nodes, spec.MaxNodes)
	}
	f, err := fabric.New(cfg)
	if err != nil {
		return e.usagef("%v", err)
	}
	if list != nil {
		err = f.InitializeFromEdges(list, sim.NewStream(seed, "fabric"))
	} else {
		err = f.InitializeContext(e.ctx, sim.NewStream(seed, "fabric"))
	}
	if err != nil {
		return interruptedOr(e, err, "while generating the fabric")
	}
	m, err := f.MetricsContext(e.ctx, sim.NewStream(seed, "fabric/metrics"))
	if err != nil {
		return interruptedOr(e, err, "while measuring the fabric")
	}
	rep := fabricReport{Seed: seed, MinDegree: cfg.MinDegree, EdgesFile: edges, Complete: true, Metrics: m, Compliance: f.Compliance(m), Methods: methods(cfg, m)}
	if export != "" {
		if err := e.writeEdges(export, f.Edges()); err != nil {
			return err
		}
	}
	return e.writeOutput(out, func(w io.Writer) error {
		if format == "json" {
			return encodeJSON(w, rep)
		}
		return printFabric(w, rep)
	})
}

// methods says how each all-pairs figure was obtained.
func methods(cfg fabric.Config, m fabric.Metrics) map[string]string {
	paths := fmt.Sprintf("exact: breadth-first search from all %d nodes", m.PathSources)
	if !m.PathsExact {
		paths = fmt.Sprintf("estimated: breadth-first search from %d sampled nodes of %d", m.PathSources, m.Nodes)
	}
	redundancy := fmt.Sprintf("exact over all %d pairs (Gusfield flow tree)", m.RedundancyPairs)
	if !m.RedundancyExact {
		redundancy = fmt.Sprintf("estimated over %d sampled pairs; the minimum is an upper bound", m.RedundancyPairs)
	}
	spectrum := map[string]string{
		fabric.SpectrumDense:        "exact: dense symmetric eigendecomposition of the Laplacian",
		fabric.SpectrumLanczos:      "exact to 1e-9: shift-invert Lanczos on the sparse Laplacian",
		fabric.SpectrumDisconnected: "0: the live graph is disconnected or has fewer than 2 nodes",
	}[m.SpectrumMethod]
	return map[string]string{
		"path_length":            "mean shortest-path length in the largest component; " + paths,
		"efficiency":             "mean of 1/d over ordered node pairs (networkx global_efficiency); " + paths,
		"path_redundancy":        "minimum over node pairs of the number of edge-disjoint paths (local edge connectivity); " + redundancy,
		"path_redundancy_mean":   "mean over the same pairs",
		"algebraic_connectivity": spectrum,
		"target_density":         fmt.Sprintf("configured %.2f; reported, does not steer generation", cfg.TargetDensity),
	}
}

// printFabric writes the readable report.
func printFabric(w io.Writer, r fabricReport) error {
	m := r.Metrics
	exactness := func(exact bool, n int, what string) string {
		if exact {
			return fmt.Sprintf("exact, %d %s", n, what)
		}
		return fmt.Sprintf("estimated, %d sampled %s", n, what)
	}
	aps := "none"
	if len(m.ArticulationPoints) > 0 {
		aps = strings.Trim(fmt.Sprint(m.ArticulationPoints), "[]")
	}
	connected := fmt.Sprintf("yes (%d component)", m.Components)
	if !m.Connected {
		connected = fmt.Sprintf("no (%d components, largest %d nodes)", m.Components, m.LargestComponent)
	}
	spectrum := map[string]string{
		fabric.SpectrumDense:        "exact, dense eigendecomposition",
		fabric.SpectrumLanczos:      "exact to 1e-9, sparse Lanczos",
		fabric.SpectrumDisconnected: "0 by definition: disconnected",
	}[m.SpectrumMethod]
	// Every row ends its second cell with a tab so that the value column
	// aligns across the whole table; trailing padding is trimmed below.
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	if r.EdgesFile != "" {
		fmt.Fprintf(tw, "TIG fabric\t%d nodes\tfrom %s, seed %d\n", m.Nodes, r.EdgesFile, r.Seed)
	} else {
		fmt.Fprintf(tw, "TIG fabric\t%d nodes\tseed %d, min degree %d\n", m.Nodes, r.Seed, r.MinDegree)
	}
	fmt.Fprintf(tw, "edges\t%d\t\n", m.Edges)
	fmt.Fprintf(tw, "density\t%.4f\ttarget %.2f, reported only\n", m.Density, m.TargetDensity)
	fmt.Fprintf(tw, "connected\t%s\t\n", connected)
	fmt.Fprintf(tw, "clustering\t%.4f\t\n", m.Clustering)
	fmt.Fprintf(tw, "path length\t%.4f\t%s\n", m.PathLength, exactness(m.PathsExact, m.PathSources, "sources"))
	fmt.Fprintf(tw, "efficiency (ECI)\t%.4f\t%s\n", m.Efficiency, exactness(m.PathsExact, m.PathSources, "sources"))
	fmt.Fprintf(tw, "algebraic connectivity\t%.4f\t%s\n", m.AlgebraicConnectivity, spectrum)
	fmt.Fprintf(tw, "articulation points\t%s\t\n", aps)
	fmt.Fprintf(tw, "path redundancy\t%d\tmin edge-disjoint paths between two nodes (mean %.2f); %s\n",
		m.PathRedundancy, m.PathRedundancyMean, exactness(m.RedundancyExact, m.RedundancyPairs, "pairs"))
	fmt.Fprintf(tw, "link latency\t%v\tmean (max %v)\n", m.AvgLinkLatency, m.MaxLinkLatency)
	fmt.Fprintf(tw, "total bandwidth\t%.0f Gb/s\teffective capacity %.0f Gb/s\n", m.TotalBandwidthGbps, m.EffectiveCapacityGbps)
	c := r.Compliance
	passed := 0
	for _, ch := range c.Checks {
		if ch.Pass {
			passed++
		}
	}
	fmt.Fprintf(tw, "IIT compliance\t%d of %d pass\treported, never enforced\n", passed, len(c.Checks))
	for _, ch := range c.Checks {
		verdict := "pass"
		if !ch.Pass {
			verdict = "FAIL"
		}
		fmt.Fprintf(tw, "  %s\t%.4g %s %.4g\t%s\n", ch.Name, ch.Value, ch.Op, ch.Threshold, verdict)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var out strings.Builder
	for line := range strings.Lines(table.String()) {
		out.WriteString(strings.TrimRight(line, " \n") + "\n")
	}
	for _, v := range c.Violations {
		fmt.Fprintf(&out, "  violation: %s\n", v)
	}
	_, err := io.WriteString(w, out.String())
	return err
}

// writeEdges writes edges as "a,b" lines to path, whole or not at all.
func (e *env) writeEdges(path string, edges [][2]int) error {
	err := e.writeOutput(path, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		for _, e := range edges {
			fmt.Fprintf(bw, "%d,%d\n", e[0], e[1])
		}
		return bw.Flush()
	})
	if err != nil {
		return fmt.Errorf("fabric: export edges: %w", err)
	}
	return nil
}

// readEdgeList reads the edge list at path; nodes > 0 requires its ids to
// be below it.
func readEdgeList(path string, nodes int) (*fabric.EdgeList, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("fabric: %w", err)
	}
	defer file.Close()
	return fabric.ReadEdgeList(path, file, nodes)
}
