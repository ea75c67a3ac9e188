package strictoml

import (
	"fmt"

	"github.com/pelletier/go-toml/v2/unstable"
)

// positions maps the path of every table, key and nested value in data to
// its line. data must already be known to be valid TOML.
func positions(file string, data []byte) (map[string]Pos, error) {
	var p unstable.Parser
	p.Reset(data)
	pos := map[string]Pos{}
	arrays := map[string]int{} // array-table path → elements so far
	table := ""
	line := func(n *unstable.Node) Pos {
		return Pos{File: file, Line: p.Shape(n.Raw).Start.Line}
	}
	// resolve turns the dotted key of a header or key-value into a path,
	// indexing into the latest element of any array of tables on the way.
	// The last part of an array-table header is left unindexed: the header
	// starts a new element.
	resolve := func(base string, it unstable.Iterator, arrayHeader bool) (string, *unstable.Node) {
		var parts []*unstable.Node
		for it.Next() {
			parts = append(parts, it.Node())
		}
		path := base
		for i, n := range parts {
			path = join(path, string(n.Data))
			if k := arrays[path]; k > 0 && !(arrayHeader && i == len(parts)-1) {
				path = fmt.Sprintf("%s[%d]", path, k-1)
			}
		}
		return path, parts[0]
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			path, first := resolve("", e.Key(), false)
			table = path
			pos[path] = line(first)
		case unstable.ArrayTable:
			base, first := resolve("", e.Key(), true)
			k := arrays[base]
			arrays[base] = k + 1
			table = fmt.Sprintf("%s[%d]", base, k)
			pos[base] = line(first)
			pos[table] = line(first)
		case unstable.KeyValue:
			path, first := resolve(table, e.Key(), false)
			pos[path] = line(first)
			values(pos, path, e.Value(), line)
		}
	}
	return pos, p.Error()
}

// values records the positions inside inline tables and arrays.
func values(pos map[string]Pos, path string, v *unstable.Node, line func(*unstable.Node) Pos) {
	switch v.Kind {
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			kv := it.Node()
			if kv.Kind != unstable.KeyValue {
				continue
			}
			p := path
			keys := kv.Key()
			var first *unstable.Node
			for keys.Next() {
				if first == nil {
					first = keys.Node()
				}
				p = join(p, string(keys.Node().Data))
			}
			pos[p] = line(first)
			values(pos, p, kv.Value(), line)
		}
	case unstable.Array:
		it := v.Children()
		i := 0
		for it.Next() {
			n := it.Node()
			if n.Kind == unstable.Comment {
				continue
			}
			p := fmt.Sprintf("%s[%d]", path, i)
			pos[p] = line(n)
			values(pos, p, n, line)
			i++
		}
	}
}

func join(base, key string) string {
	if base == "" {
		return key
	}
	return base + "." + key
}
