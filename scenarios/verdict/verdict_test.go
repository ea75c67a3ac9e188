package verdict

import (
	"reflect"
	"strings"
	"testing"
)

// sample and report mimic the run report's shapes: a quantile table that
// can be empty, an optional section, a ratio that can be null, a map of
// counts, and fields of every non-numeric kind.
type sample struct {
	Count uint64  `json:"count"`
	P99   float64 `json:"p99"`
}

func (s sample) Empty() bool { return s.Count == 0 }

type section struct {
	Final float64 `json:"final"`
}

type report struct {
	Name      string            `json:"name"`
	Rate      *float64          `json:"rate"`
	LatencyMs sample            `json:"latency_ms"`
	Section   *section          `json:"section,omitempty"`
	Failed    map[string]uint64 `json:"failed"`
	Exact     bool              `json:"exact"`
	List      []int             `json:"list"`
	Untagged  int
	hidden    int
	Skipped   int `json:"-"`
}

var schema = SchemaOf(reflect.TypeFor[report](), func(path string) []string {
	if path == "failed" {
		return []string{"timeout", "refused"}
	}
	return nil
})

func TestOpHolds(t *testing.T) {
	for _, tc := range []struct {
		op   Op
		a, b float64
		want bool
	}{
		{Less, 1, 2, true}, {Less, 2, 2, false},
		{LessEqual, 2, 2, true}, {LessEqual, 3, 2, false},
		{Greater, 3, 2, true}, {Greater, 2, 2, false},
		{GreaterEqual, 2, 2, true}, {GreaterEqual, 1, 2, false},
		{Equal, 2, 2, true}, {Equal, 2.5, 2, false},
	} {
		if got := tc.op.Holds(tc.a, tc.b); got != tc.want {
			t.Errorf("%v %s %v = %v, want %v", tc.a, tc.op, tc.b, got, tc.want)
		}
	}
	for _, s := range []string{"<", "<=", ">", ">=", "=="} {
		if op, err := ParseOp(s); err != nil || string(op) != s {
			t.Errorf("ParseOp(%q) = %q, %v", s, op, err)
		}
	}
	for _, s := range []string{"=", "!=", "=<", "lt", ""} {
		if _, err := ParseOp(s); err == nil {
			t.Errorf("ParseOp(%q) accepted", s)
		}
	}
}

func TestParseTier(t *testing.T) {
	for s, want := range map[string]Tier{"": Asserted, "asserted": Asserted, "target": Target} {
		if got, err := ParseTier(s); err != nil || got != want {
			t.Errorf("ParseTier(%q) = %q, %v", s, got, err)
		}
	}
	if _, err := ParseTier("goal"); err == nil {
		t.Error("ParseTier(goal) accepted")
	}
}

func TestBound(t *testing.T) {
	for _, tc := range []struct {
		raw    any
		metric string
		want   float64
		err    string
	}{
		{int64(5), "count", 5, ""},
		{0.95, "rate", 0.95, ""},
		{"100ms", "latency_ms.p99", 100, ""},
		{"1.5s", "makespan_ms", 1500, ""},
		{"250us", "latency_ms.p99", 0.25, ""},
		{"100ms", "rate", 0, "not in milliseconds"},
		{"fast", "latency_ms.p99", 0, "want a number or a duration"},
		{true, "rate", 0, "want a number or a duration string"},
	} {
		var b Bound
		err := b.DecodeTOML(tc.raw)
		var v float64
		if err == nil {
			v, err = b.Resolve(tc.metric)
		}
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%v for %s: error %v, want %q", tc.raw, tc.metric, err, tc.err)
			}
			continue
		}
		if err != nil || v != tc.want {
			t.Errorf("%v for %s = %v, %v; want %v", tc.raw, tc.metric, v, err, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want Criterion
		err  string
	}{
		{"latency_ms.p99<100ms", Criterion{Name: "latency_ms.p99 < 100 ms", Metric: "latency_ms.p99", Op: Less, Value: 100, Tier: Asserted}, ""},
		{"rate >= 0.95", Criterion{Name: "rate >= 0.95", Metric: "rate", Op: GreaterEqual, Value: 0.95, Tier: Asserted}, ""},
		{"failed.timeout==0", Criterion{Name: "failed.timeout == 0", Metric: "failed.timeout", Op: Equal, Value: 0, Tier: Asserted}, ""},
		{"latency_ms.p99<=1s", Criterion{Name: "latency_ms.p99 <= 1000 ms", Metric: "latency_ms.p99", Op: LessEqual, Value: 1000, Tier: Asserted}, ""},
		{"rate", Criterion{}, "want metric, a comparison"},
		{"<5", Criterion{}, "no metric"},
		{"rate<fast", Criterion{}, "want a number or a duration"},
		{"rate<1s", Criterion{}, "not in milliseconds"},
		{"rate<NaN", Criterion{}, "finite"},
	} {
		got, err := Parse(tc.expr)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Parse(%q): error %v, want %q", tc.expr, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", tc.expr, got, err, tc.want)
		}
	}
}

