package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
)

var compareArgs = []string{"compare", "load-short", "--a", "triggers.refractory_period=0ms",
	"--b", "triggers.refractory_period=100ms", "--seeds", "1..6"}

type compareJSON struct {
	A, B struct {
		Scenario  string
		Overrides []string
		Config    map[string]any
	}
	Seeds      []uint64
	Confidence float64
	Metrics    []struct {
		Metric    string
		AMean     *float64 `json:"a_mean"`
		BMean     *float64 `json:"b_mean"`
		Diff      *float64 `json:"diff"`
		CILow     *float64 `json:"ci_low"`
		CIHigh    *float64 `json:"ci_high"`
		RelChange *float64 `json:"rel_change"`
		PValue    *float64 `json:"p_value"`
		PWilcoxon *float64 `json:"p_wilcoxon"`
		N         int
	}
}

// TestCompareMatchesSweep checks compare's means and differences against
// the rows a sweep of the same two configurations and seeds writes: the
// two commands must agree on what a run yields.
func TestCompareMatchesSweep(t *testing.T) {
	out, stderr, code := runCLI(t, append(compareArgs, "--format", "json", "--metric", "ignitions,min_gap_ms,refractory_rejections")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"a", "b", "seeds", "confidence", "metrics"} {
		if _, ok := got[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
	var cmp compareJSON
	if err := json.Unmarshal([]byte(out), &cmp); err != nil {
		t.Fatal(err)
	}
	if cmp.A.Overrides[0] != "triggers.refractory_period=0ms" || cmp.B.Config["triggers"].(map[string]any)["refractory_period"] != "100ms" {
		t.Errorf("effective configurations: A overrides %q, B triggers %v", cmp.A.Overrides, cmp.B.Config["triggers"])
	}
	if _, hasSeed := cmp.A.Config["seed"]; hasSeed {
		t.Error("the effective configuration keeps the file's seed; the study's seeds replace it")
	}

	sweepOut, stderr, code := runCLI(t, "sweep", "load-short", "--param", "triggers.refractory_period=0ms,100ms", "--seeds", "1..6")
	if code != 0 {
		t.Fatalf("sweep exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(sweepOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, m := range cmp.Metrics {
		var sum [2]float64
		for _, r := range rows[1:] {
			side := 0
			if r[col["triggers.refractory_period"]] == "100ms" {
				side = 1
			}
			v, err := strconv.ParseFloat(r[col[m.Metric]], 64)
			if err != nil {
				t.Fatalf("%s: %v", m.Metric, err)
			}
			sum[side] += v
		}
		if m.N != 6 || m.AMean == nil || m.Diff == nil {
			t.Fatalf("%s: n %d, a_mean %v, diff %v", m.Metric, m.N, m.AMean, m.Diff)
		}
		if math.Abs(*m.AMean-sum[0]/6) > 1e-5 || math.Abs(*m.Diff-(sum[1]-sum[0])/6) > 1e-5 {
			t.Errorf("%s: compare says A %v, diff %v; the sweep's rows give %v, %v", m.Metric, *m.AMean, *m.Diff, sum[0]/6, (sum[1]-sum[0])/6)
		}
		if !(*m.CILow <= *m.Diff && *m.Diff <= *m.CIHigh) {
			t.Errorf("%s: interval [%v, %v] does not hold the difference %v", m.Metric, *m.CILow, *m.CIHigh, *m.Diff)
		}
	}
}

func TestCompareSameBytesForAnyWorkers(t *testing.T) {
	one, _, code1 := runCLI(t, append(compareArgs, "-j", "1", "--format", "json")...)
	two, _, code2 := runCLI(t, append(compareArgs, "-j", "3", "--format", "json")...)
	if code1 != 0 || code2 != 0 || one != two {
		t.Errorf("-j 1 and -j 3 differ (exit %d, %d)", code1, code2)
	}
}

func TestCompareText(t *testing.T) {
	out, stderr, code := runCLI(t, append(compareArgs, "--metric", "requests,refractory_rejections,arousal_mean")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(out, "\n")
	find := func(metric string) []string {
		for _, l := range lines {
			if f := strings.Fields(l); len(f) > 0 && f[0] == metric {
				return f
			}
		}
		t.Fatalf("no row for %s in\n%s", metric, out)
		return nil
	}
	// The same arrivals on both sides: no change, marked ~.
	if f := find("requests"); !strings.Contains(strings.Join(f, " "), " ~ ") {
		t.Errorf("requests row lacks ~: %q", f)
	}
	// No refractory rejection at 0 ms, some at 100 ms: a real difference.
	if f := find("refractory_rejections"); strings.Contains(strings.Join(f, " "), " ~ ") || f[1] != "0" {
		t.Errorf("refractory_rejections row: %q", f)
	}
	// Arousal is disabled in load-short: undefined on every seed.
	if f := find("arousal_mean"); f[len(f)-1] != "6" || f[len(f)-3] != "0" {
		t.Errorf("arousal_mean row should say 0 of 6: %q", f)
	}
	if !strings.HasPrefix(out, "A: load-short --set triggers.refractory_period=0ms\nB: load-short --set triggers.refractory_period=100ms\n") {
		t.Errorf("header:\n%s", out)
	}
}

func TestCompareUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"compare"}, "want scenario A"},
		{[]string{"compare", "a", "b", "c"}, "want scenario A"},
		{[]string{"compare", "load-short", "--metric", "ignitionz"}, `unknown metric "ignitionz"`},
		{[]string{"compare", "load-short", "--confidence", "95"}, "strictly between 0 and 1"},
		{[]string{"compare", "load-short", "--format", "xml"}, "--format must be text or json"},
		{[]string{"compare", "load-short", "--seeds", "5..1"}, "counts down"},
	} {
		_, stderr, code := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
	// Bad input (a scenario, an override) exits 1, as for run.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", "load-short", "--b", "triggers.refractory_periodd=1ms"}, "B: "},
		{[]string{"compare", "nosuch"}, "neither a built-in scenario"},
	} {
		_, stderr, code := runCLI(t, tc.args...)
		if code != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 1 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestCompareWarnsWhenSidesAreEqual(t *testing.T) {
	_, stderr, code := runCLI(t, "compare", "load-short", "--seeds", "1..2", "--metric", "ignitions")
	if code != 0 || !strings.Contains(stderr, "A and B are the same configuration") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestComparePrecision checks sequential replications: the study stops
// once every interval of B − A is within the target of A's mean, at the
// same seed whatever -j, and says so.
func TestComparePrecision(t *testing.T) {
	args := []string{"compare", "load-short", "--b", "triggers.refractory_period=100ms", "--seeds", "1..10",
		"--metric", "ignitions,refractory_rejections", "--precision", "0.1", "--max-seeds", "60", "--format", "json"}
	one, stderr, code := runCLI(t, append(args, "-j", "1")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	two, _, _ := runCLI(t, append(args, "-j", "3")...)
	if one != two {
		t.Error("-j 1 and -j 3 stop at different points")
	}
	var res struct {
		Seeds     []uint64
		Precision struct {
			Target           float64
			MaxSeeds         int `json:"max_seeds"`
			Seeds            int
			Met              bool
			Unmet, Undefined []string
		}
		Metrics []struct {
			Metric string
			AMean  float64 `json:"a_mean"`
			CILow  float64 `json:"ci_low"`
			CIHigh float64 `json:"ci_high"`
			N      int
		}
	}
	if err := json.Unmarshal([]byte(one), &res); err != nil {
		t.Fatal(err)
	}
	p := res.Precision
	if p.Target != 0.1 || p.MaxSeeds != 60 || p.Seeds != len(res.Seeds) || p.Seeds < 10 || p.Seeds > 60 {
		t.Fatalf("precision %+v over %d seeds", p, len(res.Seeds))
	}
	for _, m := range res.Metrics {
		within := (m.CIHigh-m.CILow)/2 <= 0.1*math.Abs(m.AMean)
		if p.Met && !within {
			t.Errorf("%s: half-width %v over 0.1 × %v, yet the target is said met", m.Metric, (m.CIHigh-m.CILow)/2, m.AMean)
		}
	}
	if !p.Met && p.Seeds != 60 {
		t.Errorf("stopped at %d seeds without meeting the target", p.Seeds)
	}
	// A loose target is met at once, but never below 10 seeds.
	out, _, _ := runCLI(t, "compare", "load-short", "--b", "triggers.refractory_period=100ms", "--seeds", "1..4",
		"--metric", "ignitions", "--precision", "0.5")
	if !strings.Contains(out, "seeds 1..10,") || !strings.Contains(out, "within ±50% of A's mean after 10 seeds") {
		t.Errorf("loose target:\n%s", out)
	}
	for _, bad := range [][]string{
		{"compare", "load-short", "--max-seeds", "50"},
		{"compare", "load-short", "--precision", "-0.1"},
		{"compare", "load-short", "--precision", "0.05", "--max-seeds", "1"},
	} {
		if _, stderr, code := runCLI(t, bad...); code != 2 {
			t.Errorf("%v: exit %d, %s", bad, code, stderr)
		}
	}
}
