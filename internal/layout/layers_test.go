package layout

import (
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// A layer is one folder of the module with the packages its code may
// import: from the module (paths relative to its root; "x/..." is x and
// everything below it) and from outside the standard library (path
// prefixes). Test files may import more (go-cmp, the packages above).
type layer struct {
	folder     string
	module     []string
	thirdParty []string
	why        string
}

const (
	gonum    = "gonum.org/v1/gonum/"
	goTOML   = "github.com/pelletier/go-toml/v2"
	anything = "*"
)

// layers lists every package folder of the module, lowest first, so that
// this table, the README's Layout section and the folder tree read the
// same way: clock ← sim ← model ← scenarios ← sweep, compare ← cmd, with
// internal/ the private lowest layer under all of them.
var layers = []layer{
	{"clock", nil, nil, "virtual time imports nothing"},

	// internal/: the private lowest layer, numerics and file handling that
	// know nothing of the simulation.
	{"internal/detmath", nil, []string{"golang.org/x/sys/cpu"}, "platform-identical math needs only the standard library, and x/sys/cpu to pick a kernel"},
	{"internal/variate", []string{"internal/detmath"}, nil, "random variates build on detmath only"},
	{"internal/stats", nil, []string{gonum}, "streaming quantiles use gonum only"},
	{"internal/configtag", nil, nil, "the tags of configuration structs need only the standard library"},
	{"internal/strictoml", []string{"clock", "internal/configtag"}, []string{goTOML}, "strict TOML knows durations and tags, nothing of scenarios"},
	{"internal/atomicfile", nil, nil, "atomic writes need only the standard library"},
	{"internal/layout", nil, nil, "holds only tests"},

	{"sim", []string{"clock", "internal/variate", "internal/detmath"}, nil, "the kernel never imports the model"},

	// model/: the components, in their own order.
	{"model/param", []string{"clock", "internal/configtag"}, nil, "configuration errors and bounds, shared by every model package"},
	{"model/fabric", []string{"clock", "sim", "internal/detmath", "internal/variate", "model/param"}, []string{gonum}, "the fabric is a leaf of the model"},
	{"model/kuramoto", []string{"clock", "sim", "internal/detmath", "internal/variate", "model/param"}, []string{gonum}, "synchronisation is a leaf of the model"},
	{"model/needs", []string{"clock", "sim", "internal/detmath", "model/param"}, nil, "needs are a leaf of the model"},
	{"model/esgt", []string{"clock", "sim", "internal/detmath", "model/fabric", "model/kuramoto", "model/param"}, nil, "the coordinator drives fabric and synchronisation"},
	{"model/arousal", []string{"clock", "sim", "internal/detmath", "model/needs", "model/param"}, nil, "arousal reads needs"},
	{"model/bridge", []string{"clock", "sim", "internal/detmath", "model/arousal", "model/esgt", "model/param"}, nil, "the bridge joins arousal to the coordinator"},

	// Public statistics over replications, beside the model: no simulation.
	{"inference", nil, []string{gonum}, "statistics over seeds know nothing of the simulation"},

	// scenarios/: files, running and what is checked about runs.
	{"scenarios/verdict", []string{"internal/strictoml"}, nil, "criteria are checked against a report's type, not a run"},
	{"scenarios/trace", []string{"clock", "model/esgt", "model/arousal", "model/needs"}, nil, "a trace records the model's events, not how a run is wired"},
	{"scenarios/check", []string{"clock", "model/esgt", "model/fabric", "scenarios/trace"}, nil, "the invariant checker reads records, not how a run is wired"},
	{"scenarios/spec", []string{"clock", "model/...", "internal/configtag", "internal/strictoml", "scenarios/verdict"}, nil, "a scenario file is read and checked against the model's configs, never run"},
	{"scenarios", []string{"clock", "sim", "model/...", "internal/...", "scenarios/spec", "scenarios/verdict", "scenarios/trace", "scenarios/check"}, nil, "scenarios never import the CLI or the studies above them"},
	{"scenarios/suite", []string{"scenarios", "scenarios/spec", "scenarios/verdict"}, nil, "the stress suite runs scenarios"},

	// Studies over many runs: public, for the CLI and Go programs.
	{"sweep", []string{"clock", "model/...", "scenarios/...", "internal/...", "inference"}, []string{"golang.org/x/sys/"}, "a sweep runs scenarios over a grid"},
	{"compare", []string{"clock", "scenarios/...", "sweep", "inference"}, nil, "a comparison runs a scenario's two sides over seeds"},

	// cmd/: the command line and its private packages, which may import
	// anything below cmd.
	{"cmd/esgtsim/internal/plots", []string{"clock", "sim", "model/...", "scenarios/...", "internal/...", "inference", "sweep", "compare"}, []string{"gonum.org/v1/"}, "the CLI's figures"},
	{"cmd/esgtsim/internal/htmlreport", []string{"clock", "sim", "model/...", "scenarios/...", "internal/...", "inference", "sweep", "compare", "cmd/esgtsim/internal/..."}, []string{"gonum.org/v1/"}, "the CLI's HTML report"},
	{"cmd/esgtsim", []string{anything}, []string{anything}, "the command line may import everything"},

	// Tests only.
	{"golden", []string{anything}, []string{anything}, "the golden files' test"},
	{"benchmarks", []string{anything}, []string{anything}, "the benchmark suite"},
}

// otherFolders are the top-level folders that hold no Go package.
var otherFolders = []string{".ci", ".git", "deploy", "docs", "scripts"}

// TestEveryFolderHasALayer fails on a top-level folder or a package that
// the layers table does not place: a new folder states where it sits.
func TestEveryFolderHasALayer(t *testing.T) {
	root := moduleRoot(t)
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() || slices.Contains(otherFolders, e.Name()) {
			continue
		}
		if !slices.ContainsFunc(layers, func(l layer) bool { return strings.SplitN(l.folder, "/", 2)[0] == e.Name() }) {
			t.Errorf("top-level folder %s/ is in no layer: add it to layers (or otherFolders) and to the README's Layout section", e.Name())
		}
	}
	for _, p := range listPackages(t) {
		if layerOf(p.rel) == nil {
			t.Errorf("package %s is in no layer: add it to layers and to the README's Layout section", p.rel)
		}
	}
	for _, l := range layers {
		if _, err := os.Stat(root + "/" + l.folder); err != nil {
			t.Errorf("layer %s: %v (remove it from layers)", l.folder, err)
		}
	}
}

