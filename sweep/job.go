package sweep

import (
	"bufio"
	"context"
	"errors"
	"io"
	"slices"
)

// Job runs a validated plan to its output: a file, through a journal that
// survives interruptions, or a stream of rows in cell order.
type Job struct {
	Plan    *Plan
	Workers int
	// Out is the output file. "" streams the rows to Stream instead, as
	// they are ready in cell order, with no journal and nothing to resume.
	Out    string
	Stream io.Writer
	// Resume continues the journal of an interrupted sweep into Out.
	Resume bool
	// Commit writes path whole or not at all with write's bytes (the CLI
	// passes its atomic file writer). Required when Out is set.
	Commit func(path string, write func(io.Writer) error) error
	// Progress, when set, is called with the number of finished cells of
	// the shard and their total: once before running, then after each
	// cell, from one goroutine.
	Progress func(done, total int)
}

// Stats counts a job's cells.
type Stats struct {
	Cells   int // cells of the shard
	Resumed int // taken from the journal
	Ran     int // run and finished by this job
	Failed  int // finished with an error, resumed ones included
	Skipped int // damaged journal lines ignored (their cells ran again)
}

// Run runs the job. When ctx ends it stops as [Plan.Run] does and returns
// ctx's error; with Out set, every finished cell is then in the journal,
// and running the same job with Resume finishes it with the same bytes.
func (j *Job) Run(ctx context.Context) (Stats, error) {
	p := j.Plan
	st := Stats{Cells: len(p.cells)}
	if p.fingerprint == "" {
		return st, errors.New("sweep: the plan was not validated")
	}
	if j.Out == "" {
		if j.Resume {
			return st, errors.New("sweep: nothing to resume without an output file")
		}
		return st, j.stream(ctx, &st)
	}
	if j.Commit == nil {
		panic("sweep: Job.Commit is nil")
	}
	journal, rows, skipped, err := OpenJournal(JournalPath(j.Out), p, j.Resume)
	if err != nil {
		return st, err
	}
	st.Resumed, st.Skipped = len(rows), skipped
	for _, r := range rows {
		st.Failed += failed(r)
	}
	err = p.Run(ctx, j.Workers, j.todo(rows), j.counting(&st, func(r Row) error {
		rows = append(rows, r)
		return journal.Append(r)
	}))
	if err != nil {
		if cerr := journal.Close(); cerr != nil {
			err = errors.Join(err, cerr)
		}
		return st, err
	}
	if err := j.Commit(j.Out, func(w io.Writer) error { return p.WriteAll(w, rows) }); err != nil {
		journal.Close()
		return st, err
	}
	return st, journal.Remove()
}

// stream writes rows to j.Stream in cell order as they are ready.
func (j *Job) stream(ctx context.Context, st *Stats) error {
	bw := bufio.NewWriter(j.Stream)
	ow, err := j.Plan.NewWriter(bw)
	if err != nil {
		return err
	}
	err = j.Plan.Run(ctx, j.Workers, j.Plan.cells, j.counting(st, func(r Row) error {
		before := ow.Written()
		if err := ow.Add(r); err != nil {
			return err
		}
		if ow.Written() > before {
			return bw.Flush()
		}
		return nil
	}))
	if err == nil {
		err = ow.Close()
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return err
}

// counting wraps emit to keep st and report progress.
func (j *Job) counting(st *Stats, emit func(Row) error) func(Row) error {
	if j.Progress != nil {
		j.Progress(st.Resumed, st.Cells)
	}
	return func(r Row) error {
		if err := emit(r); err != nil {
			return err
		}
		st.Ran++
		st.Failed += failed(r)
		if j.Progress != nil {
			j.Progress(st.Resumed+st.Ran, st.Cells)
		}
		return nil
	}
}

// todo returns the shard's cells that are not among done.
func (j *Job) todo(done []Row) []int {
	have := make([]int, len(done))
	for i, r := range done {
		have[i] = r.Cell
	}
	slices.Sort(have)
	var todo []int
	for _, c := range j.Plan.cells {
		if _, found := slices.BinarySearch(have, c); !found {
			todo = append(todo, c)
		}
	}
	return todo
}

// failed is 1 if r records an error, else 0.
func failed(r Row) int {
	if r.Fields[len(r.Fields)-1] != "" {
		return 1
	}
	return 0
}
