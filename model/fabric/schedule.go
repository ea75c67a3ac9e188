package fabric

import (
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/sim"
)

// FaultKind says what a [Fault] does.
type FaultKind uint8

// Fault kinds, each applying one fault method.
const (
	NodeCrash   FaultKind = iota + 1 // CrashNode(Node)
	NodeRecover                      // RecoverNode(Node)
	NodeDegrade                      // DegradeNode(Node)
	LinkDegrade                      // DegradeLink(Node, Peer, LatencyFactor, Loss)
	LinkHeal                         // HealLink(Node, Peer)
	LinkCut                          // CutLink(Node, Peer)
)

var faultKindNames = [...]string{"", "node_crash", "node_recover", "node_degrade", "link_degrade", "link_heal", "link_cut"}

// String returns the kind's snake_case name, e.g. node_crash.
func (k FaultKind) String() string {
	if k >= NodeCrash && int(k) < len(faultKindNames) {
		return faultKindNames[k]
	}
	return fmt.Sprintf("FaultKind(%d)", uint8(k))
}

// Fault is a fault applied at a virtual time. Node is the node, or one end
// of the link; Peer is the other end for link faults. LatencyFactor and
// Loss are used by LinkDegrade only.
type Fault struct {
	At            clock.Time
	Kind          FaultKind
	Node, Peer    int
	LatencyFactor float64
	Loss          float64
}

// ScheduleFaults schedules each fault on s at its time. It first checks
// every fault (known kind, time not before s.Now(), nodes in range, link
// present, factors in range) against the fabric as it is, and schedules
// nothing if any is invalid. The fabric must be initialized. Faults due at
// the same instant apply in slice order (the kernel's FIFO tie rule).
func (f *Fabric) ScheduleFaults(s *sim.Sim, faults []Fault) error {
	if !f.initialized {
		return ErrNotInitialized
	}
	for i, ft := range faults {
		if err := f.checkFault(s.Now(), ft); err != nil {
			return fmt.Errorf("fabric: fault %d (%v at %v): %w", i, ft.Kind, ft.At, err)
		}
	}
	for _, ft := range faults {
		// Validated above: Schedule cannot fail, and apply cannot either
		// because the topology never changes after Initialize.
		if _, err := s.Schedule(ft.At, func() {
			if err := f.apply(ft); err != nil {
				panic(err.Error())
			}
		}); err != nil {
			return err
		}
	}
	return nil
}

func (f *Fabric) checkFault(now clock.Time, ft Fault) error {
	if ft.At < now {
		return fmt.Errorf("%w: at %v, now %v", sim.ErrPast, ft.At, now)
	}
	if err := f.nodeErr(ft.Node); err != nil {
		return err
	}
	switch ft.Kind {
	case NodeCrash, NodeRecover, NodeDegrade:
		return nil
	case LinkDegrade:
		if err := checkDegrade(ft.LatencyFactor, ft.Loss); err != nil {
			return err
		}
		fallthrough
	case LinkHeal, LinkCut:
		_, err := f.LinkBetween(ft.Node, ft.Peer)
		return err
	}
	return fmt.Errorf("unknown fault kind %d", uint8(ft.Kind))
}

// apply performs one fault now.
func (f *Fabric) apply(ft Fault) error {
	switch ft.Kind {
	case NodeCrash:
		return f.CrashNode(ft.Node)
	case NodeRecover:
		return f.RecoverNode(ft.Node)
	case NodeDegrade:
		return f.DegradeNode(ft.Node)
	case LinkDegrade:
		return f.DegradeLink(ft.Node, ft.Peer, ft.LatencyFactor, ft.Loss)
	case LinkHeal:
		return f.HealLink(ft.Node, ft.Peer)
	case LinkCut:
		return f.CutLink(ft.Node, ft.Peer)
	}
	return fmt.Errorf("fabric: unknown fault kind %d", uint8(ft.Kind))
}