// TestImportsFollowLayers checks each package's own (non-test) imports
// against its layer.
func TestImportsFollowLayers(t *testing.T) {
	for _, p := range listPackages(t) {
		l := layerOf(p.rel)
		if l == nil {
			continue // reported by TestEveryFolderHasALayer
		}
		for _, imp := range p.Imports {
			first, _, _ := strings.Cut(imp, "/")
			switch {
			case imp == module || strings.HasPrefix(imp, module+"/"):
				rel := strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
				if !allowed(l.module, rel, func(pat, rel string) bool {
					if dir, ok := strings.CutSuffix(pat, "/..."); ok {
						return rel == dir || strings.HasPrefix(rel, dir+"/")
					}
					return rel == pat
				}) {
					t.Errorf("%s imports %s: %s (allowed: %s)", p.rel, rel, l.why, strings.Join(l.module, ", "))
				}
			case strings.Contains(first, "."):
				if !allowed(l.thirdParty, imp, func(prefix, imp string) bool { return strings.HasPrefix(imp, prefix) }) {
					t.Errorf("%s imports %s: not a dependency of its layer (allowed: %s)", p.rel, imp, strings.Join(l.thirdParty, ", "))
				}
			}
		}
	}
}

func allowed(patterns []string, path string, match func(pattern, path string) bool) bool {
	for _, pat := range patterns {
		if pat == anything || match(pat, path) {
			return true
		}
	}
	return false
}

// layerOf returns the layer of a package, by its path relative to the
// module. Every package has an entry of its own: a subpackage does not
// inherit its parent's imports.
func layerOf(rel string) *layer {
	if rel == "" {
		rel = "."
	}
	for i := range layers {
		if layers[i].folder == rel {
			return &layers[i]
		}
	}
	return nil
}

type listed struct {
	ImportPath string
	Imports    []string
	rel        string
}

func listPackages(t *testing.T) []listed {
	t.Helper()
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports", "./...")
	cmd.Dir = moduleRoot(t)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []listed
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p listed
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		p.rel = strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		pkgs = append(pkgs, p)
	}
	if len(pkgs) == 0 {
		t.Fatal("go list ./... listed no package")
	}
	return pkgs
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	return strings.TrimSpace(string(out))
}
