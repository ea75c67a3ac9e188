package scenarios

import (
	"context"
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/bridge"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/model/needs"
	"github.com/esgtsim/esgtsim/scenarios/spec"
	"github.com/esgtsim/esgtsim/sim"
)

// world is one scenario wired onto a simulator: the fabric, the
// coordinator, and, as the file enables them, the needs monitor, the
// arousal controller and the bridge, with the workloads and faults.
type world struct {
	ctx       context.Context // stops fabric generation, which can take seconds
	sc        *spec.Scenario
	sim       *sim.Sim
	fab       *fabric.Fabric
	fabricGen int
	coord     *esgt.Coordinator
	monitor   *needs.Monitor
	ctrl      *arousal.Controller
	rec       *recorder
	orig      *originalModels // nil unless [original] switches a model on
	health    *healthLoop     // nil unless [fabric.health] is enabled
	workloads []*workload
	err       error // the first error raised inside an event, which ends the run
}

// build wires sc for a run. Components start in a fixed order (monitor,
// controller, bridge, workloads) so that same-instant ticks run in that
// order.
func build(ctx context.Context, sc *spec.Scenario, rec *recorder, keepHistory bool) (*world, error) {
	w := &world{ctx: ctx, sc: sc, sim: sim.New(sc.Spec.Seed), rec: rec}
	fab, err := w.newFabric()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, sc.KeyError("fabric", err)
	}
	w.fab = fab
	cfg := sc.ESGTConfig()
	cfg.KeepHistory = keepHistory
	if w.coord, err = esgt.New(w.sim, fab, cfg); err != nil {
		return nil, sc.KeyError("triggers", err)
	}
	rec.attach(w)
	if err := w.startInteroception(); err != nil {
		return nil, err
	}
	w.orig = attachOriginal(w)
	if w.health, err = startHealth(w); err != nil {
		return nil, sc.KeyError("fabric.health", err)
	}
	for i := range sc.Spec.Workloads {
		wl := newWorkload(w, i)
		w.workloads = append(w.workloads, wl)
		wl.start()
	}
	if err := w.scheduleFaults(); err != nil {
		return nil, err
	}
	return w, nil
}

// newFabric generates the next fabric from its own stream: "fabric" for
// the first, "fabric/2", "fabric/3", ... for re-creations. A fabric read
// from an edge list keeps its topology and draws only the attributes the
// list does not give.
func (w *world) newFabric() (*fabric.Fabric, error) {
	w.fabricGen++
	name := "fabric"
	if w.fabricGen > 1 {
		name = fmt.Sprintf("fabric/%d", w.fabricGen)
	}
	f, err := fabric.New(w.sc.FabricConfig())
	if err != nil {
		return nil, err
	}
	if w.sc.EdgeList() != nil {
		err = f.InitializeFromEdges(w.sc.EdgeList(), w.sim.Stream(name))
	} else {
		err = f.InitializeContext(w.ctx, w.sim.Stream(name))
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// startInteroception starts the needs monitor, the arousal controller and
// the bridge that the file enables.
func (w *world) startInteroception() error {
	s := &w.sc.Spec
	var src arousal.NeedsSource
	if s.Needs.Enabled {
		var metrics needs.Source = w.sc.Profile()
		if s.Needs.LiveFabric {
			metrics = needs.FabricSource(metrics, liveFabric{w})
		}
		m, err := needs.NewMonitor(w.sc.MonitorConfig(), metrics)
		if err != nil {
			return w.sc.KeyError("needs", err)
		}
		w.monitor, src = m, m
		m.OnSample(w.rec.needsSampled)
		w.coord.SetCPUSource(cpuCapacity{m})
		if err := m.Start(w.sim); err != nil {
			return w.sc.KeyError("needs", err)
		}
	}
	if !s.Arousal.Enabled {
		return nil
	}
	ctrl, err := arousal.New(w.sc.ArousalConfig(), src)
	if err != nil {
		return w.sc.KeyError("arousal", err)
	}
	w.ctrl = ctrl
	ctrl.OnUpdate(w.rec.arousalUpdated)
	if err := ctrl.Start(w.sim); err != nil {
		return w.sc.KeyError("arousal", err)
	}
	if s.Bridge.Enabled {
		b, err := bridge.New(w.sc.BridgeConfig(), ctrl, w.coord)
		if err != nil {
			return w.sc.KeyError("bridge", err)
		}
		if err := b.Start(w.sim); err != nil {
			return w.sc.KeyError("bridge", err)
		}
	}
	return nil
}

// liveFabric lets the needs monitor read whichever fabric is current.
type liveFabric struct{ w *world }

func (l liveFabric) MeanLinkLatency() clock.Duration { return l.w.fab.MeanLinkLatency() }
func (l liveFabric) LossFraction() float64           { return l.w.fab.LossFraction() }

// cpuCapacity gives the coordinator 1 − CPU use from the latest sample.
type cpuCapacity struct{ m *needs.Monitor }

func (c cpuCapacity) CPUCapacity() float64 { return 1 - c.m.Metrics().CPUPercent/100 }

// scheduleFaults schedules every fault of the file. Link faults are
// checked against the generated fabric now, so a missing link is reported
// before the run rather than in the middle of it.
func (w *world) scheduleFaults() error {
	for i := range w.sc.Spec.Faults {
		f := &w.sc.Spec.Faults[i]
		p := fmt.Sprintf("fault[%d]", i)
		if f.Kind == "link_degrade" || f.Kind == "link_heal" {
			if _, err := w.fab.LinkBetween(f.Node, f.Peer); err != nil {
				return w.sc.KeyError(p, err)
			}
		}
		targets := f.Targets(w.sc.Spec.Fabric.Nodes)
		if f.Kind != "node_crash" && f.Kind != "node_recover" && f.Kind != "node_degrade" {
			targets = targets[:1]
		}
		for _, start := range f.Occurrences() {
			for k, node := range targets {
				at := start.Add(clock.Duration(k) * f.Every)
				if _, err := w.sim.Schedule(at, func() { w.applyFault(p, f, node) }); err != nil {
					return w.sc.KeyError(p+".at", err)
				}
			}
		}
	}
	return nil
}

// applyFault applies one fault now. A fault the model refuses (recovering
// a node that is not down, say) ends the run with the fault's position.
func (w *world) applyFault(p string, f *spec.FaultSpec, node int) {
	var err error
	switch f.Kind {
	case "node_crash":
		err = w.fab.CrashNode(node)
	case "node_recover":
		err = w.fab.RecoverNode(node)
	case "node_degrade":
		err = w.fab.DegradeNode(node)
	case "link_degrade":
		err = w.fab.DegradeLink(node, f.Peer, f.LatencyFactor, f.Loss)
	case "link_heal":
		err = w.fab.HealLink(node, f.Peer)
	case "coordinator_stop":
		w.coord.Stop()
	case "coordinator_start":
		w.coord.Start()
	case "fabric_recreate":
		var fab *fabric.Fabric
		if fab, err = w.newFabric(); err == nil {
			w.fab = fab
			w.coord.SetFabric(fab)
			if w.health != nil {
				w.health.follow(fab)
			}
			w.rec.fabricCycled(w.retained())
		}
	}
	if err != nil {
		w.fail(w.sc.KeyError(p, fmt.Errorf("at %v: %v", w.sim.Now(), err)))
		return
	}
	w.rec.faultApplied(f.Kind, node, f.Peer)
}

// fail records the first error raised inside an event and stops the run.
func (w *world) fail(err error) {
	if w.err == nil {
		w.err = err
	}
	w.sim.Stop()
}
