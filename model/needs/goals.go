package needs

import (
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
)

// GoalType is what a goal asks the system to do, one per need.
type GoalType uint8

// Goal types, in need order: REST, REPAIR, OPTIMIZE (efficiency), RESTORE
// (connectivity), EXPLORE (curiosity), LEARN.
const (
	GoalRest GoalType = iota
	GoalRepair
	GoalOptimize
	GoalRestore
	GoalExplore
	GoalLearn
)

var goalTypeNames = [...]string{"REST", "REPAIR", "OPTIMIZE", "RESTORE", "EXPLORE", "LEARN"}

// String returns the type's name as the original spells it.
func (g GoalType) String() string {
	if int(g) < len(goalTypeNames) {
		return goalTypeNames[g]
	}
	return fmt.Sprintf("GoalType(%d)", uint8(g))
}

// Priority is a goal's priority, from its need's urgency class.
type Priority uint8

// Priorities, lowest first: a satisfied need gives BACKGROUND, low LOW,
// moderate MODERATE, high HIGH, critical CRITICAL.
const (
	Background Priority = iota
	PriorityLow
	PriorityModerate
	PriorityHigh
	PriorityCritical
)

var priorityNames = [...]string{"BACKGROUND", "LOW", "MODERATE", "HIGH", "CRITICAL"}

// String returns the priority's name as the original spells it.
func (p Priority) String() string {
	if int(p) < len(priorityNames) {
		return priorityNames[p]
	}
	return fmt.Sprintf("Priority(%d)", uint8(p))
}

// Goal is one goal of the generator.
type Goal struct {
	Type     GoalType
	Priority Priority
	Need     float64 // the need's value when the goal was created
	Target   float64 // the goal is satisfied when its need falls below this
	Created  clock.Time
	Timeout  clock.Duration // the goal expires after this long
}

// GoalConfig holds the generator's parameters; [DefaultGoalConfig] gives
// the original's (its mmei/goals.py).
type GoalConfig struct {
	Thresholds [numNeeds]float64 // a need at or above its threshold creates a goal
	Targets    [numNeeds]float64 // satisfaction targets; 0 is never satisfied
	MaxActive  int               // no goal is created while this many are active
	Cooldown   clock.Duration    // the same need creates at most one goal per cooldown
}

// DefaultGoalConfig returns the original's goal generator: thresholds rest
// 0.60, repair 0.40, efficiency 0.50, connectivity 0.50, curiosity 0.60,
// learning 0.50; targets rest 0.30, repair 0.20, efficiency and
// connectivity 0.30, curiosity and learning 0 (never satisfied, only
// expire); at most 10 active goals; one goal per need per 5 s.
func DefaultGoalConfig() GoalConfig {
	return GoalConfig{
		Thresholds: [numNeeds]float64{0.60, 0.40, 0.50, 0.50, 0.60, 0.50},
		Targets:    [numNeeds]float64{0.30, 0.20, 0.30, 0.30, 0, 0},
		MaxActive:  10,
		Cooldown:   5 * clock.Second,
	}
}

// GoalStats counts what a generator did.
type GoalStats struct {
	Created    [numNeeds]uint64 // by need (and so by goal type)
	Satisfied  uint64
	Expired    uint64
	AtCapacity uint64 // calls that created nothing because MaxActive goals were active
	MaxActive  int    // most goals active at once
}

// GoalGenerator is the original's AutonomousGoalGenerator: it turns needs
// into goals, keeps them until their need is met or they time out, and
// counts what it did. It is not safe for concurrent use.
type GoalGenerator struct {
	cfg     GoalConfig
	active  []Goal
	last    [numNeeds]clock.Time
	created [numNeeds]bool
	stats   GoalStats
}

// NewGoalGenerator returns a generator with no goal.
func NewGoalGenerator(cfg GoalConfig) *GoalGenerator { return &GoalGenerator{cfg: cfg} }

// Generate updates the active goals with needs n at now (a goal whose need
// fell below its target is satisfied; one older than its timeout expires),
// then creates one goal for each need at or above its threshold, unless
// MaxActive goals are active or that need created one less than Cooldown
// ago. It returns the goals created, valid until the next call.
func (g *GoalGenerator) Generate(now clock.Time, n Needs) []Goal {
	kept := g.active[:0]
	for _, goal := range g.active {
		k := Need(goal.Type)
		switch {
		case n.Get(k) < goal.Target:
			g.stats.Satisfied++
		case now.Sub(goal.Created) > goal.Timeout:
			g.stats.Expired++
		default:
			kept = append(kept, goal)
		}
	}
	g.active = kept
	start := len(g.active)
	for k := Rest; k < numNeeds; k++ {
		v := n.Get(k)
		if !(v >= g.cfg.Thresholds[k]) {
			continue
		}
		if len(g.active) >= g.cfg.MaxActive {
			g.stats.AtCapacity++
			break
		}
		if g.created[k] && now.Sub(g.last[k]) < g.cfg.Cooldown {
			continue
		}
		goal := Goal{Type: GoalType(k), Priority: Priority(UrgencyOf(v)), Need: v, Target: g.cfg.Targets[k], Created: now}
		if k == Curiosity || k == Learning {
			goal.Priority = PriorityLow
		}
		goal.Timeout = goalTimeout(k, goal.Priority)
		g.active = append(g.active, goal)
		g.last[k], g.created[k] = now, true
		g.stats.Created[k]++
	}
	g.stats.MaxActive = max(g.stats.MaxActive, len(g.active))
	return g.active[start:]
}

// goalTimeout is the original's timeout of a goal for need k: repair and
// connectivity 600 s; rest 600 s when critical, else 300 s; efficiency
// 300 s; exploration and learning 120 s.
func goalTimeout(k Need, p Priority) clock.Duration {
	switch k {
	case Repair, Connectivity:
		return 600 * clock.Second
	case Rest:
		if p == PriorityCritical {
			return 600 * clock.Second
		}
		return 300 * clock.Second
	case Efficiency:
		return 300 * clock.Second
	}
	return 120 * clock.Second
}

// Active returns the number of active goals.
func (g *GoalGenerator) Active() int { return len(g.active) }

// Stats returns what the generator has done so far.
func (g *GoalGenerator) Stats() GoalStats { return g.stats }
