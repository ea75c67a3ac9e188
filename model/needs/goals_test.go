package needs

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

// originalNeedNames are the original's attribute names of the six needs.
var originalNeedNames = [numNeeds]string{"rest_need", "repair_need", "efficiency_need", "connectivity_need", "curiosity_drive", "learning_drive"}

// TestUrgencyAndGoalsMatchTheOriginal: from the needs the original
// computed for each vector of testdata/needs_from_metrics.csv (NaN
// included), the most urgent need, its class, the critical needs and the
// goals a fresh generator creates are the original's.
func TestUrgencyAndGoalsMatchTheOriginal(t *testing.T) {
	rows := readVectors(t, "needs_from_metrics.csv")
	for _, r := range rows {
		n := Needs{
			Rest: parseVector(t, r["rest"]), Repair: parseVector(t, r["repair"]), Efficiency: parseVector(t, r["efficiency"]),
			Connectivity: parseVector(t, r["connectivity"]), Curiosity: parseVector(t, r["curiosity"]), Learning: parseVector(t, r["learning"]),
		}
		k, v, u := n.MostUrgent()
		want := parseVector(t, r["most_urgent_value"])
		if originalNeedNames[k] != r["most_urgent_need"] || u.String() != r["most_urgent_urgency"] || !(v == want || math.IsNaN(v) && math.IsNaN(want)) {
			t.Errorf("row %s: most urgent %s %v %v, the original %s %s %s", r["id"], originalNeedNames[k], v, u, r["most_urgent_need"], r["most_urgent_value"], r["most_urgent_urgency"])
		}
		var critical []string
		for _, c := range n.Critical() {
			critical = append(critical, originalNeedNames[c]+"="+strconv.FormatFloat(n.Get(c), 'g', -1, 64))
		}
		if got := strings.Join(critical, ";"); !sameCritical(got, r["critical_needs"]) {
			t.Errorf("row %s: critical %q, the original %q", r["id"], got, r["critical_needs"])
		}
		var goals []string
		for _, g := range NewGoalGenerator(DefaultGoalConfig()).Generate(0, n) {
			goals = append(goals, g.Type.String()+":"+g.Priority.String())
		}
		if got := strings.Join(goals, ";"); got != r["goals"] {
			t.Errorf("row %s (%s): goals %q, the original %q", r["id"], r["case"], got, r["goals"])
		}
	}
}

// sameCritical compares "name=value;..." lists by name and numeric value.
func sameCritical(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	as, bs := strings.Split(a, ";"), strings.Split(b, ";")
	if len(as) != len(bs) {
		return false
	}
	for i := range as {
		an, av, _ := strings.Cut(as[i], "=")
		bn, bv, _ := strings.Cut(bs[i], "=")
		x, _ := strconv.ParseFloat(av, 64)
		y, _ := strconv.ParseFloat(bv, 64)
		if an != bn || x != y {
			return false
		}
	}
	return true
}

// TestGoalLifecycle: the cooldown, satisfaction, expiry and capacity.
func TestGoalLifecycle(t *testing.T) {
	g := NewGoalGenerator(DefaultGoalConfig())
	sec := func(s int) clock.Time { return clock.Time(s) * clock.Time(clock.Second) }
	if got := g.Generate(0, Needs{Repair: 0.9}); len(got) != 1 || got[0].Type != GoalRepair || got[0].Priority != PriorityCritical || got[0].Timeout != 600*clock.Second {
		t.Fatalf("repair 0.9: %+v", got)
	}
	if got := g.Generate(sec(4), Needs{Repair: 0.9}); len(got) != 0 {
		t.Fatalf("within the 5 s cooldown: %+v", got)
	}
	if got := g.Generate(sec(5), Needs{Repair: 0.9}); len(got) != 1 || g.Active() != 2 {
		t.Fatalf("after the cooldown: %+v, %d active", got, g.Active())
	}
	g.Generate(sec(6), Needs{Repair: 0.1}) // below the 0.20 target: both satisfied
	if s := g.Stats(); s.Satisfied != 2 || g.Active() != 0 {
		t.Fatalf("satisfied %d, active %d", s.Satisfied, g.Active())
	}
	g.Generate(sec(10), Needs{Learning: 0.5}) // LEARN, LOW, 120 s, never satisfied
	g.Generate(sec(131), Needs{})
	if s := g.Stats(); s.Expired != 1 || g.Active() != 0 {
		t.Fatalf("expired %d, active %d", s.Expired, g.Active())
	}
	all := Needs{Rest: 1, Repair: 1, Efficiency: 1, Connectivity: 1, Curiosity: 1, Learning: 1}
	for i := range 3 {
		g.Generate(sec(200+10*i), all)
	}
	if s := g.Stats(); g.Active() != 10 || s.AtCapacity != 2 || s.MaxActive != 10 {
		t.Fatalf("active %d, at capacity %d, max %d; want 10, 2, 10", g.Active(), s.AtCapacity, s.MaxActive)
	}
}
