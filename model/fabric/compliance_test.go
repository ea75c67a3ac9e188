package fabric

import (
	"slices"
	"strings"
	"testing"
)

func TestCompliance(t *testing.T) {
	for _, tc := range []struct {
		name      string
		f         *Fabric
		failing   []string
		violation string
	}{
		{"complete K6 passes every check", fromEdges(t, 6, complete(6)), nil, ""},
		{"star fails all but path length", fromEdges(t, 8, star(7)),
			[]string{"efficiency", "clustering", "articulation_points", "path_redundancy"},
			"Feed-forward bottlenecks detected at nodes [0]"},
		{"long path fails path length", fromEdges(t, 30, pathGraph(30)),
			[]string{"efficiency", "clustering", "path_length", "algebraic_connectivity", "articulation_points", "path_redundancy"},
			"Path length too high: 10.33 > 6.80"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.f.Compliance(tc.f.Metrics(nil))
			var failing []string
			for _, ch := range c.Checks {
				if !ch.Pass {
					failing = append(failing, ch.Name)
				}
			}
			if len(c.Checks) != 6 || !slices.Equal(failing, tc.failing) || c.Compliant != (len(tc.failing) == 0) || len(c.Violations) != len(tc.failing) {
				t.Fatalf("checks %+v, violations %q; want failing %v", c.Checks, c.Violations, tc.failing)
			}
			if tc.violation != "" && !slices.ContainsFunc(c.Violations, func(v string) bool { return strings.Contains(v, tc.violation) }) {
				t.Errorf("violations %q lack %q", c.Violations, tc.violation)
			}
		})
	}
}
