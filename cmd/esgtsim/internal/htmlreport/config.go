package htmlreport

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/esgtsim/esgtsim/scenarios/spec"
)

// setting is one key of the effective configuration.
type setting struct {
	Key    string // its path, as --set writes it: "workload[0].rate_hz"
	Value  string // as TOML writes it: 0.5, "200ms", "uniform", [1, 10]
	Unset  bool   // not measured (a NaN the model derives; Value is empty)
	Source string // "default", "file.toml:12", "--set key=value" or a flag
	// Override is whether the command line set it (--set or a flag such
	// as --seed), File whether the scenario file did.
	Override, File bool
}

// settingGroup is the settings of one top-level table or array element,
// or the top-level keys (Name "").
type settingGroup struct {
	Name     string
	Settings []setting
}

// skippedKeys are top-level keys the configuration leaves out: the
// criteria have their own table.
var skippedKeys = map[string]bool{"criterion": true}

// configuration returns every key of sc's effective configuration with
// its value and where it was set, grouped by top-level table in the order
// of the scenario format. flags names keys set after loading by
// command-line flags (path → the flag as written, "--seed 3").
func configuration(sc *spec.Scenario, flags map[string]string) []settingGroup {
	var groups []settingGroup
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case spec.Table:
			for _, kv := range x {
				if path == "" && skippedKeys[kv.Key] {
					continue
				}
				walk(join(path, kv.Key), kv.Value)
			}
			return
		case []any:
			if len(x) > 0 && isTable(x[0]) {
				for i, e := range x {
					walk(fmt.Sprintf("%s[%d]", path, i), e)
				}
				return
			}
		}
		s := setting{Key: path, Source: "default"}
		s.Value, s.Unset = formatValue(v), v == nil
		if flag, ok := flags[path]; ok {
			s.Source, s.Override = flag, true
		} else if pos, ok := sc.Origin(path); ok {
			s.Source, s.Override, s.File = pos.String(), pos.Line == 0, pos.Line > 0
		}
		group, _, _ := strings.Cut(path, ".")
		if group == path {
			group = "" // a top-level key
		}
		if len(groups) == 0 || groups[len(groups)-1].Name != group {
			groups = append(groups, settingGroup{Name: group})
		}
		g := &groups[len(groups)-1]
		g.Settings = append(g.Settings, s)
	}
	walk("", sc.Effective().Config)
	return groups
}

func isTable(v any) bool {
	_, ok := v.(spec.Table)
	return ok
}

func join(base, key string) string {
	if base == "" {
		return key
	}
	return base + "." + key
}

// formatValue writes a value of a spec.Table as TOML writes it;
// durations are strings there, as in a scenario file.
func formatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return strconv.Quote(x)
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case float64:
		return formatFloat(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = formatValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}

// formatFloat writes f in plain decimals unless it is very large or very
// small.
func formatFloat(f float64) string {
	if a := max(f, -f); a != 0 && (a >= 1e15 || a < 1e-6) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}
