package scenarios

import (
	"math/rand/v2"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/scenarios/spec"
)

// HealthInfo is the report's "health" object.
type HealthInfo struct {
	Checks      uint64 `json:"checks"`
	Isolated    uint64 `json:"isolated"`
	BypassLinks uint64 `json:"bypass_links"`
	Revived     uint64 `json:"revived"`
}

// healthLoop runs the health loop on the world's current fabric.
type healthLoop struct {
	w       *world
	spec    spec.HealthSpec
	h       *fabric.Health
	fab     *fabric.Fabric
	rng     *rand.Rand
	done    fabric.HealthStats // of fabrics replaced by fabric_recreate
	revived uint64
}

// startHealth starts the loop if the scenario enables it.
func startHealth(w *world) (*healthLoop, error) {
	hs := w.sc.Spec.Fabric.Health
	if !hs.Enabled {
		return nil, nil
	}
	l := &healthLoop{w: w, spec: hs, rng: w.sim.Stream("fabric/health")}
	w.coord.OnPhase(l.phase)
	if _, err := w.sim.Every(w.sim.Now().Add(hs.Interval), hs.Interval, l.check); err != nil {
		return nil, err
	}
	return l, nil
}

// current returns the loop of the current fabric, starting a new one when
// the fabric was re-created.
func (l *healthLoop) current() *fabric.Health {
	if l.fab != l.w.fab {
		if l.h != nil {
			s := l.h.Stats()
			l.done.Checks, l.done.Isolated, l.done.BypassLinks = l.done.Checks+s.Checks, l.done.Isolated+s.Isolated, l.done.BypassLinks+s.BypassLinks
		}
		l.fab = l.w.fab
		cfg := fabric.HealthConfig{Interval: l.spec.Interval, Timeout: l.spec.Timeout, Repair: l.spec.Repair}
		l.h = fabric.NewHealth(l.fab, cfg, l.w.sim.Now())
	}
	return l.h
}

func (l *healthLoop) check(now clock.Time) { l.current().Check(now, l.rng) }

// phase follows ignitions: when SUSTAIN starts the broadcast is over and
// the fabric in ESGT mode.
func (l *healthLoop) phase(_ uint64, now clock.Time, p esgt.Phase) {
	if p != esgt.Sustain {
		return
	}
	h := l.current()
	h.HeardReached(now)
	if !l.spec.ESGTModeRevives {
		return
	}
	for i := range l.fab.Nodes() {
		if h.Isolated(i) && !l.fab.Healthy(i) {
			_ = l.fab.RecoverNode(i)
			l.revived++
		}
	}
}

// summary returns the report's "health" object.
func (l *healthLoop) summary() *HealthInfo {
	s := l.current().Stats()
	return &HealthInfo{
		Checks: l.done.Checks + s.Checks, Isolated: l.done.Isolated + s.Isolated,
		BypassLinks: l.done.BypassLinks + s.BypassLinks, Revived: l.revived,
	}
}
