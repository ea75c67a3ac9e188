package strictoml

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// override is one "path=value" assignment.
type override struct {
	text  string // as given, for error messages
	parts []pathPart
	path  string
	value any
}

// pathPart is one step of a path: a key, optionally indexed.
type pathPart struct {
	key   string
	index int // −1 when not indexed
}

// parseOverride parses "path.to.key=value". The value is read as a TOML
// value (42, 0.5, true, "text", [1, 2], {a = 1}); anything that is not
// valid TOML is taken as a bare string, so 50ms and cauchy need no quotes.
func parseOverride(s string) (override, error) {
	o := override{text: "--set " + s}
	path, raw, ok := strings.Cut(s, "=")
	if !ok {
		return o, &Error{Pos: Pos{File: o.text}, Msg: "want path.to.key=value"}
	}
	parts, err := parsePath(strings.TrimSpace(path))
	if err != nil {
		return o, &Error{Pos: Pos{File: o.text}, Msg: err.Error()}
	}
	o.parts, o.path = parts, strings.TrimSpace(path)
	raw = strings.TrimSpace(raw)
	var doc map[string]any
	if err := toml.Unmarshal([]byte("v = "+raw), &doc); err == nil {
		o.value = doc["v"]
	} else {
		o.value = raw
	}
	return o, nil
}

// parsePath splits "a.b[2].c" into parts.
func parsePath(path string) ([]pathPart, error) {
	if path == "" {
		return nil, fmt.Errorf("empty key path")
	}
	var parts []pathPart
	for _, seg := range strings.Split(path, ".") {
		p := pathPart{key: seg, index: -1}
		if i := strings.IndexByte(seg, '['); i >= 0 {
			if !strings.HasSuffix(seg, "]") {
				return nil, fmt.Errorf("bad index in %q", seg)
			}
			n, err := strconv.Atoi(seg[i+1 : len(seg)-1])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("bad index in %q", seg)
			}
			p.key, p.index = seg[:i], n
		}
		if p.key == "" || strings.ContainsAny(p.key, " []=\t") {
			return nil, fmt.Errorf("bad key %q in path %q", p.key, path)
		}
		parts = append(parts, p)
	}
	return parts, nil
}

// apply sets the override's value in doc, creating tables as needed.
// Arrays must already have the indexed element.
func (o override) apply(doc map[string]any) error {
	m := doc
	for i, p := range o.parts {
		last := i == len(o.parts)-1
		if p.index < 0 {
			if last {
				m[p.key] = o.value
				return nil
			}
			next, ok := m[p.key].(map[string]any)
			if !ok {
				if _, exists := m[p.key]; exists {
					return &Error{Pos: Pos{File: o.text}, Key: o.path, Msg: fmt.Sprintf("%s is not a table", p.key)}
				}
				next = map[string]any{}
				m[p.key] = next
			}
			m = next
			continue
		}
		arr, ok := m[p.key].([]any)
		if !ok || p.index >= len(arr) {
			return &Error{Pos: Pos{File: o.text}, Key: o.path, Msg: fmt.Sprintf("no element %s[%d] to set (the scenario has %d)", p.key, p.index, len(arr))}
		}
		if last {
			arr[p.index] = o.value
			return nil
		}
		next, ok := arr[p.index].(map[string]any)
		if !ok {
			return &Error{Pos: Pos{File: o.text}, Key: o.path, Msg: fmt.Sprintf("%s[%d] is not a table", p.key, p.index)}
		}
		m = next
	}
	return nil
}

// recordNested records the override as the position of every key and
// element inside value (an inline table or array it sets at path), so that
// Meta.Has tells the keys it set from those left at their defaults.
func (o override) recordNested(pos map[string]Pos, path string, value any) {
	switch v := value.(type) {
	case map[string]any:
		for k, x := range v {
			p := join(path, k)
			pos[p] = Pos{File: o.text}
			o.recordNested(pos, p, x)
		}
	case []any:
		for i, x := range v {
			p := fmt.Sprintf("%s[%d]", path, i)
			pos[p] = Pos{File: o.text}
			o.recordNested(pos, p, x)
		}
	}
}

// prefixes returns the paths of the tables above the override's key, from
// the outermost: "a", "a.b" for "a.b.c".
func (o override) prefixes() []string {
	var out []string
	path := ""
	for _, p := range o.parts[:len(o.parts)-1] {
		path = join(path, p.key)
		if p.index >= 0 {
			path = fmt.Sprintf("%s[%d]", path, p.index)
		}
		out = append(out, path)
	}
	return out
}
