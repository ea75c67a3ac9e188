package esgt

import "fmt"

// Reason is why a request failed; Success means it did not.
type Reason uint8

// Outcome reasons. Each gate check and each way an ignition can fail has its
// own reason; none is shared by two causes.
const (
	Success           Reason = iota
	Stopped                  // the coordinator was stopped
	CircuitOpen              // the circuit breaker was open (or half-open and busy)
	RateLimited              // the token bucket had no token
	MaxConcurrent            // too many ignitions in flight
	DegradedSalience         // degraded mode requires salience >= 0.85
	LowSalience              // salience below min_salience
	Resources                // fabric latency, healthy nodes or CPU capacity
	Refractory               // within the refractory period
	Frequency                // too many ignitions started in the last second
	LowArousal               // arousal below min_arousal
	InsufficientNodes        // not enough free healthy nodes to recruit
	SyncTimeout              // coherence did not reach the target in time
	NodesLost                // participants failed mid-ignition
	Interrupted              // the coordinator stopped mid-ignition
	numReasons
)

var reasonNames = [numReasons]string{
	"success", "stopped", "circuit_open", "rate_limited", "max_concurrent",
	"degraded_salience", "salience", "resources", "refractory", "frequency",
	"arousal", "insufficient_nodes", "sync_timeout", "nodes_lost", "interrupted",
}

// String returns the reason's snake_case name, as reports use it.
func (r Reason) String() string {
	if r < numReasons {
		return reasonNames[r]
	}
	return fmt.Sprintf("Reason(%d)", r)
}

// Reasons returns every reason, Success first, in a fixed order.
func Reasons() []Reason {
	rs := make([]Reason, numReasons)
	for i := range rs {
		rs[i] = Reason(i)
	}
	return rs
}

// Admitted reports whether a request with this outcome was admitted, that
// is, reached an ignition attempt.
func (r Reason) Admitted() bool {
	return r == Success || r == SyncTimeout || r == NodesLost || r == Interrupted
}