func TestSchemaCheck(t *testing.T) {
	for _, ok := range []string{"rate", "latency_ms.count", "latency_ms.p99", "section.final", "failed.timeout", "failed.refused", "Untagged"} {
		if err := schema.Check(ok); err != nil {
			t.Errorf("Check(%q): %v", ok, err)
		}
	}
	for _, tc := range []struct{ metric, err string }{
		{"latency_ms.p98", `unknown metric "latency_ms.p98" (did you mean "latency_ms.p99"?)`},
		{"failed.timeuot", `did you mean "failed.timeout"?`},
		{"zzzzzzzzzzzzzzzz", `unknown metric "zzzzzzzzzzzzzzzz" (esgtsim run --format json shows`},
		{"latency_ms", "latency_ms is a table, not a number; its numeric fields: count, p99"},
		{"failed", "failed is a table, not a number; its numeric fields: refused, timeout"},
		{"name", "name is a string, not a number"},
		{"exact", "exact is a boolean, not a number"},
		{"list", "list is a list, not a number"},
		{"hidden", "unknown metric"},
		{"Skipped", "unknown metric"},
	} {
		err := schema.Check(tc.metric)
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("Check(%q) = %v, want %q", tc.metric, err, tc.err)
		}
	}
	if got := schema.Numeric(); len(got) != 7 {
		t.Errorf("numeric paths %v, want 7", got)
	}
}

func TestObserve(t *testing.T) {
	rate := 0.5
	full := &report{Rate: &rate, LatencyMs: sample{Count: 3, P99: 42}, Section: &section{Final: 0.25}, Failed: map[string]uint64{"timeout": 7}, Untagged: 9}
	empty := &report{}
	for _, tc := range []struct {
		r      *report
		metric string
		want   float64
		ok     bool
	}{
		{full, "rate", 0.5, true},
		{full, "latency_ms.p99", 42, true},
		{full, "latency_ms.count", 3, true},
		{full, "section.final", 0.25, true},
		{full, "failed.timeout", 7, true},
		{full, "failed.refused", 0, true}, // absent from a map of counts: 0
		{full, "Untagged", 9, true},
		{full, "name", 0, false},
		{full, "nope", 0, false},
		{empty, "rate", 0, false},             // null ratio
		{empty, "latency_ms.p99", 0, false},   // statistic of an empty sample
		{empty, "latency_ms.count", 0, true},  // its count is still 0
		{empty, "section.final", 0, false},    // a section the run did not have
		{empty, "failed.timeout", 0, true},    // nil map of counts
		{empty, "latency_ms.p99.x", 0, false}, // below a number
	} {
		got, ok := Observe(tc.r, tc.metric)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Observe(%s) = %v, %v; want %v, %v", tc.metric, got, ok, tc.want, tc.ok)
		}
	}
}

// TestNullNeverPasses: a criterion on a null observation fails whatever
// its comparison, so an empty sample cannot pass silently.
func TestNullNeverPasses(t *testing.T) {
	var cs []Criterion
	for _, op := range []Op{Less, LessEqual, Greater, GreaterEqual, Equal} {
		cs = append(cs, Criterion{Metric: "latency_ms.p99", Op: op, Value: 0, Tier: Asserted})
	}
	for _, r := range Evaluate(&report{}, cs) {
		if r.Pass || r.Observed != nil || r.Observation() != "n/a" {
			t.Errorf("%s on an empty sample: pass %v, observed %v", r.Name, r.Pass, r.Observation())
		}
	}
}

func TestEvaluateAndJudge(t *testing.T) {
	rate := 0.02
	r := &report{Rate: &rate, LatencyMs: sample{Count: 10, P99: 516}}
	cs := []Criterion{
		{Name: "success", Metric: "rate", Op: GreaterEqual, Value: 0.95, Tier: Asserted, Why: "busy nodes"},
		{Metric: "latency_ms.p99", Op: Less, Value: 1000, Tier: Asserted},
		{Metric: "latency_ms.p99", Op: Less, Value: 200, Tier: Target},
	}
	rs := Evaluate(r, cs)
	want := []struct {
		name, obs, bound string
		pass             bool
	}{
		{"success", "0.02", ">= 0.95", false},
		{"latency_ms.p99 < 1000 ms", "516 ms", "< 1000 ms", true},
		{"latency_ms.p99 < 200 ms", "516 ms", "< 200 ms", false},
	}
	for i, w := range want {
		got := rs[i]
		if got.Name != w.name || got.Observation() != w.obs || got.Bound() != w.bound || got.Pass != w.pass {
			t.Errorf("result %d = %+v (%s %s), want %+v", i, got, got.Observation(), got.Bound(), w)
		}
	}
	if rs[0].Why != "busy nodes" || rs[0].Criterion() != cs[0] {
		t.Errorf("result 0 lost its criterion: %+v", rs[0])
	}
	if v := Judge(rs, Asserted); v.Judged != 2 || v.Failed != 1 || v.Pass() {
		t.Errorf("asserted verdict %+v", v)
	}
	if v := Judge(rs, Target); v.Judged != 1 || v.Failed != 1 || v.Pass() {
		t.Errorf("target verdict %+v", v)
	}
	if v := Judge(rs[1:2], Target); v.Judged != 0 || !v.Pass() {
		t.Errorf("a tier without criteria: %+v", v)
	}
}

func TestWriteLines(t *testing.T) {
	var b strings.Builder
	err := WriteLines(&b, "  ", []Line{
		{Cells: []string{"FAIL", "asserted", "success", "observed 0.02", ">= 0.95"}, Note: "why: busy"},
		{Cells: []string{"PASS", "target", "a much longer name", "observed 1", "< 2"}},
	})
	want := "  FAIL  asserted  success             observed 0.02  >= 0.95\n" +
		"                  why: busy\n" +
		"  PASS  target    a much longer name  observed 1     < 2\n"
	if err != nil || b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
