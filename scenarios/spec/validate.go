package spec

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/needs"
)

// validate checks what the field tags cannot: enumerations, relations
// between fields, the model's own validation, and resource bounds. Every
// error names the file, line and key.
func (sc *Scenario) validate() error {
	s := &sc.Spec
	if !slices.Contains(Revisions(), s.Revision) {
		return sc.errorf("revision", "unknown revision %q (want %s)", s.Revision, strings.Join(Revisions(), " or "))
	}
	if s.Duration > maxDuration {
		return sc.errorf("duration", "%v exceeds the %v a run may simulate", s.Duration, maxDuration)
	}
	if key, d := sc.longestPhase(); d > maxDuration {
		return sc.errorf(key, "%v exceeds the %v a run may simulate", d, maxDuration)
	}
	if s.Fabric.Nodes > MaxNodes {
		return sc.errorf("fabric.nodes", "%d nodes exceed the limit of %d", s.Fabric.Nodes, MaxNodes)
	}
	if err := sc.loadEdges(); err != nil {
		return err
	}
	if err := sc.FabricConfig().Validate(); err != nil {
		return sc.modelError("fabric.", err)
	}
	if err := sc.ESGTConfig().Validate(); err != nil {
		return sc.modelError("", err)
	}
	if err := sc.ArousalConfig().Validate(); err != nil {
		return sc.modelError("arousal.", err)
	}
	if err := sc.validateNeeds(); err != nil {
		return err
	}
	if s.Bridge.Enabled {
		if !s.Arousal.Enabled {
			return sc.errorf("bridge.enabled", "the bridge needs [arousal] enabled = true")
		}
		if err := sc.BridgeConfig().Validate(); err != nil {
			return sc.modelError("bridge.", err)
		}
	}
	if err := sc.validateOriginal(); err != nil {
		return err
	}
	var requests float64
	for i := range s.Workloads {
		n, err := sc.validateWorkload(i)
		if err != nil {
			return err
		}
		requests += n
	}
	if requests > maxRequests {
		return sc.errorf("workload", "the workloads ask for about %.3g requests; a run may have at most %d", requests, maxRequests)
	}
	if key, ticks := sc.ticks(); ticks > maxTicks {
		return sc.errorf(key, "a %v run (%v with its last ignition) at this period needs about %.3g periodic events; a run may have at most %d", s.Duration, sc.Horizon(), ticks, maxTicks)
	}
	for i := range s.Faults {
		if err := sc.validateFault(i); err != nil {
			return err
		}
	}
	return sc.validateCriteria()
}

func (sc *Scenario) validateNeeds() error {
	n := &sc.Spec.Needs
	for i, ch := range n.Changes {
		p := fmt.Sprintf("needs.change[%d]", i)
		var k needs.Metric
		if err := k.UnmarshalText([]byte(ch.Metric)); err != nil {
			return sc.errorf(p+".metric", "%v", err)
		}
		if lo, hi := k.Range(); ch.Value < lo || (ch.Value > hi && !k.CappedAbove()) || math.IsNaN(ch.Value) {
			return sc.errorf(p+".value", "%v is outside %s's range [%v, %v]", ch.Value, ch.Metric, lo, hi)
		}
		switch ch.Kind {
		case "step":
		case "ramp":
			if ch.Until < ch.At {
				return sc.errorf(p+".until", "a ramp must end (%v) at or after it starts (%v)", ch.Until, ch.At)
			}
		case "spike":
			if ch.Duration <= 0 {
				return sc.errorf(p+".duration", "a spike needs a positive duration")
			}
		default:
			return sc.errorf(p+".kind", "unknown change kind %q (want step, ramp or spike)", ch.Kind)
		}
		if ch.Repeat > 1 && ch.Period <= 0 {
			return sc.errorf(p+".period", "a repeated change needs a positive period")
		}
		if last := ch.At + clock.Duration(ch.Repeat-1)*ch.Period; last > sc.Spec.Duration {
			return sc.errorf(p+".at", "the last occurrence, at %v, is after the end of the run (%v)", last, sc.Spec.Duration)
		}
		if ch.Probe && !sc.Spec.Arousal.Enabled {
			return sc.errorf(p+".probe", "probes measure arousal: [arousal] must be enabled")
		}
	}
	if err := sc.Profile().Validate(); err != nil {
		return sc.modelError("needs.", err)
	}
	if err := sc.MonitorConfig().Validate(); err != nil {
		return sc.modelError("needs.", err)
	}
	return nil
}

