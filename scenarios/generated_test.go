package scenarios

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var (
	generatedSeed  = flag.Uint64("generated.seed", 13, "seed of the scenarios TestGeneratedScenarios generates")
	generatedCount = flag.Int("generated.count", 32, "how many scenarios TestGeneratedScenarios generates")
	generatedOut   = flag.String("generated.out", "", "directory where TestGeneratedScenarios writes each scenario and its whole JSON report (for .ci/run to compare across platforms)")
)

// TestGeneratedScenarios generates valid scenarios at random (seeded by
// -generated.seed) that between them use every frequency distribution,
// integrator, noise level, workload kind, salience mode and fault kind,
// runs each with the invariant checker, and requires each to load, run
// without error and give the same report twice. With -generated.out DIR
// it writes NN.toml and NN.json (the report exactly as `esgtsim run
// --format json` prints it) for every scenario: .ci/run runs it for
// GOAMD64=v1, GOAMD64=v3 and arm64 under qemu and requires the three
// directories to be byte-identical, which is the cross-platform promise of
// the Guarantees table (docs/guarantees.md) tested beyond the built-in scenarios.
func TestGeneratedScenarios(t *testing.T) {
	r := rand.New(rand.NewPCG(*generatedSeed, 0x676e))
	if *generatedOut != "" {
		if err := os.MkdirAll(*generatedOut, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	covered := map[string]bool{}
	for i := range *generatedCount {
		g := generateScenario(r, i)
		for _, tag := range g.covers {
			covered[tag] = true
		}
		name := fmt.Sprintf("%02d", i)
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("generated scenario %s (-generated.seed %d): %s\n%s", name, *generatedSeed, fmt.Sprintf(format, args...), g.toml)
		}
		sc, err := Parse(name+".toml", []byte(g.toml), nil)
		if err != nil {
			fail("invalid: %v", err)
			continue
		}
		report, err := runReport(sc)
		if err != nil {
			fail("run: %v", err)
			continue
		}
		if again, err := runReport(sc); err != nil || string(again) != string(report) {
			fail("a second run gave another report (err %v)", err)
		}
		if *generatedOut != "" {
			for file, data := range map[string][]byte{name + ".toml": []byte(g.toml), name + ".json": report} {
				if err := os.WriteFile(filepath.Join(*generatedOut, file), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if *generatedCount >= minGeneratedForCoverage {
		var missing []string
		for _, tag := range coverageTags() {
			if !covered[tag] {
				missing = append(missing, tag)
			}
		}
		if len(missing) > 0 {
			t.Errorf("the generated scenarios never use %s", strings.Join(missing, ", "))
		}
	}
}

// runReport runs sc with the invariant checker and returns its JSON report
// as the run command writes it.
func runReport(sc *spec.Scenario) ([]byte, error) {
	res, err := Run(context.Background(), sc, Options{Check: true})
	if err != nil {
		return nil, err
	}
	report, err := json.MarshalIndent(res.Summary, "", "  ")
	return append(report, '\n'), err
}

// Choices the generator cycles through, so that any minGeneratedForCoverage
// consecutive scenarios use each at least once.
var (
	genDists         = []string{"none", "normal", "cauchy", "uniform"}
	genIntegrators   = []string{"euler", "rk4"}
	genNoise         = []float64{0, 0.5, 5, 30, 100}
	genWorkloads     = []string{"constant", "poisson", "burst", "batches", "closed_loop", "list", "modulation"}
	genSalience      = []string{"fixed", "cycle", "uniform", "normal"}
	genFaultGroups   = [][]string{{"node_crash", "node_recover"}, {"node_degrade"}, {"link_degrade", "link_heal"}, {"coordinator_stop", "coordinator_start"}, {"fabric_recreate"}}
	genDropModes     = []string{"target", "modulation", "off"}
	genMetrics       = []string{"cpu_percent", "memory_percent", "error_rate_per_min", "exceptions", "temperature_c", "power_w", "network_latency_ms", "packet_loss_percent", "idle_percent", "throughput_ops_per_sec"}
	genChangeKinds   = []string{"step", "ramp", "spike"}
	genOscillatorKey = []string{"coupling", "freq_mean_hz", "freq_spread_hz", "damping", "step"}
)

// minGeneratedForCoverage is the least common multiple of the cycles'
// lengths that matter (4 distributions, 2 integrators, 5 noise levels, 7
// workload kinds, 5 fault groups), capped: 20 scenarios use every
// distribution × integrator pair and every noise level, workload kind and
// fault group.
const minGeneratedForCoverage = 20

func coverageTags() []string {
	var tags []string
	for _, d := range genDists {
		for _, in := range genIntegrators {
			tags = append(tags, "dist="+d+"/integrator="+in)
		}
	}
	for _, n := range genNoise {
		tags = append(tags, fmt.Sprintf("noise=%g", n))
	}
	for _, w := range genWorkloads {
		tags = append(tags, "workload="+w)
	}
	for _, s := range genSalience {
		tags = append(tags, "salience="+s)
	}
	for _, g := range genFaultGroups {
		for _, k := range g {
			tags = append(tags, "fault="+k)
		}
	}
	for _, m := range genDropModes {
		tags = append(tags, "refractory_drop="+m)
	}
	for _, k := range genChangeKinds {
		tags = append(tags, "change="+k)
	}
	for _, k := range genOscillatorKey {
		tags = append(tags, "oscillator."+k)
	}
	return append(tags, "arousal=off", "circadian", "bridge", "hardening=off", "packet_loss")
}

type generated struct {
	toml   string
	covers []string
}

// generateScenario writes the i-th random scenario: small (8 to 40 nodes,
// 1.5 to 4 virtual seconds) so that a few dozen run in seconds even under
// qemu, and valid by construction (every key applies to its kind, faults
// come in orders the model accepts).
func generateScenario(r *rand.Rand, i int) generated {
	var b strings.Builder
	var covers []string
	cover := func(tag string) { covers = append(covers, tag) }
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	uniform := func(lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }
	ms := func(lo, hi int) string { return fmt.Sprintf("\"%dms\"", lo+r.IntN(hi-lo+1)) }

	durationMs := 1500 + r.IntN(2501)
	nodes := 8 + r.IntN(33)
	workload := genWorkloads[i%len(genWorkloads)]
	arousalOn := workload == "modulation" || i%3 != 0

	line("name = \"generated-%02d\"", i)
	line("seed = %d", r.Uint64N(1_000_000))
	line("duration = \"%dms\"", durationMs)

	line("\n[fabric]\nnodes = %d", nodes)
	if r.IntN(3) == 0 {
		line("packet_loss = %.3f", uniform(0.001, 0.05))
		cover("packet_loss")
	}

	dist, integrator := genDists[i%len(genDists)], genIntegrators[i/len(genDists)%len(genIntegrators)]
	noise := genNoise[i%len(genNoise)]
	line("\n[oscillator]\nfreq_dist = %q\nintegrator = %q\nnoise_sigma = %g", dist, integrator, noise)
	cover("dist=" + dist + "/integrator=" + integrator)
	cover(fmt.Sprintf("noise=%g", noise))
	if dist != "none" {
		line("freq_spread_hz = %.4f", uniform(0.05, 3))
		cover("oscillator.freq_spread_hz")
	}
	for _, key := range []string{"coupling", "freq_mean_hz", "damping", "step"} {
		if r.IntN(2) == 0 {
			continue
		}
		cover("oscillator." + key)
		switch key {
		case "coupling":
			line("coupling = %.4f", uniform(4, 40))
		case "freq_mean_hz":
			line("freq_mean_hz = %.4f", uniform(10, 80))
		case "damping":
			line("damping = %.4f", uniform(0, 2))
		case "step":
			line("step = %s", []string{`"250us"`, `"500us"`, `"1ms"`, `"2ms"`}[r.IntN(4)])
		}
	}

	minAvailable := 1 + r.IntN(nodes/2)
	line("\n[triggers]\nrefractory_period = %s\nmin_available_nodes = %d", ms(10, 200), minAvailable)
	if r.IntN(2) == 0 {
		line("max_frequency_hz = %.2f", uniform(2, 30))
	}
	if !arousalOn {
		line("fixed_arousal = %.3f", uniform(0.4, 1))
	}
	line("\n[ignition]\ntarget_coherence = %.3f\nsync_timeout = %s", uniform(0.5, 0.95), ms(100, 600))
	if r.IntN(2) == 0 {
		line("recruit_nodes = %d", minAvailable+r.IntN(nodes-minAvailable+1))
	}
	if r.IntN(2) == 0 {
		line("\n[hardening]\nbreaker_threshold = 0\ndegraded_window = 0\ndegraded_min_samples = 0")
		cover("hardening=off")
	} else {
		line("\n[hardening]\nmax_concurrent = %d\nrate_limit_hz = %.2f", 1+r.IntN(3), uniform(5, 200))
	}

	if !arousalOn {
		line("\n[arousal]\nenabled = false\n\n[needs]\nenabled = false\n\n[bridge]\nenabled = false")
		cover("arousal=off")
	} else {
		drop := genDropModes[r.IntN(len(genDropModes))]
		line("\n[arousal]\nbaseline = %.3f", uniform(0.3, 0.8))
		if r.IntN(3) == 0 {
			line("circadian = true\ncircadian_amplitude = %.3f\nstart_of_day = \"%dh\"", uniform(0.01, 0.2), r.IntN(24))
			cover("circadian")
		}
		line("\n[arousal.refractory_drop]\nmode = %q", drop)
		cover("refractory_drop=" + drop)
		if r.IntN(3) == 0 {
			line("\n[bridge]\nenabled = false")
		} else {
			cover("bridge")
		}
		for range r.IntN(3) {
			metric := genMetrics[r.IntN(len(genMetrics))]
			kind := genChangeKinds[r.IntN(len(genChangeKinds))]
			at := r.IntN(durationMs / 2)
			line("\n[[needs.change]]\nmetric = %q\nkind = %q\nat = \"%dms\"\nvalue = %.3f", metric, kind, at, uniform(0, 100))
			switch kind {
			case "ramp":
				line("until = \"%dms\"", at+r.IntN(durationMs/2))
			case "spike":
				line("duration = %s", ms(50, 800))
			}
			if r.IntN(2) == 0 {
				line("probe = true")
			}
			cover("change=" + kind)
		}
	}

	kinds := []string{workload}
	if r.IntN(2) == 0 {
		extra := genWorkloads[r.IntN(len(genWorkloads))]
		if extra != "modulation" || arousalOn {
			kinds = append(kinds, extra)
		}
	}
	for _, kind := range kinds {
		writeWorkload(&b, r, kind, durationMs, i)
		cover("workload=" + kind)
		if kind != "modulation" {
			cover("salience=" + genSalience[i%len(genSalience)])
		}
	}

	groups := []int{i % len(genFaultGroups)}
	for g := range genFaultGroups {
		if g != groups[0] && r.IntN(4) == 0 {
			groups = append(groups, g)
		}
	}
	slices.Sort(groups) // fabric_recreate, the last group, comes after the others' faults
	for _, g := range groups {
		writeFaults(&b, r, g, nodes, durationMs)
		for _, k := range genFaultGroups[g] {
			cover("fault=" + k)
		}
	}
	return generated{toml: b.String(), covers: covers}
}

// writeWorkload writes one [[workload]] of the given kind with only the
// keys that apply to it.
func writeWorkload(b *strings.Builder, r *rand.Rand, kind string, durationMs, i int) {
	line := func(format string, args ...any) { fmt.Fprintf(b, format+"\n", args...) }
	uniform := func(lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }
	line("\n[[workload]]\nkind = %q", kind)
	switch kind {
	case "constant", "poisson":
		line("rate_hz = %.3f", uniform(2, 120))
		if r.IntN(2) == 0 {
			line("start = \"%dms\"", r.IntN(durationMs/3))
		}
	case "burst":
		line("size = %d\nstart = \"%dms\"", 1+r.IntN(60), r.IntN(durationMs))
	case "batches":
		line("size = %d\nbatches = %d\nevery = \"%dms\"", 1+r.IntN(8), 1+r.IntN(6), 50+r.IntN(400))
	case "closed_loop":
		if r.IntN(3) == 0 {
			line("rate_hz = 0\ncount = %d", 1+r.IntN(200))
		} else {
			line("rate_hz = %.3f", uniform(2, 60))
		}
	case "list":
		at := make([]string, 1+r.IntN(20))
		for j := range at {
			at[j] = fmt.Sprintf("\"%dms\"", r.IntN(durationMs+1))
		}
		line("at = [%s]", strings.Join(at, ", "))
	case "modulation":
		line("rate_hz = %.3f\ndelta = %.3f\ndecay = \"%dms\"", uniform(0.5, 20), uniform(-0.5, 0.5), 100+r.IntN(2000))
		return // modulations have no salience
	}
	mode := genSalience[i%len(genSalience)]
	line("[workload.salience]\nmode = %q", mode)
	switch mode {
	case "fixed":
		line("value = %.3f", uniform(0.4, 1))
	case "cycle":
		pattern := make([]string, 1+r.IntN(10))
		for j := range pattern {
			pattern[j] = fmt.Sprintf("%.3f", uniform(0.4, 1))
		}
		line("pattern = [%s]", strings.Join(pattern, ", "))
	case "uniform":
		lo := uniform(0.3, 0.9)
		line("min = %.3f\nmax = %.3f", lo, uniform(lo, 1))
	case "normal":
		line("mean = %.3f\nsd = %.3f", uniform(0.5, 0.9), uniform(0, 0.3))
	}
}

// writeFaults writes fault group g (genFaultGroups), in an order the model
// accepts: a node recovers after it crashed, a link heals after it was
// degraded, the coordinator restarts after it stopped, and the fabric is
// re-created after every other fault (it would undo them). Crashes hit the
// highest-numbered nodes, node_degrade node 2, and link faults the link
// between nodes 0 and 1, which every generated fabric has (the
// Barabási–Albert seed graph is a star on node 0).
func writeFaults(b *strings.Builder, r *rand.Rand, g, nodes, durationMs int) {
	line := func(format string, args ...any) { fmt.Fprintf(b, format+"\n", args...) }
	early := func() int { return durationMs/10 + r.IntN(durationMs/4) } // 10 % to 35 %
	later := func(t int) int { return t + 1 + r.IntN(durationMs/3) }    // before 70 %
	switch genFaultGroups[g][0] {
	case "node_crash":
		crash := early()
		count := 1 + r.IntN(min(3, nodes-3))
		targets := make([]string, count)
		for j := range targets {
			targets[j] = fmt.Sprint(nodes - 1 - j)
		}
		every := ""
		if count > 1 && r.IntN(2) == 0 {
			every = fmt.Sprintf("every = \"%dms\"\n", 1+r.IntN(20))
		}
		line("\n[[fault]]\nkind = \"node_crash\"\nat = \"%dms\"\nnodes = [%s]\n%s", crash, strings.Join(targets, ", "), every)
		line("[[fault]]\nkind = \"node_recover\"\nat = \"%dms\"\nnodes = [%s]", later(crash+100), strings.Join(targets, ", "))
	case "node_degrade":
		line("\n[[fault]]\nkind = \"node_degrade\"\nat = \"%dms\"\nnode = 2", early())
	case "link_degrade":
		at := early()
		line("\n[[fault]]\nkind = \"link_degrade\"\nat = \"%dms\"\nnode = 0\npeer = 1\nlatency_factor = %.3f\nloss = %.3f",
			at, 1+9*r.Float64(), 0.5*r.Float64())
		line("\n[[fault]]\nkind = \"link_heal\"\nat = \"%dms\"\nnode = 0\npeer = 1", later(at))
	case "coordinator_stop":
		at := early()
		line("\n[[fault]]\nkind = \"coordinator_stop\"\nat = \"%dms\"", at)
		line("\n[[fault]]\nkind = \"coordinator_start\"\nat = \"%dms\"", later(at))
	case "fabric_recreate":
		line("\n[[fault]]\nkind = \"fabric_recreate\"\nat = \"%dms\"", durationMs*3/4+r.IntN(durationMs/5))
	}
}
