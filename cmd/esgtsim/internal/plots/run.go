package plots

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gonum.org/v1/plot"

	"github.com/esgtsim/esgtsim/internal/atomicfile"
)

// RunPlots names the figures of a run, in the order WriteRun writes them;
// each is written to NAME.svg or NAME.png.
var RunPlots = []string{"latency", "coherence", "arousal", "outcomes"}

// figures maps a run figure's name to the method that builds its panels.
var figures = map[string]func(*Collector) ([]*plot.Plot, error){
	"latency":   (*Collector).latencyFigure,
	"coherence": (*Collector).coherenceFigure,
	"arousal":   (*Collector).arousalFigure,
	"outcomes":  (*Collector).outcomesFigure,
}

// RenderRun draws the run figure named name (one of [RunPlots]) from c in
// format f and writes it to w.
func RenderRun(w io.Writer, name string, f Format, c *Collector) error {
	build, ok := figures[name]
	if !ok {
		return fmt.Errorf("plots: unknown figure %q (want one of %v)", name, RunPlots)
	}
	if _, err := ParseFormat(string(f)); err != nil {
		return err
	}
	panels, err := build(c)
	if err != nil {
		return fmt.Errorf("plots: %s: %w", name, err)
	}
	return render(w, f, panels...)
}

// WriteRun writes every figure of [RunPlots] from c into dir (created if
// missing) as NAME.svg or NAME.png, each file whole or not at all, and
// returns the paths written, in order. A figure that has nothing to show
// (no requests, no ignitions, no arousal controller) is still written, with
// a note saying why.
func WriteRun(dir string, f Format, c *Collector) ([]string, error) {
	if _, err := ParseFormat(string(f)); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("plots: %w", err)
	}
	var paths []string
	for _, name := range RunPlots {
		var buf bytes.Buffer
		if err := RenderRun(&buf, name, f, c); err != nil {
			return paths, err
		}
		path := filepath.Join(dir, name+"."+string(f))
		if err := atomicfile.Write(path, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
			return paths, fmt.Errorf("plots: %w", err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}
