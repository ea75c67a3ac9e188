package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/plots"
)

// sweepCSV is the plots package's hand-made sweep fixture.
var sweepCSV = filepath.Join("internal", "plots", "testdata", "sweep.csv")

// checkFiles fails unless stdout lists exactly paths, each a non-empty file.
func checkFiles(t *testing.T, stdout string, paths ...string) {
	t.Helper()
	if got := strings.Fields(stdout); strings.Join(got, "\n") != strings.Join(paths, "\n") {
		t.Errorf("stdout lists %q, want %q", got, paths)
	}
	for _, p := range paths {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
}

func runFiles(dir, ext string) []string {
	var out []string
	for _, name := range plots.RunPlots {
		out = append(out, filepath.Join(dir, name+"."+ext))
	}
	return out
}

func TestPlotRun(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"svg, flags after the name", []string{"plot", "burst", "--out", filepath.Join(dir, "a")}, runFiles(filepath.Join(dir, "a"), "svg")},
		{"png, flags before the name", []string{"plot", "--format", "png", "--seed", "3", "--out", filepath.Join(dir, "b"), "burst"}, runFiles(filepath.Join(dir, "b"), "png")},
		{"overrides", []string{"plot", "concurrency", "--set", "ignition.recruit_nodes=8", "--out", filepath.Join(dir, "c")}, runFiles(filepath.Join(dir, "c"), "svg")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			checkFiles(t, stdout, tc.want...)
		})
	}
}

// TestPlotRunDefaultDir: without --out, a run's figures go to plots/NAME,
// NAME being the built-in's name or the file's base name.
func TestPlotRunDefaultDir(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "scenarios", "builtin", "burst.toml"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("my-burst.toml", src, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{"burst", "my-burst.toml"} {
		stdout, stderr, code := runCLI(t, "plot", arg)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", arg, code, stderr)
		}
		checkFiles(t, stdout, runFiles(filepath.Join("plots", strings.TrimSuffix(arg, ".toml")), "svg")...)
	}
}

func TestPlotSweep(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "sw.csv")
	data, err := os.ReadFile(sweepCSV)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(csv, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"png by extension", []string{"--out", filepath.Join(dir, "rate.png")}, filepath.Join(dir, "rate.png")},
		{"default name", nil, filepath.Join(dir, "sw-success_rate-vs-refractory_period.svg")},
		{"default name, png", []string{"--format", "png"}, filepath.Join(dir, "sw-success_rate-vs-refractory_period.png")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"plot", "--sweep", csv, "--x", "triggers.refractory_period", "--y", "success_rate"}, tc.args...)
			stdout, stderr, code := runCLI(t, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			checkFiles(t, stdout, tc.want)
		})
	}
}

func TestPlotExitCodes(t *testing.T) {
	dir := t.TempDir()
	ragged := filepath.Join(dir, "ragged.csv")
	if err := os.WriteFile(ragged, []byte("cell,seed,a.p,y\n1,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.svg")
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no scenario", nil, 2, "want a scenario NAME|FILE"},
		{"two scenarios", []string{"burst", "latency"}, 2, "got 2 arguments"},
		{"unknown scenario", []string{"nope"}, 1, "neither a built-in scenario"},
		{"bad format", []string{"burst", "--format", "pdf"}, 2, "--format must be svg or png"},
		{"bad override", []string{"burst", "--set", "fabric.nodes=-1"}, 1, "fabric.nodes"},
		{"bad seed", []string{"burst", "--seed", "x"}, 2, "invalid argument"},
		{"x without sweep", []string{"burst", "--x", "a"}, 2, "--x, --y, --spread, --confidence, --title and --record apply to --sweep"},
		{"bad spread", []string{"--sweep", sweepCSV, "--x", "p", "--y", "y", "--spread", "sd"}, 2, "spread must be ci or minmax"},
		{"sweep and scenario", []string{"burst", "--sweep", sweepCSV, "--x", "p", "--y", "y"}, 2, "--sweep takes no scenario"},
		{"sweep and seed", []string{"--sweep", sweepCSV, "--x", "p", "--y", "y", "--seed", "2"}, 2, "--seed and --set apply to a run"},
		{"sweep without y", []string{"--sweep", sweepCSV, "--x", "refractory_period"}, 2, "--sweep needs --x PARAM and --y FIGURE"},
		{"sweep, unknown x", []string{"--sweep", sweepCSV, "--x", "nope", "--y", "success_rate", "--out", out}, 2, `no parameter "nope"`},
		{"sweep, unknown y", []string{"--sweep", sweepCSV, "--x", "refractory_period", "--y", "nope", "--out", out}, 2, `no figure "nope"`},
		{"sweep, bad extension", []string{"--sweep", sweepCSV, "--x", "refractory_period", "--y", "success_rate", "--out", filepath.Join(dir, "x.pdf")}, 2, "--out"},
		{"sweep, format contradicts out", []string{"--sweep", sweepCSV, "--x", "refractory_period", "--y", "success_rate", "--out", out, "--format", "png"}, 2, "contradicts"},
		{"sweep, missing file", []string{"--sweep", filepath.Join(dir, "none.csv"), "--x", "p", "--y", "y"}, 1, "no such file"},
		{"sweep, malformed CSV", []string{"--sweep", ragged, "--x", "p", "--y", "y", "--out", out}, 1, "wrong number of fields"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, append([]string{"plot"}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr)
			}
			if tc.code == 2 && !strings.Contains(stderr, "Run 'esgtsim help plot' for usage.") {
				t.Errorf("a usage error must say where the usage is:\n%s", stderr)
			}
			if stdout != "" {
				t.Errorf("a failure wrote to stdout: %q", stdout)
			}
		})
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed command left a file")
	}
}

func TestPlotHelp(t *testing.T) {
	stdout, _, code := runCLI(t, "plot", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Usage: esgtsim plot NAME|FILE", "esgtsim plot --sweep FILE --x PARAM --y FIGURE", "Example:", "--format", "latency.svg"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help lacks %q:\n%s", want, stdout)
		}
	}
}
