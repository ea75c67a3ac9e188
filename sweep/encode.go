package sweep

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
)

// Format is a sweep's output format.
type Format int

const (
	// CSV writes a header row, then one row per cell (RFC 4180, "\n" line
	// ends, fields quoted only when needed).
	CSV Format = iota
	// JSONL writes one JSON object per cell and line, keys in column
	// order.
	JSONL
)

// ParseFormat parses "csv" or "jsonl".
func ParseFormat(s string) (Format, error) {
	switch s {
	case "csv":
		return CSV, nil
	case "jsonl":
		return JSONL, nil
	}
	return 0, fmt.Errorf("--format must be csv or jsonl, got %q", s)
}

// String returns "csv" or "jsonl".
func (f Format) String() string {
	if f == JSONL {
		return "jsonl"
	}
	return "csv"
}

// Row is one finished cell: its index in the grid and one text field per
// column, empty for a missing value.
type Row struct {
	Cell   int
	Fields []string
}

// header returns the CSV header line, or nothing for JSON Lines.
func header(f Format, cols []Column) []byte {
	if f != CSV {
		return nil
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return csvLine(names)
}

// encodeRow returns one row as one line, "\n" included. Fields never hold
// line breaks (see oneLine and ParseParam), so every row is one line.
func encodeRow(f Format, cols []Column, fields []string) []byte {
	if f == CSV {
		return csvLine(fields)
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range cols {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(jsonString(c.Name))
		b.WriteByte(':')
		v := fields[i]
		switch {
		case c.Kind == Value:
			b.Write(jsonString(v))
		case v == "":
			b.WriteString("null")
		case c.Kind == Text:
			b.Write(jsonString(v))
		default: // Int, Float: already valid JSON numbers
			b.WriteString(v)
		}
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func csvLine(fields []string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(fields) // writes to a buffer cannot fail
	w.Flush()
	return b.Bytes()
}

// jsonString encodes s as a JSON string, without HTML escaping.
func jsonString(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
