package sweep

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that keep a sweep within what one machine can hold; larger grids
// are refused before anything runs.
const (
	// MaxValues is the most values one --param may expand to.
	MaxValues = 100_000
	// MaxSeeds is the most seeds --seeds may list.
	MaxSeeds = 1_000_000
	// MaxCells is the most cells a whole sweep may have.
	MaxCells = 1_000_000
	// maxSpecLen bounds the text of one --param or --seeds flag.
	maxSpecLen = 64 << 10
)

// Param is one swept scenario key: --param path.to.key=v1,v2,...
type Param struct {
	// Path is the dotted key path exactly as given ("triggers.refractory_period",
	// "workload[0].rate_hz"); it names the CSV column.
	Path string
	// Values are the values in the order given, ranges expanded, each as
	// written or generated ("50ms", "0.1", "10"). They are passed to the
	// scenario as "--set Path=value" and appear in rows verbatim.
	Values []string
}

// ParseParam parses "path.to.key=LIST". LIST is comma-separated items; an
// item is a literal value or a range START:STOP:STEP (see [ExpandRange]).
// Commas inside quotes, brackets or braces do not split ("[1, 2]" is one
// value), and an item that starts with a quote, bracket or brace is always
// a literal. Values must be distinct, and the path must not be "seed"
// (seeds are swept with --seeds).
func ParseParam(s string) (Param, error) {
	if len(s) > maxSpecLen {
		return Param{}, fmt.Errorf("--param is %d bytes long; the limit is %d", len(s), maxSpecLen)
	}
	if !utf8.ValidString(s) {
		return Param{}, fmt.Errorf("--param %q is not valid UTF-8", s)
	}
	path, list, ok := strings.Cut(s, "=")
	if !ok {
		return Param{}, fmt.Errorf("--param %q: want path.to.key=v1,v2,... (or a range START:STOP:STEP)", s)
	}
	path = strings.TrimSpace(path)
	if err := checkPath(path); err != nil {
		return Param{}, fmt.Errorf("--param %q: %v", s, err)
	}
	p := Param{Path: path}
	items, err := splitList(list)
	if err != nil {
		return Param{}, fmt.Errorf("--param %s: %v", path, err)
	}
	seen := make(map[string]bool)
	for _, item := range items {
		vals := []string{item}
		if isRange(item) {
			if vals, err = ExpandRange(item, MaxValues); err != nil {
				return Param{}, fmt.Errorf("--param %s: %v", path, err)
			}
		}
		for _, v := range vals {
			if seen[v] {
				return Param{}, fmt.Errorf("--param %s: value %s given twice", path, v)
			}
			seen[v] = true
		}
		p.Values = append(p.Values, vals...)
		if len(p.Values) > MaxValues {
			return Param{}, fmt.Errorf("--param %s: more than %d values", path, MaxValues)
		}
	}
	return p, nil
}

// checkPath accepts key paths in the --set syntax: keys of letters,
// digits, '_' and '-', joined by dots, each optionally indexed ("a[2]").
// Whether the key exists is checked later, against the scenario.
func checkPath(path string) error {
	if path == "" {
		return fmt.Errorf("empty key path")
	}
	if path == "seed" {
		return fmt.Errorf("the seed is swept with --seeds, not --param")
	}
	for _, seg := range strings.Split(path, ".") {
		key, idx, indexed := strings.Cut(seg, "[")
		if key == "" {
			return fmt.Errorf("empty key in path %q", path)
		}
		for _, r := range key {
			if !(r == '_' || r == '-' || r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
				return fmt.Errorf("bad character %q in key path %q", r, path)
			}
		}
		if indexed {
			digits, ok := strings.CutSuffix(idx, "]")
			if !ok || digits == "" || strings.Trim(digits, "0123456789") != "" || len(digits) > 9 {
				return fmt.Errorf("bad index in %q (want key[N])", seg)
			}
		}
	}
	return nil
}

// splitList splits a value list at top-level commas and trims each item.
func splitList(list string) ([]string, error) {
	var items []string
	depth, quote, start := 0, rune(0), 0
	add := func(end int) error {
		item := strings.TrimSpace(list[start:end])
		if item == "" {
			return fmt.Errorf("empty value in list %q", list)
		}
		items = append(items, item)
		return nil
	}
	for i, r := range list {
		switch {
		case r < ' ' || r == 0x7f:
			return nil, fmt.Errorf("control character %q in value list", r)
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '[' || r == '{':
			depth++
		case r == ']' || r == '}':
			if depth == 0 {
				return nil, fmt.Errorf("unbalanced %q in value list %q", r, list)
			}
			depth--
		case r == ',' && depth == 0:
			if err := add(i); err != nil {
				return nil, err
			}
			start = i + 1
		}
	}
	if quote != 0 || depth != 0 {
		return nil, fmt.Errorf("unterminated quote or bracket in value list %q", list)
	}
	if err := add(len(list)); err != nil {
		return nil, err
	}
	return items, nil
}

// isRange reports whether item is meant as a range: it contains a colon
// and does not start like a TOML string, array or table.
func isRange(item string) bool {
	return strings.Contains(item, ":") && !strings.ContainsAny(item[:1], `"'[{`)
}
