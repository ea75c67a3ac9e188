package scenarios

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// minimal is a small valid scenario.
const minimal = `name = "t"
duration = "2s"

[fabric]
nodes = 16

[[workload]]
kind = "constant"
rate_hz = 10
`

// TestCriterionErrors: a bad [[criterion]] is refused with the file, the
// line and the key, like every other key.
func TestCriterionErrors(t *testing.T) {
	crit := func(body string) string { return minimal + "\n[[criterion]]\n" + body }
	for _, tc := range []struct {
		name string
		doc  string
		sets []string
		want string
	}{
		{"unknown metric", crit("metric = \"latency_ms.p98\"\nop = \"<\"\nvalue = 1\n"), nil,
			`t.toml:12: criterion[0].metric: unknown metric "latency_ms.p98" (did you mean "latency_ms.p90"?)`},
		{"table", crit("metric = \"latency_ms\"\nop = \"<\"\nvalue = 1\n"), nil,
			"t.toml:12: criterion[0].metric: latency_ms is a table, not a number; its numeric fields: count, max, mean, p50"},
		{"string", crit("metric = \"digest\"\nop = \"==\"\nvalue = 1\n"), nil,
			"criterion[0].metric: digest is a string, not a number"},
		{"list", crit("metric = \"checkpoints\"\nop = \"==\"\nvalue = 1\n"), nil,
			"criterion[0].metric: checkpoints is a list, not a number"},
		{"unknown reason", crit("metric = \"requests.failed.sync_timout\"\nop = \"==\"\nvalue = 0\n"), nil,
			`did you mean "requests.failed.sync_timeout"?`},
		{"no metric", crit("op = \"<\"\nvalue = 1\n"), nil, "t.toml:11: criterion[0]: a criterion needs a metric"},
		{"bad op", crit("metric = \"latency_ms.p99\"\nop = \"=<\"\nvalue = 1\n"), nil,
			`t.toml:13: criterion[0].op: unknown comparison "=<"`},
		{"no op", crit("metric = \"latency_ms.p99\"\nvalue = 1\n"), nil, "criterion[0]: a criterion needs an op"},
		{"no value", crit("metric = \"latency_ms.p99\"\nop = \"<\"\n"), nil, "criterion[0]: a criterion needs a value"},
		{"bad value", crit("metric = \"latency_ms.p99\"\nop = \"<\"\nvalue = \"soon\"\n"), nil,
			`t.toml:14: criterion[0].value: want a number or a duration such as "100ms", got "soon"`},
		{"duration for a ratio", crit("metric = \"requests.success_rate\"\nop = \">=\"\nvalue = \"1s\"\n"), nil,
			`t.toml:14: criterion[0].value: requests.success_rate is not in milliseconds`},
		{"NaN value", crit("metric = \"latency_ms.p99\"\nop = \"<\"\nvalue = nan\n"), nil, "criterion[0].value: want a finite number"},
		{"bad tier", crit("metric = \"latency_ms.p99\"\nop = \"<\"\nvalue = 1\ntier = \"goal\"\n"), nil,
			`t.toml:15: criterion[0].tier: unknown tier "goal"`},
		{"unknown key", crit("metric = \"latency_ms.p99\"\nop = \"<\"\nvalue = 1\nbound = 2\n"), nil,
			"t.toml:15: criterion[0].bound: unknown key"},
		{"override", crit("metric = \"latency_ms.p99\"\nop = \"<\"\nvalue = 1\n"), []string{"criterion[0].op=~"},
			"--set criterion[0].op=~: criterion[0].op: unknown comparison"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t.toml", []byte(tc.doc), tc.sets)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

// TestCriteriaJudged: criteria from the file and from AddCriterion are
// judged on the run's report, in order, with names, units and tiers.
func TestCriteriaJudged(t *testing.T) {
	doc := `duration = "3s"
module = "Load"` + quiet + `
[[workload]]
kind = "constant"
rate_hz = 10
[workload.salience]
mode = "fixed"
value = 0.9

[[criterion]]
metric = "requests.total"
op = "=="
value = 30

[[criterion]]
name = "latency"
metric = "latency_ms.p99"
op = "<"
value = "1s"
tier = "target"
why = "for the test"
`
	sc, err := Parse("t.toml", []byte(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Spec.Module != "Load" {
		t.Errorf("module %q", sc.Spec.Module)
	}
	if err := sc.AddCriterion("probes.pipeline_ms.p99<50ms"); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"latency_ms.p98<1", "latency_ms<1", "requests.total"} {
		if err := sc.AddCriterion(bad); err == nil {
			t.Errorf("AddCriterion(%q) accepted", bad)
		}
	}
	res, err := Run(context.Background(), sc, Options{Check: true})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Summary
	want := []struct {
		name string
		tier verdict.Tier
		pass bool
		obs  string
	}{
		{"requests.total == 30", verdict.Asserted, true, "30"},
		{"latency", verdict.Target, true, verdict.FormatValue("latency_ms.p99", s.LatencyMs.P99)},
		{"probes.pipeline_ms.p99 < 50 ms", verdict.Asserted, false, "n/a"}, // no probes: null, fails
	}
	if len(s.Criteria) != len(want) {
		t.Fatalf("criteria %+v", s.Criteria)
	}
	for i, w := range want {
		got := s.Criteria[i]
		if got.Name != w.name || got.Tier != w.tier || got.Pass != w.pass || got.Observation() != w.obs {
			t.Errorf("criterion %d = %+v (%s), want %+v", i, got, got.Observation(), w)
		}
	}
	if s.Criteria[1].Value != 1000 || s.Criteria[1].Why != "for the test" {
		t.Errorf("latency criterion %+v: want 1000 ms and its why", s.Criteria[1])
	}
}

// TestReportSchemaCoversTheReport: every numeric path of the report is a
// metric, including the new ones the original's criteria need; lists and
// strings are not.
func TestReportSchemaCoversTheReport(t *testing.T) {
	paths := ReportSchema().Numeric()
	for _, p := range []string{
		"requests.success_rate", "requests.without_outcome", "requests.failed.insufficient_nodes",
		"halves.degradation", "bursts_ms.max", "latency_ms.p99", "ignitions.min_gap_ms",
		"ignitions.after_last_fault", "probes.modulation_response_ms.p99", "probes.pipeline_ms.p99",
		"probes.end_to_end_ms.p99", "memory.cycle_growth", "fabric.final_links_off_rest", "needs.max.rest",
	} {
		if !slices.Contains(paths, p) {
			t.Errorf("%s is not a metric", p)
		}
	}
	for _, p := range paths {
		if strings.HasPrefix(p, "criteria") || strings.HasPrefix(p, "checkpoints") || p == "requests.failed.success" {
			t.Errorf("%s should not be a metric", p)
		}
	}
}

// TestEffectiveCriteria: the effective configuration shows each
// criterion's value as written, a number or a duration.
func TestEffectiveCriteria(t *testing.T) {
	sc, err := Builtin("load-short", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(sc.Effective())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"module":"Load"`, `"metric":"requests.success_rate","op":">=","value":0.01`, `"value":"2000ms"`} {
		if !strings.Contains(strings.ReplaceAll(string(b), `\u003e`, ">"), want) {
			t.Errorf("effective configuration lacks %s:\n%s", want, b)
		}
	}
}
