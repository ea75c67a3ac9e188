package spec

import (
	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/fabric"
)

// HealthSpec is [fabric.health], the original's TIG health loop (its
// revision of 2025-11-15), off by default: every interval, a node not
// heard from for more than timeout is isolated (set offline) and, with
// repair, its neighbours are linked into a clique by bypass links, which
// carry ignitions' coupling and broadcasts but do not appear in the
// metrics. A node is heard from when an ignition's broadcast reaches it,
// at the time of that broadcast; an isolated node is never heard from
// again. With esgt_mode_revives, as
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
