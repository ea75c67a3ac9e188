package suite

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/esgtsim/esgtsim/scenarios"
	"github.com/esgtsim/esgtsim/scenarios/spec"
)

// Select loads the scenarios args name: built-in names, scenario files and
// directories (every *.toml in them, by name). No argument selects every
// built-in. The order is the verdict's: by module in the original's order
// (Load, Latency, Recovery, Concurrency, Memory, Benchmarks, then any
// other module by name, then scenarios without one), then as given.
func Select(args []string, overrides []string) ([]*spec.Scenario, error) {
	if len(args) == 0 {
		for _, info := range scenarios.Builtins() {
			args = append(args, info.Name)
		}
	}
	var out []*spec.Scenario
	seen := map[string]bool{}
	add := func(nameOrPath string) error {
		sc, err := scenarios.Load(nameOrPath, overrides)
		if err != nil {
			return err
		}
		if seen[sc.Spec.Name] {
			return fmt.Errorf("two scenarios are named %q (the second from %s)", sc.Spec.Name, nameOrPath)
		}
		seen[sc.Spec.Name] = true
		out = append(out, sc)
		return nil
	}
	for _, arg := range args {
		if _, err := scenarios.BuiltinSource(arg); err != nil {
			if fi, statErr := os.Stat(arg); statErr == nil && fi.IsDir() {
				files, err := filepath.Glob(filepath.Join(arg, "*.toml"))
				if err != nil {
					return nil, err
				}
				if len(files) == 0 {
					return nil, fmt.Errorf("%s: no scenario files (*.toml) in this directory", arg)
				}
				slices.Sort(files)
				for _, f := range files {
					if err := add(f); err != nil {
						return nil, err
					}
				}
				continue
			}
		}
		if err := add(arg); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(out, func(a, b *spec.Scenario) int {
		return compareModules(ModuleOf(a), ModuleOf(b))
	})
	return out, nil
}

// Modules are the original suite's modules, in the order its report
// listed them, and the benchmarks it planned next.
var Modules = []string{"Load", "Latency", "Recovery", "Concurrency", "Memory", "Benchmarks"}

// NoModule is the module of a scenario that names none.
const NoModule = "Other"

// ModuleOf returns sc's module, NoModule if it names none.
func ModuleOf(sc *spec.Scenario) string {
	if sc.Spec.Module == "" {
		return NoModule
	}
	return sc.Spec.Module
}

// compareModules orders modules: the original's, then others by name,
// then NoModule.
func compareModules(a, b string) int {
	rank := func(m string) int {
		if i := slices.Index(Modules, m); i >= 0 {
			return i
		}
		if m == NoModule {
			return len(Modules) + 1
		}
		return len(Modules)
	}
	if d := rank(a) - rank(b); d != 0 {
		return d
	}
	return strings.Compare(a, b)
}
