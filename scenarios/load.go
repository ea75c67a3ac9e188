package scenarios

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/esgtsim/esgtsim/internal/strictoml"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

//go:embed builtin/*.toml
var builtinFS embed.FS

// Scenario is a loaded, validated scenario file.
type Scenario struct {
	Spec   Spec
	File   string // the built-in's name or the file's path
	Source []byte // the file as read, before overrides
	// Overrides are the --set overrides applied, "path=value" as given.
	Overrides []string
	meta      *strictoml.Meta

	criteria []verdict.Criterion
	// edges is the topology read from fabric.edges, nil when the fabric
	// is generated; edgesSum is the SHA-256 of that file's bytes.
	edges    *fabric.EdgeList
	edgesSum [sha256.Size]byte
}

// EdgesSHA256 returns the SHA-256 (hex) of the fabric.edges file as it
// was read, "" when the fabric is generated: what identifies the topology
// where the key holds only its path.
func (sc *Scenario) EdgesSHA256() string {
	if sc.edges == nil {
		return ""
	}
	return hex.EncodeToString(sc.edgesSum[:])
}

// Info names a built-in scenario.
type Info struct {
	Name        string
	Description string
}

// Builtins lists the built-in scenarios, sorted by name.
func Builtins() []Info {
	entries, err := fs.ReadDir(builtinFS, "builtin")
	if err != nil {
		panic("scenarios: embedded files missing: " + err.Error())
	}
	var out []Info
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".toml")
		sc, err := Builtin(name, nil)
		if err != nil {
			panic("scenarios: built-in " + name + " is invalid: " + err.Error())
		}
		out = append(out, Info{Name: name, Description: sc.Spec.Description})
	}
	slices.SortFunc(out, func(a, b Info) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// BuiltinSource returns the text of the built-in scenario called name.
func BuiltinSource(name string) ([]byte, error) {
	data, err := builtinFS.ReadFile(path.Join("builtin", name+".toml"))
	if err != nil {
		return nil, fmt.Errorf("no built-in scenario %q%s (esgtsim list shows them)", name, closestBuiltin(name))
	}
	return data, nil
}

// closestBuiltin returns " (did you mean NAME?)" for the built-in nearest
// to name, or "".
func closestBuiltin(name string) string {
	entries, _ := fs.ReadDir(builtinFS, "builtin")
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".toml"))
	}
	if best, ok := strictoml.Closest(name, names); ok {
		return fmt.Sprintf(" (did you mean %s?)", best)
	}
	return ""
}

// Builtin loads the built-in scenario called name with overrides.
func Builtin(name string, overrides []string) (*Scenario, error) {
	data, err := BuiltinSource(name)
	if err != nil {
		return nil, err
	}
	return Parse(name, data, overrides)
}

// Load loads nameOrPath: a built-in scenario's name, or else a file path.
// A file must hold something that happens: an empty file, or one without
// a [[workload]], a [[needs.change]] or a [[fault]], is refused.
func Load(nameOrPath string, overrides []string) (*Scenario, error) {
	if data, err := BuiltinSource(nameOrPath); err == nil {
		return Parse(nameOrPath, data, overrides)
	}
	data, err := os.ReadFile(nameOrPath)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%q is neither a built-in scenario (esgtsim list) nor a file%s", nameOrPath, closestBuiltin(nameOrPath))
		}
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &strictoml.Error{Pos: strictoml.Pos{File: nameOrPath}, Msg: "the scenario file is empty; start from a built-in one (esgtsim show latency > mine.toml)"}
	}
	sc, err := Parse(nameOrPath, data, overrides)
	if err != nil {
		return nil, err
	}
	if s := &sc.Spec; len(s.Workloads) == 0 && len(s.Needs.Changes) == 0 && len(s.Faults) == 0 {
		return nil, sc.errorf("", "the scenario has no [[workload]], [[needs.change]] or [[fault]]: nothing would happen in it")
	}
	return sc, nil
}

// Parse decodes and validates a scenario file, applying overrides
// ("path.to.key=value") first. Every mistake is an error naming the file,
// the line and the key.
func Parse(file string, data []byte, overrides []string) (*Scenario, error) {
	spec, _ := DefaultSpecFor(revisionOf(data, overrides))
	meta, err := strictoml.Decode(file, data, overrides, &spec)
	if err != nil {
		return nil, err
	}
	sc := &Scenario{Spec: spec, File: file, Source: data, Overrides: overrides, meta: meta}
	if !meta.Has("arousal.initial") {
		sc.Spec.Arousal.Initial = sc.Spec.Arousal.Baseline
	}
	if !meta.Has("needs.base.temperature_c") {
		sc.Spec.Needs.Base.TemperatureC = math.NaN()
	}
	if !meta.Has("needs.base.power_w") {
		sc.Spec.Needs.Base.PowerW = math.NaN()
	}
	if sc.Spec.Name == "" {
		sc.Spec.Name = strings.TrimSuffix(path.Base(file), ".toml")
	}
	if err := sc.validate(); err != nil {
		return nil, err
	}
	return sc, nil
}

// Errorf returns an error about path at its position in the file.
func (sc *Scenario) errorf(path, format string, args ...any) error {
	return sc.meta.Errorf(path, format, args...)
}
