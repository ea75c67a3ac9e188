package sweep

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseParam(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		path     string
		values   []string
		reason   string
	}{
		{"list", "triggers.refractory_period=30ms,50ms", "triggers.refractory_period", []string{"30ms", "50ms"}, "a plain list keeps values as written"},
		{"spaces", " fabric.nodes = 16 , 24 ", "fabric.nodes", []string{"16", "24"}, "space around keys and values is trimmed"},
		{"int range", "fabric.nodes=10:50:10", "fabric.nodes", []string{"10", "20", "30", "40", "50"}, "STOP is included when a step lands on it"},
		{"float range", "triggers.min_salience=0.1:0.5:0.1", "triggers.min_salience", []string{"0.1", "0.2", "0.3", "0.4", "0.5"}, "exact decimals: exactly five values"},
		{"duration range", "triggers.refractory_period=10ms:50ms:10ms", "triggers.refractory_period", []string{"10ms", "20ms", "30ms", "40ms", "50ms"}, "durations keep their unit"},
		{"mixed", "fabric.nodes=8,10:30:10,100", "fabric.nodes", []string{"8", "10", "20", "30", "100"}, "ranges and literals combine in order"},
		{"array value", "fabric.bandwidths_gbps=[1, 10],[100]", "fabric.bandwidths_gbps", []string{"[1, 10]", "[100]"}, "commas inside brackets do not split"},
		{"quoted", `oscillator.freq_dist="a,b:c",cauchy`, "oscillator.freq_dist", []string{`"a,b:c"`, "cauchy"}, "commas and colons inside quotes are literal"},
		{"indexed", "workload[0].rate_hz=10,20", "workload[0].rate_hz", []string{"10", "20"}, "indexed paths as in --set"},
		{"single", "duration=2s", "duration", []string{"2s"}, "one value is a valid sweep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseParam(tc.in)
			if err != nil {
				t.Fatalf("ParseParam(%q): %v (%s)", tc.in, err, tc.reason)
			}
			if p.Path != tc.path {
				t.Errorf("path %q, want %q", p.Path, tc.path)
			}
			if d := cmp.Diff(tc.values, p.Values); d != "" {
				t.Errorf("values (-want +got), %s:\n%s", tc.reason, d)
			}
		})
	}
}

func TestParseParamErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"no equals", "fabric.nodes", "want path.to.key=v1,v2"},
		{"empty path", "=1,2", "empty key path"},
		{"seed", "seed=1,2", "--seeds"},
		{"bad key char", "fabric nodes=1", "bad character"},
		{"empty key", "fabric..nodes=1", "empty key"},
		{"bad index", "workload[x].rate_hz=1", "bad index"},
		{"empty list", "fabric.nodes=", "empty value"},
		{"empty item", "fabric.nodes=1,,2", "empty value"},
		{"duplicate", "fabric.nodes=8,16,8", "value 8 given twice"},
		{"duplicate from range", "fabric.nodes=10,10:30:10", "value 10 given twice"},
		{"two-part range", "fabric.nodes=1:10", "want START:STOP:STEP"},
		{"four-part range", "fabric.nodes=1:10:1:1", "want START:STOP:STEP"},
		{"zero step", "fabric.nodes=1:10:0", "STEP must be positive"},
		{"negative step", "fabric.nodes=10:1:-1", "STEP must be positive"},
		{"backwards", "fabric.nodes=10:1:1", "START is above STOP"},
		{"mixed kinds", "triggers.refractory_period=10:50ms:10ms", "must all be decimal numbers"},
		{"exponent", "triggers.min_salience=1e-3:1e-2:1e-3", "must all be decimal numbers"},
		{"too many", "fabric.nodes=0:1000000:1", "more than 100000 values"},
		{"too many in total", "fabric.nodes=0:99999:1,100000:100001:1", "more than 100000 values"},
		{"control character", "name=a\nb", "control character"},
		{"unbalanced", "fabric.bandwidths_gbps=[1,2", "unterminated"},
		{"closing bracket", "fabric.bandwidths_gbps=1]", "unbalanced"},
		{"invalid utf-8", "name=\xff", "not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseParam(tc.in)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("ParseParam(%q) = %+v, %v; want an error containing %q", tc.in, p, err, tc.want)
			}
		})
	}
}