// validateWorkload checks workload i and returns about how many items it
// will issue, for the resource bound.
func (sc *Scenario) validateWorkload(i int) (float64, error) {
	w := &sc.Spec.Workloads[i]
	p := fmt.Sprintf("workload[%d]", i)
	if w.Stop == 0 {
		w.Stop = sc.Spec.Duration
	}
	if w.Stop > sc.Spec.Duration {
		return 0, sc.errorf(p+".stop", "%v is after the end of the run (%v)", w.Stop, sc.Spec.Duration)
	}
	if w.Start > w.Stop {
		return 0, sc.errorf(p+".start", "start %v is after stop %v", w.Start, w.Stop)
	}
	span := (w.Stop - w.Start).Seconds()
	limit := func(n float64) float64 {
		if w.Count > 0 {
			return min(n, float64(w.Count))
		}
		return n
	}
	needRate := func() error {
		if w.RateHz <= 0 {
			return sc.errorf(p+".rate_hz", "a %s workload needs rate_hz > 0", w.Kind)
		}
		return nil
	}
	var n float64
	switch w.Kind {
	case "constant", "poisson":
		if err := needRate(); err != nil {
			return 0, err
		}
		n = limit(w.RateHz * span)
	case "burst":
		if w.Size <= 0 {
			return 0, sc.errorf(p+".size", "a burst needs size > 0")
		}
		n = float64(w.Size)
	case "batches":
		if w.Size <= 0 || w.Batches <= 0 || w.Every <= 0 {
			return 0, sc.errorf(p, "batches need size, batches and every, all positive")
		}
		n = limit(float64(w.Size) * float64(w.Batches))
	case "closed_loop":
		if w.RateHz == 0 && w.Count == 0 {
			return 0, sc.errorf(p+".count", "an unpaced closed loop (rate_hz = 0) needs a count: rejections are immediate, so it would never leave its first instant")
		}
		n = limit(w.RateHz * span)
	case "list":
		if len(w.At) == 0 {
			return 0, sc.errorf(p+".at", "a list workload needs at least one instant in at")
		}
		for j, at := range w.At {
			if at > sc.Spec.Duration {
				return 0, sc.errorf(fmt.Sprintf("%s.at[%d]", p, j), "%v is after the end of the run (%v)", at, sc.Spec.Duration)
			}
		}
		n = float64(len(w.At))
	case "modulation":
		if !sc.Spec.Arousal.Enabled {
			return 0, sc.errorf(p+".kind", "modulation workloads need [arousal] enabled = true")
		}
		if (len(w.At) > 0) == (w.RateHz > 0) {
			return 0, sc.errorf(p, "a modulation workload needs either instants (at) or a rate (rate_hz), not both")
		}
		if w.Delta < -1 || w.Delta > 1 {
			return 0, sc.errorf(p+".delta", "%v is outside [-1, 1]", w.Delta)
		}
		n = limit(float64(max(w.Size, 1)) * (float64(w.RateHz*span) + float64(len(w.At))))
	default:
		return 0, sc.errorf(p+".kind", "unknown workload kind %q (want constant, poisson, burst, batches, closed_loop, list or modulation)", w.Kind)
	}
	if len(w.At) > 0 && w.Kind != "list" && w.Kind != "modulation" {
		return 0, sc.errorf(p+".at", "instants (at) are for list and modulation workloads, not %s", w.Kind)
	}
	if err := sc.onlyKeys(p, "kind", w.Kind+" workload", workloadKeys[w.Kind]); err != nil {
		return 0, err
	}
	if w.Kind != "modulation" {
		if err := sc.validateSalience(p+".salience", &w.Salience); err != nil {
			return 0, err
		}
		if err := sc.onlyKeys(p+".salience", "mode", "salience mode "+w.Salience.Mode, salienceKeys[w.Salience.Mode]); err != nil {
			return 0, err
		}
	}
	return n, nil
}

func (sc *Scenario) validateSalience(p string, s *SalienceSpec) error {
	switch s.Mode {
	case "fixed", "normal":
	case "cycle":
		if len(s.Pattern) == 0 {
			return sc.errorf(p+".pattern", "a cycle needs a non-empty pattern")
		}
	case "uniform":
		if s.Min > s.Max {
			return sc.errorf(p+".min", "min %v exceeds max %v", s.Min, s.Max)
		}
	default:
		return sc.errorf(p+".mode", "unknown salience mode %q (want fixed, cycle, uniform or normal)", s.Mode)
	}
	return nil
}

