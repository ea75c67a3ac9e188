package scenarios

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/esgtsim/esgtsim/internal/strictoml"
	"github.com/esgtsim/esgtsim/scenarios/spec"
)

//go:embed builtin/*.toml
var builtinFS embed.FS

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
func Builtin(name string, overrides []string) (*spec.Scenario, error) {
	data, err := BuiltinSource(name)
	if err != nil {
		return nil, err
	}
	return Parse(name, data, overrides)
}

// Load loads nameOrPath: a built-in scenario's name, or else a file path
// (see [spec.Load]), with overrides.
func Load(nameOrPath string, overrides []string) (*spec.Scenario, error) {
	if data, err := BuiltinSource(nameOrPath); err == nil {
		return Parse(nameOrPath, data, overrides)
	}
	sc, err := spec.Load(nameOrPath, overrides, ReportSchema())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%q is neither a built-in scenario (esgtsim list) nor a file%s", nameOrPath, closestBuiltin(nameOrPath))
	}
	return sc, err
}

// Parse decodes and validates a scenario file (see [spec.Parse]) whose
// criteria judge this package's run report, [Summary].
func Parse(file string, data []byte, overrides []string) (*spec.Scenario, error) {
	return spec.Parse(file, data, overrides, ReportSchema())
}
