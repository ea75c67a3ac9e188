package plots

import (
	"bytes"
	"errors"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sweepFixture is a sweep of load-short over triggers.refractory_period
// and oscillator.freq_dist, three seeds each, made by hand from esgtsim run
// reports, with one failed cell and one row missing most figures.
const sweepFixture = "testdata/sweep.csv"

func readFixture(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(sweepFixture)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestRenderSweep(t *testing.T) {
	data := readFixture(t)
	for _, tc := range []struct {
		name, x, y string
		want       []string
		reason     string
	}{
		{"durations", "triggers.refractory_period", "success_rate",
			[]string{"success_rate against triggers.refractory_period", "triggers.refractory_period (ms), log scale", "success_rate (fraction, 0–1)", "freq_dist=none", "freq_dist=cauchy", "1 failed cell skipped", "3 seeds", "25 rows"},
			"durations in ms; 10 ms to 800 ms spans a factor 80: log axis; one line per freq_dist"},
		{"short name", "refractory_period", "latency_p99_ms",
			[]string{"latency_p99_ms (ms)", "1 row without a value skipped", "24 rows"},
			"the last part of a parameter's path names it; the 800 ms row has no P99"},
		{"categories", "freq_dist", "refractory_rejections",
			[]string{"oscillator.freq_dist", "none", "cauchy", "refractory_period=400ms", "95% confidence interval of the mean (bars)", "refractory_rejections (count)"},
			"categorical x: one slot per value, one line per refractory period"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderSweep(&buf, SVG, bytes.NewReader(data), SweepOptions{X: tc.x, Y: tc.y}); err != nil {
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

// TestSweepAggregates checks the numbers behind the plot: mean, min and
// max over seeds per x value and line, x in ms, lines in order.
func TestSweepAggregates(t *testing.T) {
	csv := `# made by hand
cell,seed,a.period,b.mode,ok_rate,error
1,1,50ms,x,0.2,
1,2,50ms,x,0.4,
2,1,1s,x,0.1,
2,2,1s,x,0.3,
3,1,50ms,y,1,
3,2,50ms,y,,
4,1,1s,y,9,"boom"
`
	tab, err := readSweep(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	d, err := tab.collect("a.period", "ok_rate")
	if err != nil {
		t.Fatal(err)
	}
	if d.kind != xDuration || d.failed != 1 || d.missing != 1 || d.rows != 5 || d.seeds != 2 {
		t.Fatalf("kind %v, failed %d, missing %d, rows %d, seeds %d; want durations, 1, 1, 5, 2", d.kind, d.failed, d.missing, d.rows, d.seeds)
	}
	type pt struct{ x, mean, min, max float64 }
	want := map[string][]pt{
		"mode=x": {{50, 0.30000000000000004, 0.2, 0.4}, {1000, 0.2, 0.1, 0.3}},
		"mode=y": {{50, 1, 1, 1}},
	}
	if len(d.lines) != 2 || d.lines[0].label != "mode=x" || d.lines[1].label != "mode=y" {
		t.Fatalf("lines %+v, want mode=x then mode=y", d.lines)
	}
	for _, l := range d.lines {
		w := want[l.label]
		if len(l.points) != len(w) {
			t.Fatalf("%s: %d points, want %d", l.label, len(l.points), len(w))
		}
		for i, a := range l.points {
			if got := (pt{a.x, a.mean(), a.min, a.max}); got != w[i] {
				t.Errorf("%s point %d = %+v, want %+v", l.label, i, got, w[i])
			}
		}
	}
}

func TestSweepErrors(t *testing.T) {
	data := string(readFixture(t))
	for _, tc := range []struct {
		name, csv, x, y string
		want            string
		column          bool // the error is about the request (ErrColumn)
	}{
		{"unknown x", data, "nope", "success_rate", `no parameter "nope"`, true},
		{"figure as x", data, "success_rate", "success_rate", `no parameter "success_rate"`, true},
		{"unknown y", data, "refractory_period", "nope", `no figure "nope"`, true},
		{"meta column as y", data, "refractory_period", "digest", `no figure "digest"`, true},
		{"ambiguous x", "cell,seed,a.p,b.p,y\n1,1,1,2,3\n", "p", "y", `parameter "p" is ambiguous`, true},
		{"no parameters", "cell,seed,y\n1,1,2\n", "p", "y", "no parameter column", true},
		{"empty file", "", "p", "y", "empty", false},
		{"comments only", "# nothing\n", "p", "y", "empty", false},
		{"ragged row", "cell,seed,a.p,y\n1,2\n", "p", "y", "wrong number of fields", false},
		{"duplicate column", "cell,seed,a.p,a.p,y\n1,1,2,3,4\n", "p", "y", `column "a.p" appears twice`, false},
		{"not a number", "cell,seed,a.p,y\n1,1,2,abc\n", "p", "y", `line 2: y = "abc" is not a finite number`, false},
		{"NaN", "cell,seed,a.p,y\n1,1,2,NaN\n", "p", "y", "is not a finite number", false},
		{"every row failed", "cell,seed,a.p,y,error\n1,1,2,3,boom\n", "p", "y", "no row of the sweep CSV has a value", false},
		{"no rows", "cell,seed,a.p,y\n", "p", "y", "no row of the sweep CSV has a value", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := RenderSweep(&buf, SVG, strings.NewReader(tc.csv), SweepOptions{X: tc.x, Y: tc.y})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q", err, tc.want)
			}
			if errors.Is(err, ErrColumn) != tc.column {
				t.Errorf("errors.Is(err, ErrColumn) = %v, want %v", !tc.column, tc.column)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes despite the error", buf.Len())
			}
		})
	}
}

func TestWriteSweep(t *testing.T) {
	data := readFixture(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "rate.png")
	if err := WriteSweep(path, bytes.NewReader(data), SweepOptions{X: "refractory_period", Y: "success_rate"}); err != nil {
		t.Fatal(err)
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(first)); err != nil {
		t.Errorf("not a PNG: %v", err)
	}
	if err := WriteSweep(path, bytes.NewReader(data), SweepOptions{X: "refractory_period", Y: "success_rate"}); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(first, again) {
		t.Error("the same CSV gave different bytes")
	}
	for _, bad := range []string{filepath.Join(dir, "rate.pdf"), filepath.Join(dir, "rate"), filepath.Join(dir, "missing", "rate.svg")} {
		if err := WriteSweep(bad, bytes.NewReader(data), SweepOptions{X: "refractory_period", Y: "success_rate"}); err == nil {
			t.Errorf("WriteSweep(%s) succeeded", bad)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("dir holds %d entries, want only rate.png", len(entries))
	}
}

// TestSweepSpread checks the bars and band: by default the Student-t
// interval of the mean (R's t.test on the sleep data's first group gives
// [-0.5297804, 2.0297804]), on request the min–max range.
func TestSweepSpread(t *testing.T) {
	a := &aggregate{}
	for _, v := range []float64{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0} {
		a.add(v)
	}
	lo, hi := a.spread(CI, 0.95)
	if math.Abs(lo+0.5297804) > 5e-8 || math.Abs(hi-2.0297804) > 5e-8 {
		t.Errorf("CI spread [%v, %v], want [-0.5297804, 2.0297804]", lo, hi)
	}
	if lo, hi := a.spread(MinMax, 0.95); lo != -1.6 || hi != 3.7 {
		t.Errorf("min–max spread [%v, %v]", lo, hi)
	}
	one := &aggregate{}
	one.add(4)
	if lo, hi := one.spread(CI, 0.95); lo != 4 || hi != 4 {
		t.Errorf("one value: [%v, %v], want no spread", lo, hi)
	}
}

// TestSweepTitleAndJSONL checks that JSON Lines plot like CSV, that the
// title names the scenario of a shard and the parameters that do not
// vary (and no line is drawn per such parameter), and the min–max option.
func TestSweepTitleAndJSONL(t *testing.T) {
	jsonl := `{"cell":0,"seed":1,"a.period":"50ms","fabric.nodes":"48","ok_rate":0.2,"error":null}
{"cell":1,"seed":2,"a.period":"50ms","fabric.nodes":"48","ok_rate":0.4,"error":null}
{"cell":2,"seed":1,"a.period":"1s","fabric.nodes":"48","ok_rate":0.1,"error":null}
{"cell":3,"seed":2,"a.period":"1s","fabric.nodes":"48","ok_rate":0.3,"error":null}
#esgtsim-shard {"version":1,"fingerprint":"f","scenario":"load-short","format":"jsonl","shard":0,"shards":1,"cells":4,"rows":4,"sha256":"x"}
`
	var buf bytes.Buffer
	if err := RenderSweep(&buf, SVG, strings.NewReader(jsonl), SweepOptions{X: "period", Y: "ok_rate", Spread: MinMax}); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(svgTexts(t, buf.Bytes()), " ")
	for _, want := range []string{"ok_rate against a.period", "load-short; nodes=48", "min–max over seeds (bars and band)", "mean over seeds"} {
		if !strings.Contains(all, want) {
			t.Errorf("no text %q; texts:\n%s", want, all)
		}
	}
	if strings.Contains(all, "nodes=48,") || strings.Count(all, "nodes=48") != 1 {
		t.Errorf("the fixed parameter should appear once, in the title:\n%s", all)
	}
	buf.Reset()
	if err := RenderSweep(&buf, SVG, strings.NewReader(jsonl), SweepOptions{X: "period", Y: "ok_rate", Title: "Is 1 s worse?", Confidence: 0.9}); err != nil {
		t.Fatal(err)
	}
	all = strings.Join(svgTexts(t, buf.Bytes()), " ")
	if !strings.Contains(all, "Is 1 s worse?") || !strings.Contains(all, "90% confidence interval of the mean") {
		t.Errorf("title or confidence missing:\n%s", all)
	}
}
