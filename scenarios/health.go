package scenarios

import (
	"math/rand/v2"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/fabric"
)

// HealthSpec is [fabric.health], the original's TIG health loop (its
// revision of 2025-11-15), off by default: every interval, a node not
// heard from for more than timeout is isolated (set offline) and, with
// repair, its neighbours are linked into a clique by bypass links, which
// carry ignitions' coupling and broadcasts but do not appear in the
// metrics. A node is heard from when an ignition's broadcast reaches it;
// an isolated node is never heard from again. With esgt_mode_revives, as
// in the original, entering ESGT mode sets isolated nodes back to health
// (and recruitable) while they stay isolated.
type HealthSpec struct {
	Enabled         bool           `toml:"enabled" doc:"run the original's health loop"`
	Interval        clock.Duration `toml:"interval" check:"pos" doc:"time between health checks"`
	Timeout         clock.Duration `toml:"timeout" doc:"silence after which a node counts as dead"`
	Repair          bool           `toml:"repair" doc:"repair the topology around dead nodes"`
	ESGTModeRevives bool           `toml:"esgt_mode_revives" doc:"ESGT mode revives dead nodes, as the original's"`
}

// defaultHealthSpec is the original's loop, switched off.
func defaultHealthSpec() HealthSpec {
	c := fabric.DefaultHealthConfig()
	return HealthSpec{Interval: c.Interval, Timeout: c.Timeout, Repair: c.Repair, ESGTModeRevives: true}
}

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
	spec    HealthSpec
	h       *fabric.Health
	fab     *fabric.Fabric
	rng     *rand.Rand
	done    fabric.HealthStats // of fabrics replaced by fabric_recreate
	revived uint64
}

// startHealth starts the loop if the scenario enables it.
func startHealth(w *world) (*healthLoop, error) {
	spec := w.sc.Spec.Fabric.Health
	if !spec.Enabled {
		return nil, nil
	}
	l := &healthLoop{w: w, spec: spec, rng: w.sim.Stream("fabric/health")}
	w.coord.OnPhase(l.phase)
	if _, err := w.sim.Every(w.sim.Now().Add(spec.Interval), spec.Interval, l.check); err != nil {
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
