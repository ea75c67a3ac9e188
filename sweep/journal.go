package sweep

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A journal keeps the finished rows of a sweep that writes a file, so that
// an interrupted sweep loses none of them. It lives beside the output, at
// [JournalPath], and is JSON Lines: a header
//
//	{"esgtsim_sweep_journal":2,"fingerprint":"…","shard":"1/4","cells":100,"sweep":{…}}
//
// whose sweep member records what decides the rows (program, format,
// seeds, params and the scenario's effective settings) so that a sweep
// that does not match can say what changed; then one line per finished
// cell, in the order cells finished:
//
//	{"crc32c":"5f1d3a2b","row":["12","3","30ms",…]}
//
// the row's fields and a CRC-32C (Castagnoli) of the row's bytes as
// written. A line whose checksum does not match, edited or damaged on
// disk, is ignored and its cell runs again: it never reaches the output.
// Each line is written with one write call, so a killed process leaves at
// most a torn last line, which reading ignores and truncates; the file is
// synced to disk at most [journalSyncEvery] after each row. The output
// file itself is written only when every cell is done, and the journal is
// then removed.
//
// A sweep holds an exclusive lock on its journal (flock(2), see
// [lockFile]) from opening it to removing it, so a second sweep on the
// same output, such as a requeued cluster task whose previous run has not
// exited yet, is refused with a [LockedError] instead of interleaving its
// rows. The lock goes with the process: a killed sweep leaves none.
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

// journalVersion is the header's esgtsim_sweep_journal.
const journalVersion = 2

// journalHeader is the journal's first line.
type journalHeader struct {
	Journal     int      `json:"esgtsim_sweep_journal"`
	Fingerprint string   `json:"fingerprint"`
	Shard       string   `json:"shard"`
	Cells       int      `json:"cells"`
	Sweep       identity `json:"sweep"`
}

// journalRow is a journal line after the header.
type journalRow struct {
	CRC string          `json:"crc32c"`
	Row json.RawMessage `json:"row"`
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// rowChecksum is the crc32c of a journal line's row bytes.
func rowChecksum(row []byte) string {
	return fmt.Sprintf("%08x", crc32.Checksum(row, castagnoli))
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
type MismatchError struct {
	Path    string
	Changes []string // what differs, in words; see changes
}

func (e *MismatchError) Error() string {
	what := "the scenario's effective configuration differs for some --param combination"
	if len(e.Changes) > 0 {
		what = strings.Join(e.Changes[:min(len(e.Changes), maxNamedChanges)], "; ")
		if n := len(e.Changes) - maxNamedChanges; n > 0 {
			what += fmt.Sprintf("; and %d more", n)
		}
	}
	return fmt.Sprintf("%s belongs to a different sweep (%s): rerun with the original flags, or delete it to start over", e.Path, what)
}

// LockedError reports a journal that another running sweep holds.
type LockedError struct{ Path string }

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is locked by another esgtsim sweep writing the same output (a second sweep on this --out, or a requeued task whose previous run is still exiting): wait for it to end, or choose another --out", e.Path)
}

// OpenJournal opens and locks the journal at path for p, a validated
// plan. Another sweep holding it is a *LockedError. Without resume, an
// existing journal is an *ExistsError; with resume, one that belongs to
// another sweep is a *MismatchError naming what changed, and otherwise
// its rows are returned (skipped counts damaged lines ignored; their cells
// run again). A missing journal is created in both cases.
func OpenJournal(path string, p *Plan, resume bool) (j *Journal, rows []Row, skipped int, err error) {
	if p.fingerprint == "" {
		return nil, nil, 0, errors.New("sweep: the plan was not validated")
	}
	want := journalHeader{Journal: journalVersion, Fingerprint: p.fingerprint, Shard: p.def.Shard.String(),
		Cells: p.grid.Len(), Sweep: p.identity()}
	f, err := openLocked(path)
	if err != nil {
		return nil, nil, 0, err
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, nil, 0, err
	}
	headerLine, rest, complete := bytes.Cut(data, []byte("\n"))
	switch {
	case len(data) == 0:
		// New, or created by a sweep killed before its header.
		return startJournal(path, f, want)
	case !complete && !resume:
		return nil, nil, 0, &ExistsError{Path: path}
	case !complete:
		// Killed while writing the header: nothing was finished.
		return startJournal(path, f, want)
	}
	var got journalHeader
	if err := json.Unmarshal(headerLine, &got); err != nil || got.Journal < 1 {
		return nil, nil, 0, fmt.Errorf("%s is not a sweep journal; move it away", path)
	}
	if got.Journal != journalVersion {
		if !resume {
			return nil, nil, 0, &ExistsError{Path: path, Rows: bytes.Count(rest, []byte("\n"))}
		}
		return nil, nil, 0, &MismatchError{Path: path, Changes: []string{
			fmt.Sprintf("it was written by another esgtsim, in journal format %d; this one writes format %d", got.Journal, journalVersion)}}
	}
	rows, skipped, end := p.readRows(rest)
	if !resume {
		return nil, nil, 0, &ExistsError{Path: path, Rows: len(rows)}
	}
	if got.Fingerprint != want.Fingerprint || got.Shard != want.Shard || got.Cells != want.Cells {
		c := changes(got.Sweep, want.Sweep)
		if got.Shard != want.Shard {
			c = append(c, fmt.Sprintf("--shard changed from %s to %s", shardName(got.Shard), shardName(want.Shard)))
		}
		return nil, nil, 0, &MismatchError{Path: path, Changes: c}
	}
	// Drop a torn last line so that appends start on a fresh line.
	if err := f.Truncate(int64(len(headerLine) + 1 + end)); err != nil {
		return nil, nil, 0, err
	}
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		return nil, nil, 0, err
	}
	return &Journal{path: path, f: f, lastSync: time.Now()}, rows, skipped, nil
}

