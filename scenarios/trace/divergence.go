package trace

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/esgtsim/esgtsim/clock"
)

// Record describes one trace record for a divergence report.
type Record struct {
	Seq  uint64
	At   clock.Time
	Kind string
	Text string // the record's trace line, or a short description
}

// Divergence is where two runs first differ.
type Divergence struct {
	A, B Record // the first differing record of each run (Kind "" if that run ended)
}

func (d *Divergence) String() string {
	show := func(r Record) string {
		if r.Kind == "" {
			return fmt.Sprintf("ended before record %d", r.Seq)
		}
		return fmt.Sprintf("record %d at %v: %s", r.Seq, r.At, r.Text)
	}
	return fmt.Sprintf("first divergence:\n  run A: %s\n  run B: %s", show(d.A), show(d.B))
}

// Describe renders a record (with its Seq and Hash set) as its trace line.
func Describe(e *Event) Record {
	var buf bytes.Buffer
	tw := NewWriter(&buf)
	tw.Write(e)
	tw.Flush()
	line := strings.TrimSuffix(buf.String(), "\n")
	return Record{Seq: e.Seq, At: e.At, Kind: e.Kind.String(), Text: line}
}

// traceLine is what CompareTraces reads from each line of a trace.
type traceLine struct {
	T    json.Number `json:"t"`
	Kind string      `json:"kind"`
	H    string      `json:"h"`
}

// maxTraceLine bounds a trace line, so a corrupt file cannot exhaust memory.
const maxTraceLine = 1 << 20

// CompareTraces reads two JSON Lines traces written by Run and returns the
// first record at which their running digests differ, or nil if they are
// identical. Malformed lines are errors naming the trace (A or B) and line.
func CompareTraces(a, b io.Reader) (*Divergence, error) {
	return CompareNamedTraces("A", a, "B", b)
}

// CompareNamedTraces is CompareTraces with the traces' names (their files)
// for errors: "NAME:LINE: message".
func CompareNamedTraces(nameA string, a io.Reader, nameB string, b io.Reader) (*Divergence, error) {
	sa, sb := bufio.NewScanner(a), bufio.NewScanner(b)
	sa.Buffer(make([]byte, 64<<10), maxTraceLine)
	sb.Buffer(make([]byte, 64<<10), maxTraceLine)
	for seq := uint64(1); ; seq++ {
		ra, okA, err := readRecord(sa, nameA, seq)
		if err != nil {
			return nil, err
		}
		rb, okB, err := readRecord(sb, nameB, seq)
		if err != nil {
			return nil, err
		}
		switch {
		case !okA && !okB:
			return nil, nil
		case !okA || !okB || ra.hash != rb.hash:
			return &Divergence{A: ra.Record, B: rb.Record}, nil
		}
	}
}

type readLine struct {
	Record
	hash string
}

// readRecord reads record seq of a trace; ok is false at the end.
func readRecord(s *bufio.Scanner, name string, seq uint64) (readLine, bool, error) {
	if !s.Scan() {
		if err := s.Err(); err != nil {
			return readLine{}, false, fmt.Errorf("%s:%d: %w", name, seq, err)
		}
		return readLine{Record: Record{Seq: seq}}, false, nil
	}
	var l traceLine
	if err := json.Unmarshal(s.Bytes(), &l); err != nil {
		return readLine{}, false, fmt.Errorf("%s:%d: not a trace record: %w", name, seq, err)
	}
	t, err := strconv.ParseInt(string(l.T), 10, 64)
	if err != nil || l.Kind == "" || len(l.H) != 16 {
		return readLine{}, false, fmt.Errorf("%s:%d: not a trace record (want t, kind and a 16-digit h)", name, seq)
	}
	return readLine{Record: Record{Seq: seq, At: clock.Time(t), Kind: l.Kind, Text: s.Text()}, hash: l.H}, true, nil
}
