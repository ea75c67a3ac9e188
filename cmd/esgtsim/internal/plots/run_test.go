package plots

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/esgtsim/esgtsim/scenarios"
)

// builtinCollectors runs every built-in scenario once, with KeepHistory,
// on every core, and keeps its collector for every test that needs one:
// running high-load and load-full twice would double the suite's time.
var builtinCollectors = sync.OnceValues(func() (map[string]*Collector, error) {
	infos := scenarios.Builtins()
	cs := make([]*Collector, len(infos))
	errs := make([]error, len(infos))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, info := range infos {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			cs[i], errs[i] = collect(info.Name, nil)
		})
	}
	wg.Wait()
	out := map[string]*Collector{}
	for i, info := range infos {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", info.Name, errs[i])
		}
		out[info.Name] = cs[i]
	}
	return out, nil
})

// collect runs the scenario name with overrides and returns its collector.
func collect(name string, sets []string) (*Collector, error) {
	sc, err := scenarios.Load(name, sets)
	if err != nil {
		return nil, err
	}
	c := NewCollector(sc)
	_, err = scenarios.Run(context.Background(), sc, scenarios.Options{OnEvent: c.OnEvent, KeepHistory: true})
	return c, err
}

func builtin(t *testing.T, name string) *Collector {
	t.Helper()
	cs, err := builtinCollectors()
	if err != nil {
		t.Fatal(err)
	}
	c, ok := cs[name]
	if !ok {
		t.Fatalf("no built-in scenario %q", name)
	}
	return c
}

// runLabels are texts every figure of a run must show, whatever the data.
var runLabels = map[string][]string{
	"latency":   {"latency from arrival to outcome", "latency (ms", "requests per bin", "fraction of requests ≤ latency"},
	"coherence": {"coherence r(t)", "time since the start of SYNCHRONIZE (ms)", "coherence r (order parameter)"},
	"arousal":   {"arousal and salience threshold", "virtual time (s)", "arousal, salience threshold (0–1)"},
	"outcomes":  {"requests by outcome over virtual time", "virtual time of arrival (s)", "requests/s"},
}

// svgTexts parses an SVG document and returns the content of its text
// elements; it fails the test if the document is not well-formed XML.
func svgTexts(t *testing.T, data []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var texts []string
	inText := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return texts
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		}
	}
}

// TestRunFiguresEveryBuiltin draws every run figure of every built-in
// scenario as SVG: each is well-formed, non-empty and labelled.
func TestRunFiguresEveryBuiltin(t *testing.T) {
	for _, info := range scenarios.Builtins() {
		c := builtin(t, info.Name)
		for _, name := range RunPlots {
			t.Run(info.Name+"/"+name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := RenderRun(&buf, name, SVG, c); err != nil {
					t.Fatal(err)
				}
				all := strings.Join(svgTexts(t, buf.Bytes()), " ")
				for _, want := range append(runLabels[name], info.Name+" (seed ") {
					if !strings.Contains(all, want) {
						t.Errorf("no text %q in the figure; texts:\n%s", want, all)
					}
				}
			})
		}
	}
}

// TestRunFiguresShowTheData checks what particular runs must show: the
// notes of empty or fixed figures, the reasons that occurred, the log axis.
func TestRunFiguresShowTheData(t *testing.T) {
	logRun, err := collect("load-short", []string{"ignition.sustain=20s", "duration=30s"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, figure string
		c            *Collector
		want         []string
		reason       string
	}{
		{"no requests", "latency", builtin(t, "pipeline-latency"), []string{"no requests"}, "pipeline-latency sends no ignition request"},
		{"no sync", "coherence", builtin(t, "pipeline-latency"), []string{"no request reached SYNCHRONIZE"}, "nothing to draw"},
		{"fixed arousal", "arousal", builtin(t, "load-short"), []string{"no arousal controller", "fixed arousal (triggers.fixed_arousal)"}, "load-short disables arousal"},
		{"arousal", "arousal", builtin(t, "memory-pressure"), []string{"arousal target", "salience threshold (min_salience)", "successful ignitions"}, "memory-pressure has the full loop"},
		{"refractory visible", "outcomes", builtin(t, "high-load"), []string{"refractory (35,270)", "insufficient_nodes", "success"}, "refractory rejections must have their row"},
		{"percentiles", "latency", builtin(t, "arousal-modulation"), []string{"P50 381 ms", "P95 531 ms", "P99 546 ms"}, "percentiles of every request, as the run report gives them"},
		{"zero percentiles", "latency", builtin(t, "high-load"), []string{"P50 = P95 = P99 = 0 ms", "598,768 (99.79 %) rejected at arrival"}, "a log axis cannot show 0: the title says it"},
		{"phases", "coherence", builtin(t, "load-short"), []string{"SYNCHRONIZE, median", "SUSTAIN, median", "DISSOLVE, median", "target coherence 0.7", "mean of all 14 successful ignitions"}, "phases and target"},
		{"log axis", "latency", logRun, []string{"latency (ms, log scale)"}, "sync timeouts at 300 ms and ignitions of 20 s span decades"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderRun(&buf, tc.figure, SVG, tc.c); err != nil {
				t.Fatal(err)
			}
			all := strings.Join(svgTexts(t, buf.Bytes()), " ")
			for _, want := range tc.want {
				if !strings.Contains(all, want) {
					t.Errorf("%s: no text %q; texts:\n%s", tc.reason, want, all)
				}
			}
		})
	}
}

