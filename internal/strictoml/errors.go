package strictoml

import "fmt"

// Pos locates a value in its source: a file and a 1-based line, or a
// command-line override (Line 0).
type Pos struct {
	File string // file name, or the override text such as "--set a.b=1"
	Line int    // 0 for overrides and unknown positions
}

// String formats the position as "file:line" or the override text.
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Error is a configuration mistake at a position, about a key.
type Error struct {
	Pos Pos
	Key string // the value's path; empty for syntax errors
	Msg string
}

// Error formats the mistake as "file:line: key: message".
func (e *Error) Error() string {
	if e.Key == "" {
		return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", e.Pos, e.Key, e.Msg)
}

// Meta records where each value of a decoded document came from, so that
// later validation can report positions too.
type Meta struct {
	file string
	pos  map[string]Pos
}

// Pos returns the position of path, or of its nearest ancestor that has
// one, or the file itself.
func (m *Meta) Pos(path string) Pos {
	for p := path; ; {
		if pos, ok := m.pos[p]; ok {
			return pos
		}
		cut := max(lastIndexByte(p, '.'), lastIndexByte(p, '['))
		if cut <= 0 {
			return Pos{File: m.file}
		}
		p = p[:cut]
	}
}

// Has reports whether the document or an override set path.
func (m *Meta) Has(path string) bool {
	_, ok := m.pos[path]
	return ok
}

// Errorf returns an *Error about path at its position.
func (m *Meta) Errorf(path, format string, args ...any) error {
	return &Error{Pos: m.Pos(path), Key: path, Msg: fmt.Sprintf(format, args...)}
}

func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}
