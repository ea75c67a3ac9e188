package sweep

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/esgtsim/esgtsim/internal/strictoml"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/scenarios"
)

// Metric is one number a run yields: a column of a sweep's rows and a
// metric that compare and summarize work on. Names are the column names.
type Metric struct {
	Name  string
	Kind  Kind // Int or Float
	About string
	// value returns the metric, ok false when the run does not define it
	// (no request, no ignition, arousal disabled).
	value func(s *scenarios.Summary) (v float64, ok bool)
}

// Value returns the metric of run summary s; ok is false when the run does
// not define it.
func (m Metric) Value(s *scenarios.Summary) (v float64, ok bool) {
	v, ok = m.value(s)
	if ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
		return 0, false
	}
	return v, ok
}

// Format returns the metric of s as a sweep writes it: an integer, a
// decimal with FloatDecimals decimals, or empty when undefined.
func (m Metric) Format(s *scenarios.Summary) string {
	v, ok := m.Value(s)
	switch {
	case !ok:
		return ""
	case m.Kind == Int:
		return formatUint(uint64(v))
	}
	return formatFloat(v)
}

// DefaultMetrics returns the metrics of a sweep's default columns, in
// column order: the figures of every row but the digest and the error.
func DefaultMetrics() []Metric {
	out := make([]Metric, len(defaultMetricNames))
	for i, name := range defaultMetricNames {
		m, _ := LookupMetric(name)
		out[i] = m
	}
	return out
}

// defaultMetricNames are the figures every sweep row has; their order is
// part of the output format.
var defaultMetricNames = []string{
	"requests", "succeeded", "success_rate",
	"latency_mean_ms", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "latency_max_ms",
	"time_to_sync_p50_ms", "time_to_sync_p99_ms",
	"ignitions", "min_gap_ms", "refractory_rejections", "arousal_mean",
}

// AllMetrics returns every metric LookupMetric knows, the defaults first.
func AllMetrics() []Metric {
	out := DefaultMetrics()
	for _, m := range catalog {
		if !slices.Contains(defaultMetricNames, m.Name) {
			out = append(out, m)
		}
	}
	return out
}

// LookupMetric returns the metric called name, or an error listing the
// names it knows.
func LookupMetric(name string) (Metric, error) {
	for _, m := range catalog {
		if m.Name == name {
			return m, nil
		}
	}
	var names []string
	for _, m := range AllMetrics() {
		names = append(names, m.Name)
	}
	if best, ok := strictoml.Closest(name, names); ok {
		return Metric{}, fmt.Errorf("unknown metric %q (did you mean %s?)", name, best)
	}
	return Metric{}, fmt.Errorf("unknown metric %q; the metrics are %s", name, strings.Join(names, ", "))
}

// catalog is every metric, built once.
var catalog = buildCatalog()

