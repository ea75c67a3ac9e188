package fabric

import "github.com/esgtsim/esgtsim/clock"

// Link is a bidirectional link between nodes A < B.
type Link struct {
	A, B int
	// Latency is the one-way latency, including any degradation.
	Latency clock.Duration
	// BandwidthGbps is the nominal bandwidth.
	BandwidthGbps float64
	// PacketLoss is the probability, in [0, 1], that a message is lost.
	PacketLoss float64
	// Weight is the routing weight: 1.0 normally, raised in ESGT mode.
	Weight float64
	// Active is false while the link is cut.
	Active bool
}

// linkRecord is a link as the fabric stores it: a Link without its
// weight, which the fabric's linkWeights keep.
type linkRecord struct {
	A, B          int
	Latency       clock.Duration
	BandwidthGbps float64
	PacketLoss    float64
	Active        bool
}

// CapacityGbps is the model's effective capacity of the link:
// bandwidth · (1 − loss) · 1/(1 + latency_µs/1000) · weight, and 0 for an
// inactive link.
func (l Link) CapacityGbps() float64 {
	if !l.Active {
		return 0
	}
	latencyFactor := 1 / (1 + float64(l.Latency)/float64(clock.Millisecond))
	return l.BandwidthGbps * (1 - l.PacketLoss) * latencyFactor * l.Weight
}

// minBroadcastWeight is the weight a link must exceed to carry a broadcast
// (the original's "quality connections").
const minBroadcastWeight = 0.1

// carries reports whether a link of weight w carries broadcasts.
func carries(w float64) bool { return w > minBroadcastWeight }
