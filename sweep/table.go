package sweep

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Table is a sweep's output read back: the columns in order and one
// record per row, each field as text (empty for a missing value). It is
// read from CSV or JSON Lines, merged or sharded.
type Table struct {
	Columns []string
	Rows    []TableRow
	// Shards are the trailers of the sharded files read, in reading order;
	// empty for unsharded files.
	Shards []ShardInfo
}

// TableRow is one row: its fields in column order and where it was read.
type TableRow struct {
	Fields []string
	File   string
	Line   int
}

// ShardInfo describes one sharded file from its trailer.
type ShardInfo struct {
	File        string
	Scenario    string
	Fingerprint string
	Shard       int
	Shards      int
}

// Column returns the index of the column called name, or −1.
func (t *Table) Column(name string) int { return slices.Index(t.Columns, name) }

// Params returns the parameter columns: those whose name holds a dot (a
// scenario key path), in column order.
func (t *Table) Params() []string {
	var ps []string
	for _, c := range t.Columns {
		if strings.Contains(c, ".") {
			ps = append(ps, c)
		}
	}
	return ps
}

// ReadTable reads the sweep output in data (from file, named in errors)
// and appends its rows to t. The first file sets the columns; every other
// must have the same. A file is JSON Lines if its first non-blank byte is
// '{', CSV otherwise. Shard trailer lines are recorded in t.Shards; other
// lines starting with '#' are skipped.
func (t *Table) ReadTable(file string, data []byte) error {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	var cols []string
	var rows []TableRow
	var err error
	if len(trimmed) > 0 && trimmed[0] == '{' {
		cols, rows, err = t.readJSONL(file, data)
	} else {
		cols, rows, err = t.readCSV(file, data)
	}
	if err != nil {
		return err
	}
	if t.Columns == nil {
		t.Columns = cols
	} else if !slices.Equal(cols, t.Columns) {
		return fmt.Errorf("%s: its columns differ from the first file's; it comes from another sweep", file)
	}
	t.Rows = append(t.Rows, rows...)
	return nil
}

// readCSV reads a sweep CSV.
func (t *Table) readCSV(file string, data []byte) ([]string, []TableRow, error) {
	body, err := t.takeTrailers(file, data)
	if err != nil {
		return nil, nil, err
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.Comment = '#'
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, fmt.Errorf("%s: empty: no header", file)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	if err := checkHeader(file, header); err != nil {
		return nil, nil, err
	}
	var rows []TableRow
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return header, rows, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := r.FieldPos(0)
		rows = append(rows, TableRow{Fields: rec, File: file, Line: line})
	}
}

// readJSONL reads sweep JSON Lines: one object per line, keys in column
// order, numbers kept as written.
func (t *Table) readJSONL(file string, data []byte) ([]string, []TableRow, error) {
	body, err := t.takeTrailers(file, data)
	if err != nil {
		return nil, nil, err
	}
	var cols []string
	var rows []TableRow
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		keys, vals, err := decodeObject(line)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %v", file, n, err)
		}
		if cols == nil {
			if err := checkHeader(file, keys); err != nil {
				return nil, nil, err
			}
			cols = keys
		} else if !slices.Equal(keys, cols) {
			return nil, nil, fmt.Errorf("%s:%d: keys differ from the first line's", file, n)
		}
		rows = append(rows, TableRow{Fields: vals, File: file, Line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	if cols == nil {
		return nil, nil, fmt.Errorf("%s: empty: no row", file)
	}
	return cols, rows, nil
}

// decodeObject decodes one flat JSON object, keeping its keys in order;
// numbers keep their text, null becomes empty.
func decodeObject(line []byte) (keys, vals []string, err error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, nil, fmt.Errorf("not a JSON object")
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		v, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		var s string
		switch v := v.(type) {
		case nil:
		case string:
			s = v
		case json.Number:
			s = v.String()
		case bool:
			s = fmt.Sprint(v)
		default:
			return nil, nil, fmt.Errorf("key %v: not a flat value", k)
		}
		keys, vals = append(keys, k.(string)), append(vals, s)
	}
	return keys, vals, nil
}

// takeTrailers records a shard trailer at the end of data and returns the
// rest.
func (t *Table) takeTrailers(file string, data []byte) ([]byte, error) {
	body := bytes.TrimRight(data, "\n")
	cut := bytes.LastIndexByte(body, '\n') + 1
	js, ok := bytes.CutPrefix(body[cut:], []byte(trailerPrefix))
	if !ok {
		return data, nil
	}
	var tr trailer
	if err := json.Unmarshal(js, &tr); err != nil {
		return nil, fmt.Errorf("%s: bad shard trailer: %v", file, err)
	}
	t.Shards = append(t.Shards, ShardInfo{File: file, Scenario: tr.Scenario, Fingerprint: tr.Fingerprint, Shard: tr.Shard, Shards: tr.Shards})
	return body[:cut], nil
}

// checkHeader checks that cols look like a sweep's columns.
func checkHeader(file string, cols []string) error {
	for i, c := range cols {
		if slices.Contains(cols[:i], c) {
			return fmt.Errorf("%s: column %q appears twice", file, c)
		}
	}
	if !slices.Contains(cols, "seed") {
		return fmt.Errorf("%s: not an esgtsim sweep output (no seed column)", file)
	}
	return nil
}

// MissingShards checks the shard trailers read: all from one sweep, none
// twice. It returns the shards of that sweep that were not read (empty
// when the table is complete or unsharded).
func (t *Table) MissingShards() ([]int, error) {
	if len(t.Shards) == 0 {
		return nil, nil
	}
	first := t.Shards[0]
	seen := make([]bool, first.Shards)
	for _, s := range t.Shards {
		switch {
		case s.Fingerprint != first.Fingerprint || s.Shards != first.Shards:
			return nil, fmt.Errorf("%s and %s are shards of different sweeps", first.File, s.File)
		case s.Shard < 0 || s.Shard >= len(seen):
			return nil, fmt.Errorf("%s: bad shard trailer: shard %d/%d", s.File, s.Shard, s.Shards)
		case seen[s.Shard]:
			return nil, fmt.Errorf("shard %d/%d given twice (%s)", s.Shard, s.Shards, s.File)
		}
		seen[s.Shard] = true
	}
	var missing []int
	for i, ok := range seen {
		if !ok {
			missing = append(missing, i)
		}
	}
	return missing, nil
}