func buildCatalog() []Metric {
	count := func(name, about string, f func(s *scenarios.Summary) uint64) Metric {
		return Metric{name, Int, about, func(s *scenarios.Summary) (float64, bool) { return float64(f(s)), true }}
	}
	quantiles := func(prefix, what string, q func(s *scenarios.Summary) scenarios.Quantiles, stats ...string) []Metric {
		var ms []Metric
		for _, st := range stats {
			pick := map[string]func(scenarios.Quantiles) float64{
				"mean": func(x scenarios.Quantiles) float64 { return x.Mean },
				"p50":  func(x scenarios.Quantiles) float64 { return x.P50 },
				"p90":  func(x scenarios.Quantiles) float64 { return x.P90 },
				"p95":  func(x scenarios.Quantiles) float64 { return x.P95 },
				"p99":  func(x scenarios.Quantiles) float64 { return x.P99 },
				"p999": func(x scenarios.Quantiles) float64 { return x.P999 },
				"max":  func(x scenarios.Quantiles) float64 { return x.Max },
			}[st]
			ms = append(ms, Metric{prefix + "_" + st + "_ms", Float, st + " of " + what,
				func(s *scenarios.Summary) (float64, bool) {
					x := q(s)
					return pick(x), x.Count > 0
				}})
		}
		return ms
	}
	all := []string{"mean", "p50", "p90", "p95", "p99", "p999", "max"}
	var c []Metric
	c = append(c,
		count("requests", "requests that arrived", func(s *scenarios.Summary) uint64 { return s.Requests.Total }),
		count("succeeded", "requests that ignited", func(s *scenarios.Summary) uint64 { return s.Requests.Succeeded }),
		Metric{"success_rate", Float, "succeeded / requests", func(s *scenarios.Summary) (float64, bool) {
			r := s.Requests
			return float64(r.Succeeded) / float64(r.Total), r.Total > 0
		}},
	)
	c = append(c, quantiles("latency", "the latency from arrival to outcome, every request",
		func(s *scenarios.Summary) scenarios.Quantiles { return s.LatencyMs }, all...)...)
	c = append(c, quantiles("success_latency", "the latency of successful requests",
		func(s *scenarios.Summary) scenarios.Quantiles { return s.SuccessLatencyMs }, all...)...)
	c = append(c, quantiles("time_to_sync", "the time to reach the target coherence, per ignition",
		func(s *scenarios.Summary) scenarios.Quantiles { return s.TimeToSyncMs }, all...)...)
	c = append(c, quantiles("interval", "the time between the starts of successive ignitions",
		func(s *scenarios.Summary) scenarios.Quantiles { return s.Ignitions.IntervalMs }, "mean", "p50", "p99")...)
	c = append(c,
		count("ignitions", "successful synchronisations", func(s *scenarios.Summary) uint64 { return s.Ignitions.Count }),
		count("attempts", "admitted requests", func(s *scenarios.Summary) uint64 { return s.Ignitions.Attempts }),
		Metric{"min_gap_ms", Float, "shortest time from the end of an ignition to the next attempt", func(s *scenarios.Summary) (float64, bool) {
			if g := s.Ignitions.MinGapMs; g != nil {
				return *g, true
			}
			return 0, false
		}},
		count("refractory_rejections", "requests refused within the refractory period", func(s *scenarios.Summary) uint64 { return s.Ignitions.RefractoryRejections }),
		count("max_in_flight", "most ignitions in flight at once", func(s *scenarios.Summary) uint64 { return uint64(s.Ignitions.MaxInFlight) }),
		Metric{"arousal_mean", Float, "mean arousal", func(s *scenarios.Summary) (float64, bool) {
			if a := s.Arousal; a != nil {
				return optional(a.Mean)
			}
			return 0, false
		}},
		Metric{"threshold_mean", Float, "mean salience threshold", func(s *scenarios.Summary) (float64, bool) {
			if a := s.Arousal; a != nil {
				return optional(a.ThresholdMean)
			}
			return 0, false
		}},
		Metric{"coherence_peak_mean", Float, "mean peak coherence r over attempts", func(s *scenarios.Summary) (float64, bool) {
			return optional(s.Coherence.PeakMean)
		}},
		Metric{"makespan_ms", Float, "first arrival to last outcome", func(s *scenarios.Summary) (float64, bool) {
			return optional(s.MakespanMs)
		}},
	)
	// The halves comparison: requests split by arrival time.
	c = append(c,
		Metric{"first_half_success_rate", Float, "success rate of the first half's requests", func(s *scenarios.Summary) (float64, bool) {
			return optional(s.Halves.FirstSuccessRate)
		}},
		Metric{"second_half_success_rate", Float, "success rate of the second half's requests", func(s *scenarios.Summary) (float64, bool) {
			return optional(s.Halves.SecondSuccessRate)
		}},
		Metric{"first_half_success_latency_ms", Float, "mean success latency, first half (empty without success)", func(s *scenarios.Summary) (float64, bool) {
			return optional(s.Halves.FirstSuccessMeanMs)
		}},
		Metric{"second_half_success_latency_ms", Float, "mean success latency, second half (empty without success)", func(s *scenarios.Summary) (float64, bool) {
			return optional(s.Halves.SecondSuccessMeanMs)
		}},
		Metric{"halves_latency_change", Float, "second half's mean success latency over the first's, minus 1", func(s *scenarios.Summary) (float64, bool) {
			return optional(s.Halves.Degradation)
		}},
	)
	// One count per failure reason.
	for _, r := range esgt.Reasons() {
		if r == esgt.Success {
			continue
		}
		name := r.String()
		c = append(c, count("failed_"+name, "requests that failed with reason "+name,
			func(s *scenarios.Summary) uint64 { return s.Requests.Failed[name] }))
	}
	return c
}

// ParseColumns parses --columns: comma-separated metric names, written in
// that order. "default" stands for the default figures and "failed_*" for
// one count per failure reason, less those already named; digest and
// error always come last and are not named. A name given twice is an
// error.
func ParseColumns(spec string) ([]string, error) {
	var out []string
	add := func(name string) error {
		if slices.Contains(out, name) {
			return fmt.Errorf("--columns: %s given twice", name)
		}
		out = append(out, name)
		return nil
	}
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		var names []string
		switch item {
		case "":
			continue
		case "default":
			names = defaultMetricNames
		case "failed_*":
			for _, m := range catalog {
				if strings.HasPrefix(m.Name, "failed_") {
					names = append(names, m.Name)
				}
			}
		case "digest", "error", "cell", "seed":
			return nil, fmt.Errorf("--columns: %s is always written; name only figures", item)
		default:
			if _, err := LookupMetric(item); err != nil {
				return nil, fmt.Errorf("--columns: %w", err)
			}
			names = []string{item}
		}
		for _, n := range names {
			if len(names) > 1 && slices.Contains(out, n) {
				continue // a pattern does not repeat a name given before
			}
			if err := add(n); err != nil {
				return nil, err
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--columns names no figure")
	}
	return out, nil
}

// optional reads a statistic that an empty sample does not have (nil).
func optional(v *float64) (float64, bool) {
	if v == nil {
		return 0, false
	}
	return *v, true
}
