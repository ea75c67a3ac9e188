package fabric

import (
	"fmt"

	"github.com/esgtsim/esgtsim/internal/detmath"
)

// Check is one IIT-compliance check: Value compared with Threshold by Op
// (">=", "<=" or "==").
type Check struct {
	Name      string  `json:"name"`
	Value     float64 `json:"value"`
	Op        string  `json:"op"`
	Threshold float64 `json:"threshold"`
	Pass      bool    `json:"pass"`
}

// Compliance is the original's "IIT compliance" report (docs/model.md §1). It is
// reported, never enforced: nothing in esgtsim refuses a non-compliant
// fabric.
type Compliance struct {
	Compliant  bool     `json:"compliant"`
	Checks     []Check  `json:"checks"`
	Violations []string `json:"violations"`
}

// Compliance evaluates m against the model's thresholds: efficiency (ECI)
// >= 0.85, clustering >= 0.75, path length <= 2·ln(nodes), algebraic
// connectivity >= 0.3, no articulation points, path redundancy >= 3. Each
// failed check adds a violation in the original's wording.
func (f *Fabric) Compliance(m Metrics) Compliance {
	maxPath := 0.0
	if m.Nodes > 0 {
		maxPath = 2 * detmath.Log(float64(m.Nodes))
	}
	checks := []Check{
		{Name: "efficiency", Value: m.Efficiency, Op: ">=", Threshold: 0.85},
		{Name: "clustering", Value: m.Clustering, Op: ">=", Threshold: 0.75},
		{Name: "path_length", Value: m.PathLength, Op: "<=", Threshold: maxPath},
		{Name: "algebraic_connectivity", Value: m.AlgebraicConnectivity, Op: ">=", Threshold: 0.3},
		{Name: "articulation_points", Value: float64(len(m.ArticulationPoints)), Op: "==", Threshold: 0},
		{Name: "path_redundancy", Value: float64(m.PathRedundancy), Op: ">=", Threshold: 3},
	}
	c := Compliance{Compliant: true, Checks: checks, Violations: []string{}}
	for i := range checks {
		ch := &checks[i]
		switch ch.Op {
		case ">=":
			ch.Pass = ch.Value >= ch.Threshold
		case "<=":
			ch.Pass = ch.Value <= ch.Threshold
		default:
			ch.Pass = ch.Value == ch.Threshold
		}
		if !ch.Pass {
			c.Compliant = false
			c.Violations = append(c.Violations, violation(*ch, m))
		}
	}
	return c
}

// violation words a failed check as the original did.
func violation(ch Check, m Metrics) string {
	switch ch.Name {
	case "efficiency":
		return fmt.Sprintf("ECI too low: %.3f < %.2f", ch.Value, ch.Threshold)
	case "clustering":
		return fmt.Sprintf("Clustering too low: %.3f < %.2f", ch.Value, ch.Threshold)
	case "path_length":
		return fmt.Sprintf("Path length too high: %.2f > %.2f", ch.Value, ch.Threshold)
	case "algebraic_connectivity":
		return fmt.Sprintf("Algebraic connectivity too low: %.3f < %.1f", ch.Value, ch.Threshold)
	case "articulation_points":
		return fmt.Sprintf("Feed-forward bottlenecks detected at nodes %v", m.ArticulationPoints)
	}
	return fmt.Sprintf("Insufficient path redundancy: %d < %d", m.PathRedundancy, int(ch.Threshold))
}
