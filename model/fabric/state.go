package fabric

import "fmt"

// NodeState is a node's operational state (docs/model.md §1).
type NodeState uint8

// The five node states. Only Active and ESGTMode nodes are healthy: they
// carry traffic, count in [Fabric.Metrics] and can be recruited.
const (
	// Initializing: created by [New], before [Fabric.Initialize].
	Initializing NodeState = iota
	// Active: healthy, outside ESGT mode.
	Active
	// ESGTMode: healthy, while the fabric is in ESGT mode.
	ESGTMode
	// Degraded: up but unfit for traffic, after [Fabric.DegradeNode].
	Degraded
	// Offline: crashed, after [Fabric.CrashNode].
	Offline
)

var stateNames = [...]string{"initializing", "active", "esgt_mode", "degraded", "offline"}

// String returns the model's name of s: initializing, active, esgt_mode,
// degraded or offline.
func (s NodeState) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("NodeState(%d)", uint8(s))
}

// healthy reports whether a node in state s carries traffic.
func (s NodeState) healthy() bool { return s == Active || s == ESGTMode }