// openLocked opens path for reading and writing, creating it if needed,
// and locks it. A sweep that finishes removes its journal while holding
// the lock, so the file locked may no longer be the one at path: then it
// tries again with the new one.
func openLocked(path string) (*os.File, error) {
	for range 10 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := lockFile(f); err != nil {
			f.Close()
			if errors.Is(err, errLocked) {
				return nil, &LockedError{Path: path}
			}
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return f, nil
		}
		f.Close()
	}
	return nil, fmt.Errorf("%s keeps being replaced by another process", path)
}

// shardName names a journal header's shard for a message.
func shardName(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// startJournal empties f and writes h.
func startJournal(path string, f *os.File, h journalHeader) (*Journal, []Row, int, error) {
	b, err := json.Marshal(h)
	if err == nil {
		err = f.Truncate(0)
	}
	if err == nil {
		_, err = f.WriteAt(append(b, '\n'), 0)
	}
	if err == nil {
		_, err = f.Seek(0, io.SeekEnd)
	}
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		return nil, nil, 0, fmt.Errorf("journal %s: %w", path, err)
	}
	return &Journal{path: path, f: f, lastSync: time.Now()}, nil, 0, nil
}

// readRows parses journal lines after the header. It keeps rows whose
// checksum holds and that belong to p (the right cells, seeds and
// parameter values, and the right number of fields), the first of any
// duplicates, and returns how many complete lines it skipped and the
// length of data up to the end of its last complete line.
func (p *Plan) readRows(data []byte) (rows []Row, skipped, end int) {
	seen := map[int]bool{}
	for {
		line, _, complete := bytes.Cut(data[end:], []byte("\n"))
		if !complete {
			return rows, skipped, end
		}
		end += len(line) + 1
		r, ok := p.parseRow(line)
		switch {
		case !ok:
			skipped++
		case !seen[r.Cell]:
			seen[r.Cell] = true
			rows = append(rows, r)
		}
	}
}

// parseRow reads a journal line after the header, if its checksum holds
// and it is a row of p.
func (p *Plan) parseRow(line []byte) (Row, bool) {
	var jr journalRow
	var fields []string
	if json.Unmarshal(line, &jr) != nil || jr.CRC != rowChecksum(jr.Row) || json.Unmarshal(jr.Row, &fields) != nil {
		return Row{}, false
	}
	return p.checkRow(fields)
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
	row, err := json.Marshal(r.Fields)
	if err != nil {
		return err
	}
	line, err := json.Marshal(journalRow{CRC: rowChecksum(row), Row: row})
	if err != nil {
		return err
	}
	if _, err := j.f.Write(append(line, '\n')); err != nil {
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

// Remove deletes and closes the journal, once the output is written. It
// deletes it while still holding the lock, so that no other sweep can
// open it in between.
func (j *Journal) Remove() error {
	err := os.Remove(j.path)
	if cerr := j.f.Close(); err == nil {
		err = cerr
	}
	return err
}
