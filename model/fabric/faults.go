package fabric

import (
	"fmt"
	"math"

	"github.com/esgtsim/esgtsim/clock"
)

// MaxLatencyFactor bounds the latency multiplier of [Fabric.DegradeLink],
// so that no broadcast duration can overflow.
const MaxLatencyFactor = 1000

// CrashNode takes node i offline. Its links stay as they are but carry no
// traffic while it is down. Crashing an offline node changes nothing.
func (f *Fabric) CrashNode(i int) error { return f.setNodeState(i, Offline) }

// DegradeNode marks node i Degraded: up, but unfit for traffic and for
// recruitment. Degrading an offline node brings it up as Degraded.
func (f *Fabric) DegradeNode(i int) error { return f.setNodeState(i, Degraded) }

// RecoverNode returns node i to health: Active, or ESGTMode while the
// fabric is in ESGT mode. Recovering a healthy node changes nothing.
func (f *Fabric) RecoverNode(i int) error {
	if err := f.faultCheck(i); err != nil {
		return err
	}
	if f.state[i].healthy() {
		return nil
	}
	return f.setNodeState(i, f.healthyState())
}

func (f *Fabric) setNodeState(i int, s NodeState) error {
	if err := f.faultCheck(i); err != nil {
		return err
	}
	old := f.state[i]
	if old == s {
		return nil
	}
	f.state[i] = s
	switch {
	case old.healthy() && !s.healthy():
		f.healthy--
	case !old.healthy() && s.healthy():
		f.healthy++
	}
	f.reshaped()
	return nil
}

func (f *Fabric) faultCheck(i int) error {
	if !f.initialized {
		return ErrNotInitialized
	}
	return f.nodeErr(i)
}

// DegradeLink degrades the link between a and b: its latency becomes the
// generated latency times latencyFactor (rounded to the nanosecond; factors
// do not compound) and its packet loss becomes loss. latencyFactor must be
// in [1, MaxLatencyFactor] and loss in [0, 1].
func (f *Fabric) DegradeLink(a, b int, latencyFactor, loss float64) error {
	if err := checkDegrade(latencyFactor, loss); err != nil {
		return fmt.Errorf("fabric: %w", err)
	}
	id, err := f.linkFor(a, b)
	if err != nil {
		return err
	}
	l := &f.links[id]
	l.Latency = clock.Duration(math.Round(float64(f.baseLatency[id]) * latencyFactor))
	l.PacketLoss = loss
	f.reshaped()
	return nil
}

func checkDegrade(latencyFactor, loss float64) error {
	if !(latencyFactor >= 1 && latencyFactor <= MaxLatencyFactor) {
		return fmt.Errorf("latency factor %v must be in [1, %g]", latencyFactor, float64(MaxLatencyFactor))
	}
	if !(loss >= 0 && loss <= 1) {
		return fmt.Errorf("packet loss %v must be in [0, 1]", loss)
	}
	return nil
}

// CutLink deactivates the link between a and b: it carries no traffic and
// leaves the live graph until healed.
func (f *Fabric) CutLink(a, b int) error {
	id, err := f.linkFor(a, b)
	if err != nil {
		return err
	}
	f.links[id].Active = false
	f.reshaped()
	return nil
}

// HealLink restores the link between a and b as generated: its original
// latency, the configured packet loss, and active. Its weight is left to
// ESGT mode.
func (f *Fabric) HealLink(a, b int) error {
	id, err := f.linkFor(a, b)
	if err != nil {
		return err
	}
	l := &f.links[id]
	l.Latency = f.baseLatency[id]
	l.PacketLoss = f.cfg.PacketLoss
	l.Active = true
	f.reshaped()
	return nil
}

func (f *Fabric) linkFor(a, b int) (int, error) {
	if !f.initialized {
		return 0, ErrNotInitialized
	}
	return f.LinkBetween(a, b)
}
