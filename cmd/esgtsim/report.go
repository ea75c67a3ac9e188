package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/esgtsim/esgtsim/scenarios"
)

// notAvailable stands in the text report for a statistic of an empty
// sample (null in JSON).
const notAvailable = "n/a"

// writeTextReport writes a run's report for people: outcomes, latency,
// refractory behaviour, coherence, arousal, probes and fabric. It holds no
// wall-clock figure, so it is byte-identical for the same seed; the speed
// goes to standard error.
func writeTextReport(w io.Writer, s *scenarios.Summary) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	line := func(format string, a ...any) { fmt.Fprintf(tw, format+"\n", a...) }
	pct := func(n, of uint64) string {
		if of == 0 {
			return notAvailable
		}
		return fmt.Sprintf("%.2f%%", 100*float64(n)/float64(of))
	}
	opt := func(format string, v *float64) string {
		if v == nil {
			return notAvailable
		}
		return fmt.Sprintf(format, *v)
	}
	optPct := func(v *float64) string {
		if v == nil {
			return notAvailable
		}
		return fmt.Sprintf("%.2f%%", 100**v)
	}
	complete := ""
	if !s.Complete {
		complete = ", INCOMPLETE: stopped before the end"
	}
	line("scenario\t%s (seed %d, %.3f virtual s%s)", s.Scenario, s.Seed, s.VirtualSeconds, complete)
	revision := s.Model
	if len(s.Defects) > 0 {
		revision += "; its defects switched on: " + strings.Join(s.Defects, ", ")
	}
	if l := s.CouplingLeak; l != nil {
		revision += fmt.Sprintf(" (coupling %.4g -> %.4g rad/s)", l.Initial, l.Final)
	}
	line("model\t%s", revision)
	line("requests\t%d: %d succeeded (%s)", s.Requests.Total, s.Requests.Succeeded, pct(s.Requests.Succeeded, s.Requests.Total))
	reasons := make([]string, 0, len(s.Requests.Failed))
	for r := range s.Requests.Failed {
		reasons = append(reasons, r)
	}
	slices.SortFunc(reasons, func(a, b string) int {
		if d := int(s.Requests.Failed[b]) - int(s.Requests.Failed[a]); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for _, r := range reasons {
		line("  %s\t%d (%s)", r, s.Requests.Failed[r], pct(s.Requests.Failed[r], s.Requests.Total))
	}
	q := func(name string, x scenarios.Quantiles) {
		if x.Count == 0 {
			line("%s\t%s (n=0)", name, notAvailable)
			return
		}
		approx := ""
		if !x.Exact {
			approx = " (quantiles within 0.4%)"
		}
		line("%s\tmean %.3f  p50 %.3f  p90 %.3f  p95 %.3f  p99 %.3f  p99.9 %.3f  max %.3f ms (n=%d)%s",
			name, x.Mean, x.P50, x.P90, x.P95, x.P99, x.P999, x.Max, x.Count, approx)
	}
	q("latency, all", s.LatencyMs)
	q("latency, successes", s.SuccessLatencyMs)
	q("time to sync", s.TimeToSyncMs)
	ig := s.Ignitions
	gap := opt("%.3f ms", ig.MinGapMs)
	line("ignitions\t%d of %d attempts; min gap after an ignition %s; %d refractory rejections; at most %d in flight",
		ig.Count, ig.Attempts, gap, ig.RefractoryRejections, ig.MaxInFlight)
	q("  interval", ig.IntervalMs)
	if c := s.Coherence; c.Attempts > 0 {
		line("coherence\tpeak r mean %s (min %s) over %d attempts; %s above target per ignition",
			opt("%.3f", c.PeakMean), opt("%.3f", c.PeakMin), c.Attempts, opt("%.1f ms", c.TimeAboveMeanMs))
	}
	h := s.Halves
	line("halves\tsuccess %s then %s; success latency mean %s then %s",
		optPct(h.FirstSuccessRate), optPct(h.SecondSuccessRate), opt("%.3f ms", h.FirstSuccessMeanMs), opt("%.3f ms", h.SecondSuccessMeanMs))
	if a := s.Arousal; a != nil {
		line("arousal\tmean %s, range [%s, %s], final %.3f (%s), %d level changes, stress %.3f",
			opt("%.3f", a.Mean), opt("%.3f", a.Min), opt("%.3f", a.Max), a.Final, a.FinalLevel, a.LevelChanges, a.Stress)
		line("threshold\tmean %s, range [%s, %s]", opt("%.3f", a.ThresholdMean), opt("%.3f", a.ThresholdMin), opt("%.3f", a.ThresholdMax))
	}
	if n := s.Needs; n != nil {
		line("needs\t%d samples; max rest %.3f repair %.3f connectivity %.3f; %d invalid metrics clamped", n.Samples, n.Max.Rest, n.Max.Repair, n.Max.Connectivity, n.Warnings)
	}
	if p := s.Probes; p != nil {
		q("modulation response", p.ModulationResponseMs)
		q("MMEI→MCEA pipeline", p.PipelineMs)
		q("end to end", p.EndToEndMs)
		if p.ModulationUnanswered+p.PipelineUnanswered+p.EndToEndUnanswered > 0 {
			line("  unanswered\tmodulation %d, pipeline %d, end to end %d", p.ModulationUnanswered, p.PipelineUnanswered, p.EndToEndUnanswered)
		}
	}
	if o := s.Original; o != nil {
		writeOriginal(line, o)
	}
	if h := s.Health; h != nil {
		line("health loop\t%d passes; %d nodes isolated, %d bypass links added, %d isolated nodes revived by ESGT mode", h.Checks, h.Isolated, h.BypassLinks, h.Revived)
	}
	f := s.Fabric
	line("fabric\t%d nodes, %d edges, clustering %.3f, path length %.3f, efficiency %.3f, algebraic connectivity %.3f",
		f.Nodes, f.Edges, f.Clustering, f.PathLength, f.Efficiency, f.AlgebraicConnectivity)
	if s.Faults > 0 || f.Recreations > 0 {
		line("faults\t%d applied, %d fabric re-creations, %d healthy nodes at the end", s.Faults, f.Recreations, f.FinalHealthy)
	}
	line("digest\t%s (%d trace records)", s.Digest, s.TraceRecords)
	tw.Flush()
}

// writeOriginal writes the figures of the [original] models.
func writeOriginal(line func(string, ...any), o *scenarios.OriginalInfo) {
	if t := o.MCEAThreshold; t != nil {
		line("MCEA threshold\tunclamped mean %.3f, range [%.3f, %.3f], above 1.0 at %d updates; the bridge's [%.3f, %.3f]",
			t.Mean, t.Min, t.Max, t.UpdatesAboveOne, t.BridgeMin, t.BridgeMax)
	}
	if u := o.Needs; u != nil {
		classes := []string{"satisfied", "low", "moderate", "high", "critical"}
		counts := make([]string, len(classes))
		for i, c := range classes {
			counts[i] = fmt.Sprintf("%s %d", c, u.MostUrgent[c])
		}
		line("most urgent need\t%s samples; %d with a critical need, %d with three or more", strings.Join(counts, ", "), u.CriticalSamples, u.OverflowSamples)
		types := []string{"REST", "REPAIR", "OPTIMIZE", "RESTORE", "EXPLORE", "LEARN"}
		created := make([]string, len(types))
		for i, g := range types {
			created[i] = fmt.Sprintf("%s %d", g, u.GoalsCreated[g])
		}
		line("goals\tcreated %s; %d satisfied, %d expired, %d active at the end (at most %d), %d samples at capacity",
			strings.Join(created, ", "), u.GoalsSatisfied, u.GoalsExpired, u.GoalsActive, u.GoalsMaxActive, u.AtCapacity)
	}
	if r := o.Resilience; r != nil {
		verdict := "failed"
		if r.Passed {
			verdict = "passed"
		}
		recovery := fmt.Sprintf("recovered in %.1f s", r.RecoverySeconds)
		if !r.Recovered {
			recovery = fmt.Sprintf("not recovered within %.1f s", r.RecoverySeconds)
		}
		line("resilience\tscore %.0f (%s): runaway %v, %s, arousal cv %.3f, from %.3f to peak %.3f over %d stress samples",
			r.Score, verdict, r.Runaway, recovery, r.ArousalCV, r.InitialArousal, r.PeakArousal, r.StressSamples)
	}
}
