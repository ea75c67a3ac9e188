package esgt

import (
	"github.com/esgtsim/esgtsim/clock"
)

// gate checks a request arriving at now with total salience against every
// admission condition in the documented order. On success it returns the
// nodes to recruit (a scratch slice valid until the next call).
func (c *Coordinator) gate(now clock.Time, total float64) ([]int32, Reason) {
	cfg := &c.cfg
	if !c.running {
		return nil, Stopped
	}
	if cfg.TokenCharge == ChargeEveryCall {
		if !c.tokens.available(now) {
			return nil, RateLimited
		}
		c.tokens.take()
	}
	if c.breaker.blocks(now) {
		return nil, CircuitOpen
	}
	if cfg.TokenCharge == ChargeAdmitted && !c.tokens.available(now) {
		return nil, RateLimited
	}
	degraded := c.degraded.active(now)
	limit := cfg.MaxConcurrent
	if degraded {
		limit = 1
	}
	if limit > 0 && len(c.inFlight) >= limit {
		return nil, MaxConcurrent
	}
	if degraded && total < cfg.DegradedMinSalience {
		return nil, DegradedSalience
	}
	if reason := c.triggers(now, total); reason != Success {
		if cfg.FrequencyCounts == CountAttempts {
			c.starts = append(c.starts, now)
		}
		return nil, reason
	}
	nodes := c.recruit()
	if len(nodes) < cfg.MinAvailableNodes {
		if cfg.FrequencyCounts == CountAttempts {
			c.starts = append(c.starts, now)
		}
		return nil, InsufficientNodes
	}
	return nodes, Success
}

// triggers checks the original's trigger conditions in its order:
// salience, resources, refractory period, frequency and arousal.
func (c *Coordinator) triggers(now clock.Time, total float64) Reason {
	cfg := &c.cfg
	if total < c.minSalience {
		return LowSalience
	}
	if !c.resourcesOK() {
		return Resources
	}
	if c.hasEnded && now.Sub(c.lastEnd) < cfg.RefractoryPeriod {
		return Refractory
	}
	if cfg.MaxFrequencyHz > 0 && float64(c.startedInLastSecond(now)) >= cfg.MaxFrequencyHz {
		return Frequency
	}
	if c.Arousal() < cfg.MinArousal {
		return LowArousal
	}
	return Success
}

// resourcesOK checks the live fabric and the CPU capacity. A zero
// MaxMeanLatency disables the latency check.
func (c *Coordinator) resourcesOK() bool {
	if m := c.cfg.MaxMeanLatency; m > 0 && c.fab.MeanLinkLatency() > m {
		return false
	}
	if c.fab.HealthyCount() < c.cfg.MinAvailableNodes {
		return false
	}
	capacity := c.cfg.DefaultCPUCapacity
	if c.cpu != nil {
		capacity = c.cpu.CPUCapacity()
	}
	return capacity >= c.cfg.MinCPUCapacity
}

// startedInLastSecond counts admissions in (now − 1 s, now], and failed
// attempts too when the configuration counts them.
func (c *Coordinator) startedInLastSecond(now clock.Time) int {
	horizon := now.Add(-clock.Second)
	k := 0
	for k < len(c.starts) && c.starts[k] <= horizon {
		k++
	}
	if k > 0 {
		c.starts = append(c.starts[:0], c.starts[k:]...)
	}
	return len(c.starts)
}