func (sc *Scenario) validateFault(i int) error {
	f := &sc.Spec.Faults[i]
	p := fmt.Sprintf("fault[%d]", i)
	nodes := sc.Spec.Fabric.Nodes
	if f.Repeat > 1 && f.Period <= 0 {
		return sc.errorf(p+".period", "a repeated fault needs a positive period")
	}
	if last := f.At + clock.Duration(f.Repeat-1)*f.Period; last > sc.Spec.Duration {
		return sc.errorf(p+".at", "the last occurrence, at %v, is after the end of the run (%v)", last, sc.Spec.Duration)
	}
	checkNode := func(key string, v int) error {
		if v >= nodes {
			return sc.errorf(p+"."+key, "node %d does not exist (the fabric has nodes 0..%d)", v, nodes-1)
		}
		return nil
	}
	switch f.Kind {
	case "node_crash", "node_recover", "node_degrade":
		if err := checkNode("node", f.Node); err != nil {
			return err
		}
		for j, v := range f.Nodes {
			if err := checkNode(fmt.Sprintf("nodes[%d]", j), v); err != nil {
				return err
			}
		}
		if n := len(f.Targets(nodes)); f.At+clock.Duration(f.Repeat-1)*f.Period+f.Every*clock.Duration(max(n-1, 0)) > sc.Spec.Duration {
			return sc.errorf(p+".every", "the last of %d nodes would be hit after the end of the run", n)
		}
	case "link_degrade", "link_heal":
		if err := checkNode("node", f.Node); err != nil {
			return err
		}
		if err := checkNode("peer", f.Peer); err != nil {
			return err
		}
		if f.Node == f.Peer {
			return sc.errorf(p+".peer", "a link joins two different nodes")
		}
	case "coordinator_stop", "coordinator_start", "fabric_recreate":
	default:
		return sc.errorf(p+".kind", "unknown fault kind %q (want node_crash, node_recover, node_degrade, link_degrade, link_heal, coordinator_stop, coordinator_start or fabric_recreate)", f.Kind)
	}
	return nil
}

// Targets returns the nodes a node fault hits, in order.
func (f *FaultSpec) Targets(nodes int) []int {
	switch {
	case f.AllNodes:
		all := make([]int, nodes)
		for i := range all {
			all[i] = i
		}
		return all
	case len(f.Nodes) > 0:
		return f.Nodes
	}
	return []int{f.Node}
}

// ticks estimates the periodic events of a run and names the key that
// contributes most: integration steps (as if ignitions filled the run),
// arousal and bridge updates, and needs samples.
func (sc *Scenario) ticks() (key string, total float64) {
	s := &sc.Spec
	type source struct {
		key    string
		on     bool
		period clock.Duration
	}
	most := 0.0
	horizon := sc.Horizon()
	for _, src := range []source{
		{"oscillator.step", true, s.Oscillator.Step},
		{"arousal.update_interval", s.Arousal.Enabled, s.Arousal.UpdateInterval},
		{"needs.interval", s.Needs.Enabled, s.Needs.Interval},
		{"bridge.interval", s.Bridge.Enabled, s.Bridge.Interval},
	} {
		if !src.on {
			continue
		}
		n := horizon.Seconds() / src.period.Seconds()
		total += n
		if n > most {
			key, most = src.key, n
		}
	}
	return key, total
}

// longestPhase returns the longest of the ignition's phase durations, the
// request overrides of SUSTAIN included, and its key. An ignition admitted
// just before the end of a run runs to its end, so each phase is bounded
// as the run's duration is.
func (sc *Scenario) longestPhase() (key string, d clock.Duration) {
	s := &sc.Spec
	key, d = "ignition.prepare_cost", s.Ignition.PrepareCost
	for _, p := range []struct {
		key string
		d   clock.Duration
	}{
		{"ignition.sync_timeout", s.Ignition.SyncTimeout},
		{"ignition.sustain", s.Ignition.SustainDuration},
		{"ignition.dissolve", s.Ignition.DissolveDuration},
	} {
		if p.d > d {
			key, d = p.key, p.d
		}
	}
	for i, w := range s.Workloads {
		if w.Sustain > d {
			key, d = fmt.Sprintf("workload[%d].sustain", i), w.Sustain
		}
	}
	return key, d
}

// Horizon returns the latest virtual time the run can reach: its
// duration, then the longest an ignition admitted at its end may still
// last (PREPARE, SYNCHRONIZE to its timeout, the longest SUSTAIN any
// request may ask for, and DISSOLVE).
func (sc *Scenario) Horizon() clock.Duration {
	s := &sc.Spec
	sustain := s.Ignition.SustainDuration
	for _, w := range s.Workloads {
		sustain = max(sustain, w.Sustain)
	}
	return s.Duration + s.Ignition.PrepareCost + s.Ignition.SyncTimeout + sustain + s.Ignition.DissolveDuration
}
