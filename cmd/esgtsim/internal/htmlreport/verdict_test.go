package htmlreport

import (
	"testing"

	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

func TestJudge(t *testing.T) {
	v := func(x float64) *float64 { return &x }
	p99 := verdict.Result{Name: "P99 < 100 ms", Metric: "latency_ms.p99", Op: verdict.Less, Value: 100, Tier: verdict.Asserted, Observed: v(40), Pass: true}
	rate := verdict.Result{Name: "rate", Metric: "requests.success_rate", Op: verdict.GreaterEqual, Value: 0.95, Tier: verdict.Asserted, Observed: v(0.5)}
	empty := verdict.Result{Name: "sync", Metric: "time_to_sync_ms.p99", Op: verdict.Less, Value: 50, Tier: verdict.Target}
	for _, tc := range []struct {
		name     string
		rs       []verdict.Result
		tier     verdict.Tier
		word     string
		detail   string
		statuses []string
	}{
		{"none", nil, verdict.Asserted, "NO CRITERIA", "no asserted criterion: nothing decides a verdict", nil},
		{"targets only", []verdict.Result{empty}, verdict.Asserted, "NO CRITERIA", "no asserted criterion: nothing decides a verdict", []string{"fail"}},
		{"one passes", []verdict.Result{p99}, verdict.Asserted, "PASS", "the one asserted criterion holds", []string{"PASS"}},
		{"one fails", []verdict.Result{p99, rate, empty}, verdict.Asserted, "FAIL", "1 of 2 asserted criteria failed", []string{"PASS", "FAIL", "fail"}},
		{"two pass", []verdict.Result{p99, p99}, verdict.Asserted, "PASS", "all 2 asserted criteria hold", []string{"PASS", "PASS"}},
		{"target tier", []verdict.Result{p99, rate, empty}, verdict.Target, "FAIL", "1 of 1 target criteria failed", []string{"pass", "fail", "FAIL"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vv, rows := judge(tc.rs, tc.tier)
			if vv.Word != tc.word || vv.Detail != tc.detail {
				t.Errorf("verdict %q %q, want %q %q", vv.Word, vv.Detail, tc.word, tc.detail)
			}
			if len(rows) != len(tc.statuses) {
				t.Fatalf("%d rows, want %d", len(rows), len(tc.statuses))
			}
			for i, r := range rows {
				if r.Status != tc.statuses[i] {
					t.Errorf("row %d: %s, want %s", i, r.Status, tc.statuses[i])
				}
			}
		})
	}
	_, rows := judge([]verdict.Result{empty}, verdict.Target)
	if rows[0].Observed != "n/a (no observation)" || rows[0].Bound != "< 50 ms" {
		t.Errorf("observed %q, bound %q", rows[0].Observed, rows[0].Bound)
	}
}
