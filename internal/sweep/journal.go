package sweep

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"time"
)

// A journal keeps the finished rows of a sweep that writes a file, so that
// an interrupted sweep loses none of them. It lives beside the output, at
// [JournalPath], and is plain JSON Lines: a header
//
//	{"esgtsim_sweep_journal":1,"fingerprint":"…","shard":"1/4","cells":100}
//
// then one line per finished cell, in the order cells finished, holding
// the row's fields as a JSON array of strings. Each line is written with
// one write call, so a killed process leaves at most a torn last line,
// which reading ignores and truncates; the file is synced to disk at most
// [journalSyncEvery] after each row. The output file itself is written
// only when every cell is done, and the journal is then removed.
type Journal struct {
	path     string
	f        *os.File
	lastSync time.Time
	dirty    bool
}

// journalSyncEvery bounds how long a finished row may wait in the
// operating system's cache before the journal is synced: what a machine
// crash (not a killed process) can lose.
const journalSyncEvery = 20 * time.Millisecond

// journalHeader is the journal's first line.
type journalHeader struct {
	Journal     int    `json:"esgtsim_sweep_journal"`
	Fingerprint string `json:"fingerprint"`
	Shard       string `json:"shard"`
	Cells       int    `json:"cells"`
}

// JournalPath returns the journal of the output file out: out + ".partial".
func JournalPath(out string) string { return out + ".partial" }

// ExistsError reports a journal left by an interrupted sweep when the new
// sweep was not asked to resume it.
type ExistsError struct {
	Path string
	Rows int // finished cells it holds
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s holds %d finished cells of an interrupted sweep: add --resume to continue it, or delete it to start over", e.Path, e.Rows)
}

// MismatchError reports a journal that belongs to another sweep.
type MismatchError struct{ Path string }

func (e *MismatchError) Error() string {
	return fmt.Sprintf("%s belongs to a different sweep (scenario, --set, --param, --seeds, --shard, --format or program version differ): rerun with the original flags, or delete it to start over", e.Path)
}

// OpenJournal opens the journal at path for p. Without resume, an existing
// journal is an *ExistsError; with resume, one that belongs to another
// sweep is a *MismatchError, and otherwise its rows are returned
// (skipped counts damaged lines ignored; their cells run again). A missing
// journal is created in both cases.
func OpenJournal(path string, p *Plan, resume bool) (j *Journal, rows []Row, skipped int, err error) {
	want := journalHeader{Journal: 1, Fingerprint: p.fingerprint, Shard: p.def.Shard.String(), Cells: p.grid.Len()}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return createJournal(path, want)
	case err != nil:
		return nil, nil, 0, err
	}
	headerLine, rest, complete := bytes.Cut(data, []byte("\n"))
	if !complete {
		// Killed while writing the header: nothing was finished.
		if !resume {
			return nil, nil, 0, &ExistsError{Path: path}
		}
		return createJournal(path, want)
	}
	var got journalHeader
	if err := json.Unmarshal(headerLine, &got); err != nil || got.Journal != 1 {
		return nil, nil, 0, fmt.Errorf("%s is not a sweep journal; move it away", path)
	}
	rows, skipped, end := p.readRows(rest)
	if !resume {
		return nil, nil, 0, &ExistsError{Path: path, Rows: len(rows)}
	}
	if got != want {
		return nil, nil, 0, &MismatchError{Path: path}
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return nil, nil, 0, err
	}
	// Drop a torn last line so that appends start on a fresh line.
	if err := f.Truncate(int64(len(headerLine) + 1 + end)); err != nil {
		f.Close()
		return nil, nil, 0, err
	}
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		f.Close()
		return nil, nil, 0, err
	}
	return &Journal{path: path, f: f, lastSync: time.Now()}, rows, skipped, nil
}

func createJournal(path string, h journalHeader) (*Journal, []Row, int, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, 0, err
	}
	b, _ := json.Marshal(h)
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		return nil, nil, 0, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, nil, 0, err
	}
	return &Journal{path: path, f: f, lastSync: time.Now()}, nil, 0, nil
}

// readRows parses journal lines after the header. It keeps rows that
// belong to p (the right cells, seeds and parameter values, and the right
// number of fields), the first of any duplicates, and returns how many
// complete lines it skipped and the length of data up to the end of its
// last complete line.
func (p *Plan) readRows(data []byte) (rows []Row, skipped, end int) {
	seen := map[int]bool{}
	for {
		line, _, complete := bytes.Cut(data[end:], []byte("\n"))
		if !complete {
			return rows, skipped, end
		}
		end += len(line) + 1
		var fields []string
		r, ok := Row{}, json.Unmarshal(line, &fields) == nil
		if ok {
			r, ok = p.checkRow(fields)
		}
		switch {
		case !ok:
			skipped++
		case !seen[r.Cell]:
			seen[r.Cell] = true
			rows = append(rows, r)
		}
	}
}

// checkRow turns journal fields into a row if they are a row of p.
func (p *Plan) checkRow(fields []string) (Row, bool) {
	if len(fields) != len(p.cols) {
		return Row{}, false
	}
	c, err := strconv.Atoi(fields[0])
	if err != nil || strconv.Itoa(c) != fields[0] {
		return Row{}, false
	}
	if _, ok := p.position(c); !ok {
		return Row{}, false
	}
	cell := p.grid.Cell(c)
	if fields[1] != formatUint(cell.Seed) || !slices.Equal(fields[2:2+len(cell.Values)], cell.Values) {
		return Row{}, false
	}
	return Row{Cell: c, Fields: fields}, true
}

// Append writes r as one line and syncs the journal if it has not been
// synced for journalSyncEvery.
func (j *Journal) Append(r Row) error {
	b, err := json.Marshal(r.Fields)
	if err != nil {
		return err
	}
	if _, err := j.f.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	j.dirty = true
	if time.Since(j.lastSync) >= journalSyncEvery {
		return j.Sync()
	}
	return nil
}

// Sync flushes the journal to disk.
func (j *Journal) Sync() error {
	if !j.dirty {
		return nil
	}
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	j.dirty, j.lastSync = false, time.Now()
	return nil
}

// Close syncs and closes the journal, keeping it on disk.
func (j *Journal) Close() error {
	err := j.Sync()
	if cerr := j.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Remove closes and deletes the journal, once the output is written.
func (j *Journal) Remove() error {
	j.f.Close()
	return os.Remove(j.path)
}
