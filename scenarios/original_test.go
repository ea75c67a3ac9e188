package scenarios

import (
	"context"
	"testing"
)

// runDoc parses and runs a scenario document with the invariant checker.
func runDoc(t *testing.T, doc string) Summary {
	t.Helper()
	sc, err := Parse("o.toml", []byte(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), sc, Options{Check: true})
	if err != nil {
		t.Fatal(err)
	}
	return res.Summary
}

// TestOriginalModels: MCEA's unclamped threshold passes 1.0 where the
// bridge's stops at 0.95; an error burst makes the goal generator create
// REPAIR goals and satisfies them when it ends; memory at 150 % is
// accepted, capped and counted; the resilience score follows its formula.
func TestOriginalModels(t *testing.T) {
	s := runDoc(t, `duration = "2m"
[arousal]
baseline = 0.05
initial = 0.6
[needs.base]
cpu_percent = 20
memory_percent = 150
throughput_ops_per_sec = 50
[[needs.change]]
metric = "error_rate_per_min"
kind = "spike"
at = "30s"
duration = "20s"
value = 9
[original]
mcea_threshold = true
goals = true
[original.resilience]
enabled = true
stress_start = "30s"
stress_end = "50s"
recovery = "60s"
`)
	o := s.Original
	if o == nil || o.MCEAThreshold == nil || o.Needs == nil || o.Resilience == nil {
		t.Fatalf("original: %+v", o)
	}
	if th := o.MCEAThreshold; th.Max != 0.7/0.5 || th.UpdatesAboveOne == 0 || th.BridgeMax != 0.95 {
		t.Errorf("MCEA threshold %+v: want a maximum of 1.4 above 1.0 while the bridge's stops at 0.95", th)
	}
	if u := o.Needs; u.GoalsCreated["REPAIR"] == 0 || u.GoalsSatisfied != u.GoalsCreated["REPAIR"] || u.MostUrgent["critical"] == 0 {
		t.Errorf("needs %+v: want REPAIR goals, each satisfied after the burst, and critical samples", u)
	}
	if s.Needs.Warnings != int(s.Needs.Samples) || s.Needs.Max.Rest != 0.6*0.2+0.4*1.0 {
		t.Errorf("memory at 150 %%: %d of %d samples counted, rest %v", s.Needs.Warnings, s.Needs.Samples, s.Needs.Max.Rest)
	}
	r := o.Resilience
	want := 100.0
	if r.Runaway {
		want -= 40
	}
	if !r.Recovered {
		want -= 15
	} else if r.RecoverySeconds > 60 {
		want -= 10
	}
	if r.ArousalCV > 0.3 {
		want -= 10
	}
	if r.Score != want || r.StressSamples != 200 || r.RecoverySamples != 600 {
		t.Errorf("resilience %+v: score want %v, 200 stress and 600 recovery samples", r, want)
	}
}

// TestResilienceRunaway: arousal held near 1 through the stress phase is
// runaway (-40) and does not recover within 60 s (-15).
func TestResilienceRunaway(t *testing.T) {
	s := runDoc(t, `duration = "3m"
[original.resilience]
enabled = true
stress_start = "0s"
stress_end = "100s"
recovery = "60s"
[[workload]]
kind = "modulation"
at = ["0s"]
delta = 1.0
decay = "150s"
`)
	r := s.Original.Resilience
	if !r.Runaway || r.Recovered || r.Score != 45 || r.Passed {
		t.Errorf("resilience %+v: want runaway, not recovered, score 45, failed", r)
	}
}
