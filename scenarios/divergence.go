package scenarios

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/esgtsim/esgtsim/clock"
)

// Checkpoint is the running digest after one record of the trace.
type Checkpoint struct {
	Record uint64     `json:"record"`
	At     clock.Time `json:"t"`
	Hash   string     `json:"h"`
}

// maxCheckpoints bounds the checkpoints a run keeps.
const maxCheckpoints = 64

// checkpoints keeps the running digest every stride records, doubling the
// stride (and dropping every other checkpoint) whenever the list is full,
// so that at most maxCheckpoints evenly spaced ones remain.
type checkpoints struct {
	stride uint64
	list   []Checkpoint
}

func (c *checkpoints) add(e *Event) {
	if c.stride == 0 {
		c.stride = 1
	}
	if e.Seq%c.stride != 0 {
		return
	}
	if len(c.list) == maxCheckpoints {
		kept := c.list[:0]
		for i := 1; i < len(c.list); i += 2 {
			kept = append(kept, c.list[i])
		}
		c.list = kept
		c.stride *= 2
		if e.Seq%c.stride != 0 {
			return
		}
	}
	c.list = append(c.list, Checkpoint{Record: e.Seq, At: e.At, Hash: fmt.Sprintf("%016x", e.Hash)})
}

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

// CheckDeterminism runs sc twice and compares the running digest after
// every record. It returns the first run's result, and nil if the runs are
// identical or else the first record at which they differ, described from
// both runs.
func CheckDeterminism(ctx context.Context, sc *Scenario) (*Result, *Divergence, error) {
	var first *Result
	div, err := checkDeterminism(ctx, func(ctx context.Context, opts Options) error {
		res, err := Run(ctx, sc, opts)
		if first == nil {
			first = res
		}
		return err
	})
	return first, div, err
}

// checkDeterminism compares two invocations of run (a third describes the
// first run's record at the divergence).
func checkDeterminism(ctx context.Context, run func(context.Context, Options) error) (*Divergence, error) {
	var hashes []uint64
	if err := run(ctx, Options{OnEvent: func(e *Event) { hashes = append(hashes, e.Hash) }}); err != nil {
		return nil, err
	}
	var div *Divergence
	var seen uint64
	ctxB, cancelB := context.WithCancel(ctx)
	defer cancelB()
	err := run(ctxB, Options{OnEvent: func(e *Event) {
		if div != nil {
			return
		}
		seen = e.Seq
		if e.Seq > uint64(len(hashes)) || hashes[e.Seq-1] != e.Hash {
			div = &Divergence{B: describe(e)}
			cancelB()
		}
	}})
	switch {
	case div == nil && err != nil:
		return nil, err
	case div == nil && seen != uint64(len(hashes)):
		div = &Divergence{B: Record{Seq: seen + 1}} // run B ended early
	case div == nil:
		return nil, nil
	}
	div.A = Record{Seq: div.B.Seq}
	ctxA, cancelA := context.WithCancel(ctx)
	defer cancelA()
	run(ctxA, Options{OnEvent: func(e *Event) {
		if e.Seq == div.B.Seq && div.A.Kind == "" {
			div.A = describe(e)
			cancelA()
		}
	}})
	return div, nil
}

// describe renders a record as its trace line.
func describe(e *Event) Record {
	var buf bytes.Buffer
	tw := newTraceWriter(&buf)
	tw.write(e, e.Hash)
	tw.flush()
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
