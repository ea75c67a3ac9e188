package sweep

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
)

// Writer writes a plan's output: the header, the rows in cell order
// whatever order they are added in, and, for a sharded plan, the trailer
// that [Merge] checks.
type Writer struct {
	p       *Plan
	w       io.Writer
	sum     hash.Hash
	next    int            // position in p.cells of the next row to write
	pending map[int][]byte // encoded rows waiting for earlier ones
}

// NewWriter writes the header to w and returns a Writer for the rows.
func (p *Plan) NewWriter(w io.Writer) (*Writer, error) {
	ow := &Writer{p: p, w: w, sum: sha256.New(), pending: map[int][]byte{}}
	return ow, ow.write(header(p.def.Format, p.cols))
}

func (w *Writer) write(b []byte) error {
	w.sum.Write(b)
	_, err := w.w.Write(b)
	return err
}

// Add encodes r and writes it with every row it was holding up. It panics
// if r is not a cell of the plan's shard.
func (w *Writer) Add(r Row) error {
	pos, ok := w.p.position(r.Cell)
	if !ok || len(r.Fields) != len(w.p.cols) {
		panic(fmt.Sprintf("sweep: row for cell %d with %d fields does not belong to this plan", r.Cell, len(r.Fields)))
	}
	if pos < w.next || w.pending[pos] != nil {
		return nil // a duplicate; rows are deterministic, so it is the same
	}
	w.pending[pos] = encodeRow(w.p.def.Format, w.p.cols, r.Fields)
	for b := w.pending[w.next]; b != nil; b = w.pending[w.next] {
		delete(w.pending, w.next)
		w.next++
		if err := w.write(b); err != nil {
			return err
		}
	}
	return nil
}

// Written returns how many rows have been written.
func (w *Writer) Written() int { return w.next }

// Close checks that every row of the plan was written and, for a sharded
// plan, writes the trailer. It does not close the underlying writer.
func (w *Writer) Close() error {
	if w.next != len(w.p.cells) {
		return fmt.Errorf("sweep: %d of %d rows written", w.next, len(w.p.cells))
	}
	if !w.p.def.Shard.Sharded() {
		return nil
	}
	t := trailer{
		Version: trailerVersion, Fingerprint: w.p.fingerprint, Scenario: w.p.def.Scenario,
		Format: w.p.def.Format.String(), Shard: w.p.def.Shard.Index, Shards: w.p.def.Shard.Count,
		Cells: w.p.grid.Len(), Rows: w.next, SHA256: hex.EncodeToString(w.sum.Sum(nil)),
	}
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w.w, "%s%s\n", trailerPrefix, b)
	return err
}

// position returns the index in p.cells of cell c.
func (p *Plan) position(c int) (int, bool) {
	s := p.def.Shard
	if !s.Sharded() {
		return c, c >= 0 && c < len(p.cells)
	}
	if c < 0 || c >= p.grid.Len() || c%s.Count != s.Index {
		return 0, false
	}
	return c / s.Count, true
}

// WriteAll writes the whole output, rows given in any order, to w. It
// fails if a row is missing.
func (p *Plan) WriteAll(w io.Writer, rows []Row) error {
	ow, err := p.NewWriter(w)
	for _, r := range rows {
		if err != nil {
			return err
		}
		err = ow.Add(r)
	}
	if err != nil {
		return err
	}
	return ow.Close()
}
