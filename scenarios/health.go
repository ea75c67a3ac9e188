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
	l.follow(w.fab)
	w.coord.OnPhase(l.phase)
	if _, err := w.sim.Every(w.sim.Now().Add(hs.Interval), hs.Interval, l.check); err != nil {
		return nil, err
	}
	return l, nil
}

// follow moves the loop to fab, the world's new fabric, every node of it
// heard from now; from then on a node is heard from when a broadcast
// reaches it, at the time of that broadcast.
func (l *healthLoop) follow(fab *fabric.Fabric) {
	if l.h != nil {
		l.done = l.done.Plus(l.h.Stats())
		l.fab.OnBroadcast(nil)
	}
	l.fab = fab
	cfg := fabric.HealthConfig{Interval: l.spec.Interval, Timeout: l.spec.Timeout, Repair: l.spec.Repair}
	l.h = fabric.NewHealth(fab, cfg, l.w.sim.Now())
	fab.OnBroadcast(l.heard)
}

// heard records the nodes a broadcast reached as heard from now.
func (l *healthLoop) heard(reached []bool) { l.h.HeardFrom(reached, l.w.sim.Now()) }

func (l *healthLoop) check(now clock.Time) { l.h.Check(now, l.rng) }

// phase follows ignitions: when SUSTAIN starts the fabric is in ESGT
// mode, which with esgt_mode_revives brings isolated nodes back to health.
func (l *healthLoop) phase(_ uint64, _ clock.Time, p esgt.Phase) {
	if p != esgt.Sustain || !l.spec.ESGTModeRevives {
		return
	}
	for i := range l.fab.Nodes() {
		if l.h.Isolated(i) && !l.fab.Healthy(i) {
			_ = l.fab.RecoverNode(i)
			l.revived++
		}
	}
}

// summary returns the report's "health" object.
func (l *healthLoop) summary() *HealthInfo {
	s := l.done.Plus(l.h.Stats())
	return &HealthInfo{Checks: s.Checks, Isolated: s.Isolated, BypassLinks: s.BypassLinks, Revived: l.revived}
}