func TestExpandRange(t *testing.T) {
	for _, tc := range []struct {
		in     string
		want   []string
		reason string
	}{
		{"10:200:10", seq(10, 200, 10, "%d"), "20 integers"},
		{"1:10:3", []string{"1", "4", "7", "10"}, "stop hit exactly"},
		{"1:9:3", []string{"1", "4", "7"}, "stop not hit: values stay at or below it"},
		{"-2:2:2", []string{"-2", "0", "2"}, "negative integers"},
		{"0.1:0.5:0.1", []string{"0.1", "0.2", "0.3", "0.4", "0.5"}, "no float rounding can drop 0.5"},
		{"0:1:0.25", []string{"0.00", "0.25", "0.50", "0.75", "1.00"}, "decimals of the most precise part"},
		{"-0.5:0.5:0.5", []string{"-0.5", "0.0", "0.5"}, "negative decimals and zero"},
		{"0.7:0.9:0.1", []string{"0.7", "0.8", "0.9"}, "0.7+0.1+0.1 is 0.9 exactly"},
		{"10ms:200ms:10ms", seq(10, 200, 10, "%dms"), "20 durations in ms"},
		{"0:1s:250ms", []string{"0ms", "250ms", "500ms", "750ms", "1000ms"}, "smallest unit written, 0 included"},
		{"1s:2s:0.5s", []string{"1s", "1.5s", "2s"}, "not whole seconds: Go's duration format"},
		{"1m:2m:30s", []string{"60s", "90s", "120s"}, "minutes and seconds: in seconds"},
		{"5us:15µs:5us", []string{"5us", "10us", "15us"}, "µs and us are the same unit"},
		{"1h:1h:1m", []string{"60m"}, "a one-value range"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ExpandRange(tc.in, MaxValues)
			if err != nil {
				t.Fatalf("ExpandRange(%q): %v", tc.in, err)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("(-want +got), %s:\n%s", tc.reason, d)
			}
		})
	}
}

func seq(from, to, step int, format string) []string {
	var out []string
	for v := from; v <= to; v += step {
		out = append(out, fmt.Sprintf(format, v))
	}
	return out
}

func TestParseSeeds(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    []uint64
		wantErr string
	}{
		{"1..5", []uint64{1, 2, 3, 4, 5}, ""},
		{"7", []uint64{7}, ""},
		{"9,3,7", []uint64{3, 7, 9}, ""},
		{"1..3, 10", []uint64{1, 2, 3, 10}, ""},
		{"0..0", []uint64{0}, ""},
		{"18446744073709551614..18446744073709551615", []uint64{1<<64 - 2, 1<<64 - 1}, ""},
		{"", nil, "empty seed"},
		{"1,,2", nil, "empty seed"},
		{"5..1", nil, "counts down"},
		{"1..3,2", nil, "seed 2 given twice"},
		{"-1", nil, "not a non-negative integer"},
		{"x..3", nil, "not a non-negative integer"},
		{"1..", nil, "empty seed"},
		{"0..18446744073709551615", nil, "more than 1000000 seeds"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseSeeds(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseSeeds(%q) = %v, %v; want error %q", tc.in, got, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestParseShard(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Shard
		wantErr string
	}{
		{"0/4", Shard{0, 4}, ""},
		{"3/4", Shard{3, 4}, ""},
		{"0/1", Shard{0, 1}, ""},
		{"4/4", Shard{}, "between 0 and N-1 = 3"},
		{"-1/4", Shard{}, "between 0 and N-1"},
		{"1/0", Shard{}, "N must be between 1"},
		{"1", Shard{}, "want I/N"},
		{"a/b", Shard{}, "must be integers"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseShard(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseShard(%q) = %v, %v; want error %q", tc.in, got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("ParseShard(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
}

// TestShardsPartition checks that the shards of every split are disjoint
// and together hold every cell once.
func TestShardsPartition(t *testing.T) {
	for _, total := range []int{0, 1, 7, 18} {
		for n := 1; n <= 20; n++ {
			count := make([]int, total)
			for i := range n {
				for _, c := range (Shard{i, n}).Cells(total) {
					if c%n != i {
						t.Errorf("total %d: cell %d in shard %d/%d", total, c, i, n)
					}
					count[c]++
				}
			}
			for c, k := range count {
				if k != 1 {
					t.Errorf("total %d, %d shards: cell %d in %d shards", total, n, c, k)
				}
			}
		}
	}
}

func TestGridOrder(t *testing.T) {
	g, err := NewGrid([]Param{{"a", []string{"1", "2"}}, {"b", []string{"x", "y", "z"}}}, []uint64{5, 9})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := range g.Len() {
		c := g.Cell(i)
		got = append(got, fmt.Sprintf("%s%s%d", c.Values[0], c.Values[1], c.Seed))
	}
	want := []string{"1x5", "1x9", "1y5", "1y9", "1z5", "1z9", "2x5", "2x9", "2y5", "2y9", "2z5", "2z9"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("cell order (-want +got): the last param varies fastest, seeds innermost:\n%s", d)
	}
}

func TestNewGridErrors(t *testing.T) {
	many := func(path string) Param { return Param{path, make([]string, 1001)} }
	for _, tc := range []struct {
		name   string
		params []Param
		seeds  []uint64
		want   string
	}{
		{"no seeds", nil, nil, "no seeds"},
		{"same path twice", []Param{{"a", []string{"1"}}, {"a", []string{"2"}}}, []uint64{1}, "given twice"},
		{"too many cells", []Param{many("a"), many("b")}, []uint64{1}, "more than 1000000 cells"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := NewGrid(tc.params, tc.seeds); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("NewGrid: %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestFormatFloat(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0.5, "0.500000"}, {526.002926, "526.002926"}, {-0.0000001, "0.000000"},
		{-1.5, "-1.500000"}, {1e6, "1000000.000000"},
	} {
		if got := formatFloat(tc.in); got != tc.want {
			t.Errorf("formatFloat(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	if got, want := oneLine("a\nb\r\nc\td\xff"), "a; b; c d\uFFFD"; got != want {
		t.Errorf("oneLine = %q, want %q", got, want)
	}
}
