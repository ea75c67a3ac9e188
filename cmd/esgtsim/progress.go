package main

import (
	"io"
	"math"
	"os"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"github.com/esgtsim/esgtsim/clock"
)

// progress is a progress bar on standard error: units done of a total,
// rate and ETA. It shows only when standard error is a terminal, so pipes,
// files and CI logs get none. It appears at the first update; every
// method of a nil *progress does nothing.
type progress struct {
	w    io.Writer
	desc string
	unit string
	bar  *progressbar.ProgressBar
	max  int64
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// newProgress returns a bar counting unit on w, or nil when w is not a
// terminal.
func newProgress(w io.Writer, desc, unit string) *progress {
	if !isTerminal(w) {
		return nil
	}
	return &progress{w: w, desc: desc, unit: unit}
}

// update moves the bar to done units of total.
func (p *progress) update(done, total int64) {
	if p == nil || total <= 0 {
		return
	}
	if p.bar == nil {
		p.max = total
		p.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(p.desc),
			progressbar.OptionSetItsString(p.unit),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	p.bar.Set64(min(done, p.max))
}

// cells is a sweep.Job Progress callback: cells done of total.
func (p *progress) cells(done, total int) { p.update(int64(done), int64(total)) }

// virtual is a scenarios.Options.Progress callback: virtual time reached,
// in whole seconds.
func (p *progress) virtual(now, end clock.Time) {
	p.update(int64(math.Ceil(now.Seconds())), int64(math.Ceil(end.Seconds())))
}

// clear removes the bar from the terminal, before other output.
func (p *progress) clear() {
	if p == nil || p.bar == nil {
		return
	}
	p.bar.Clear()
	p.bar.Exit()
}
