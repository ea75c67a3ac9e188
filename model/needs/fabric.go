package needs

import "github.com/esgtsim/esgtsim/clock"

// FabricView is what the needs monitor reads from the live TIG fabric.
// *fabric.Fabric implements it.
type FabricView interface {
	// MeanLinkLatency is the mean latency of the fabric's links.
	MeanLinkLatency() clock.Duration
	// LossFraction is the fraction in [0, 1] of traffic the fabric cannot
	// carry: links that are inactive or touch an offline or degraded node
	// count as fully lost, the others by their packet loss, averaged over
	// links.
	LossFraction() float64
}

// FabricSource returns a Source that samples base and replaces its network
// metrics with ones that include the live fabric, so a fabric fault raises
// the connectivity need:
//
//   - NetworkLatencyMS = base latency + the fabric's mean link latency, in
//     ms: the base describes the network outside the fabric, and a message
//     crosses both;
//   - PacketLossPercent = 100·(b + f − b·f), where b is the base loss as a
//     fraction and f the fabric's LossFraction: the probability that a
//     message is lost on either leg when the two lose independently. With
//     no base loss it is exactly 100·f.
//
// Every other metric is the base's. A nil base reads as [Unmeasured]; a nil
// view leaves the base unchanged. The view's values are not checked here:
// a NaN or out-of-range loss propagates into the sample, where the
// [Monitor] replaces or clamps it and counts a warning.
func FabricSource(base Source, view FabricView) Source {
	return &fabricSource{base: base, view: view}
}

type fabricSource struct {
	base Source
	view FabricView
}

// Sample implements Source; see FabricSource for the combination.
func (f *fabricSource) Sample(now clock.Time) Metrics {
	m := Unmeasured()
	if f.base != nil {
		m = f.base.Sample(now)
	}
	if f.view == nil {
		return m
	}
	m.NetworkLatencyMS += f.view.MeanLinkLatency().Milliseconds()
	b, l := m.PacketLossPercent/100, f.view.LossFraction()
	m.PacketLossPercent = float64(100 * (b + l - float64(b*l)))
	return m
}

// Validate checks the base source's configuration, if it has any.
func (f *fabricSource) Validate() error {
	if v, ok := f.base.(validator); ok {
		return v.Validate()
	}
	return nil
}