// TestRunFiguresPNG draws every figure of one run as PNG: each decodes,
// has the figure's size and is not blank.
func TestRunFiguresPNG(t *testing.T) {
	c := builtin(t, "cascade-failure")
	for _, name := range RunPlots {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderRun(&buf, name, PNG, c); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			b := img.Bounds()
			if b.Dx() != 960 || b.Dy()%403 != 0 {
				t.Errorf("size %dx%d, want 960 wide and 403 per panel", b.Dx(), b.Dy())
			}
			inked := 0
			for y := b.Min.Y; y < b.Max.Y; y += 2 {
				for x := b.Min.X; x < b.Max.X; x += 2 {
					if r, g, bl, _ := img.At(x, y).RGBA(); r&g&bl < 0xf000 {
						inked++
					}
				}
			}
			if total := b.Dx() * b.Dy() / 4; inked < total/50 {
				t.Errorf("only %d of %d sampled pixels are not white", inked, total)
			}
		})
	}
}

// TestRunFiguresDeterministic: the same data gives the same bytes, from
// the same collector and from two runs of the same scenario and seed.
func TestRunFiguresDeterministic(t *testing.T) {
	a, err := collect("load-short", nil)
	if err != nil {
		t.Fatal(err)
	}
	b := builtin(t, "load-short")
	for _, f := range []Format{SVG, PNG} {
		names := RunPlots
		if f == PNG {
			names = []string{"latency"} // PNG encoding is slow; one figure tells
		}
		for _, name := range names {
			var x, y, z bytes.Buffer
			for _, r := range []struct {
				buf *bytes.Buffer
				c   *Collector
			}{{&x, a}, {&y, a}, {&z, b}} {
				if err := RenderRun(r.buf, name, f, r.c); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(x.Bytes(), y.Bytes()) || !bytes.Equal(x.Bytes(), z.Bytes()) {
				t.Errorf("%s.%s: the same data gave different bytes", name, f)
			}
		}
	}
}

func TestWriteRun(t *testing.T) {
	c := builtin(t, "burst")
	dir := filepath.Join(t.TempDir(), "a", "b")
	paths, err := WriteRun(dir, SVG, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(RunPlots) {
		t.Fatalf("wrote %v, want %d files", paths, len(RunPlots))
	}
	for i, p := range paths {
		if want := filepath.Join(dir, RunPlots[i]+".svg"); p != want {
			t.Errorf("path %d = %s, want %s", i, p, want)
		}
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v, size %v", p, err, st)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(RunPlots) {
		t.Errorf("dir holds %d entries, want %d (temporary files left?)", len(entries), len(RunPlots))
	}
}

func TestWriteRunErrors(t *testing.T) {
	c := builtin(t, "burst")
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, dir string
		f         Format
		want      string
	}{
		{"bad format", t.TempDir(), "pdf", `unknown format "pdf"`},
		{"dir is a file", file, SVG, "not a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			paths, err := WriteRun(tc.dir, tc.f, c)
			if err == nil || !strings.Contains(err.Error(), tc.want) || len(paths) != 0 {
				t.Errorf("WriteRun = %v, %v; want no file and an error containing %q", paths, err, tc.want)
			}
		})
	}
	if err := RenderRun(io.Discard, "nope", SVG, c); err == nil || !strings.Contains(err.Error(), `unknown figure "nope"`) {
		t.Errorf("RenderRun(nope) = %v", err)
	}
}

// TestSVGFontFallback: every text of an SVG figure names Liberation Sans
// first and the generic sans-serif family last, so that it renders where
// Liberation Sans is not installed.
func TestSVGFontFallback(t *testing.T) {
	c := builtin(t, "latency")
	var buf bytes.Buffer
	if err := RenderRun(&buf, "latency", SVG, c); err != nil {
		t.Fatal(err)
	}
	svgTexts(t, buf.Bytes()) // still well-formed
	dec := xml.NewDecoder(&buf)
	texts := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok || el.Name.Local != "text" {
			continue
		}
		texts++
		var style string
		for _, a := range el.Attr {
			if a.Name.Local == "style" {
				style = a.Value
			}
		}
		const want = "font-family:'Liberation Sans', Arial, Helvetica, sans-serif;"
		if !strings.Contains(style, want) {
			t.Fatalf("text %d: style %q lacks %q", texts, style, want)
		}
	}
	if texts == 0 {
		t.Fatal("the figure has no text")
	}
}
