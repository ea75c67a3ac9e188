package plots

import (
	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/esgt"
)

// keptCurves is how many coherence histories are kept from the start of a
// run, and again how many of the latest.
const keptCurves = 10

// maxCurvePoints bounds the samples kept of one coherence history; longer
// histories are decimated by a stride.
const maxCurvePoints = 1000

// maxMeanBins bounds the length of the mean coherence curve, in samples.
const maxMeanBins = 4096

// curve is the coherence history of one synchronisation attempt, from the
// start of SYNCHRONIZE.
type curve struct {
	id     uint64
	reason esgt.Reason
	synced bool
	sync   clock.Duration    // time to sync, if synced
	phases [4]clock.Duration // SYNCHRONIZE, BROADCAST, SUSTAIN, DISSOLVE
	t      []clock.Duration  // offsets from the start of SYNCHRONIZE
	r      []float64
}

// curves keeps the first keptCurves attempts, the latest keptCurves in a
// ring, and the running mean r(t) of every successful ignition, binned by
// offset from the start of SYNCHRONIZE.
type curves struct {
	first    []curve
	latest   [keptCurves]curve
	seen     uint64 // attempts offered
	meanStep clock.Duration
	meanSum  []float64
	meanN    []uint64
	okCount  uint64
}

func newCurves(meanStep clock.Duration) *curves {
	return &curves{meanStep: max(meanStep, 1)}
}

// add records the attempt o, which reached SYNCHRONIZE and has a history.
func (c *curves) add(o *esgt.Outcome) {
	h := o.History
	start := h[0].At
	if o.Reason == esgt.Success {
		c.okCount++
		for _, s := range h {
			k := int(s.At.Sub(start) / c.meanStep)
			if k >= maxMeanBins {
				break
			}
			if k >= len(c.meanSum) {
				c.meanSum = append(c.meanSum, make([]float64, k+1-len(c.meanSum))...)
				c.meanN = append(c.meanN, make([]uint64, k+1-len(c.meanN))...)
			}
			c.meanSum[k] += s.R
			c.meanN[k]++
		}
	}
	var dst *curve
	if len(c.first) < keptCurves {
		c.first = append(c.first, curve{})
		dst = &c.first[len(c.first)-1]
	} else {
		dst = &c.latest[(c.seen-keptCurves)%keptCurves]
	}
	c.seen++
	dst.id, dst.reason, dst.synced, dst.sync = o.ID, o.Reason, o.Synced, o.TimeToSync
	for i, p := range []esgt.Phase{esgt.Synchronize, esgt.Broadcast, esgt.Sustain, esgt.Dissolve} {
		dst.phases[i] = o.PhaseTime[p]
	}
	stride := (len(h) + maxCurvePoints - 1) / maxCurvePoints
	dst.t, dst.r = dst.t[:0], dst.r[:0]
	for i := 0; i < len(h); i += stride {
		dst.t = append(dst.t, h[i].At.Sub(start))
		dst.r = append(dst.r, h[i].R)
	}
	if last := len(h) - 1; last%stride != 0 {
		dst.t = append(dst.t, h[last].At.Sub(start))
		dst.r = append(dst.r, h[last].R)
	}
}

// kept returns the kept curves in the order of their attempts.
func (c *curves) kept() []*curve {
	var out []*curve
	for i := range c.first {
		out = append(out, &c.first[i])
	}
	if c.seen <= keptCurves {
		return out
	}
	n := min(c.seen-keptCurves, keptCurves)
	for i := range n {
		out = append(out, &c.latest[(c.seen-n+i)%keptCurves])
	}
	return out
}

// mean returns the mean r of successful ignitions per offset bin, as
// offsets and values; bins no ignition reached are left out.
func (c *curves) mean() ([]clock.Duration, []float64) {
	var ts []clock.Duration
	var rs []float64
	for k, n := range c.meanN {
		if n > 0 {
			ts = append(ts, clock.Duration(k)*c.meanStep)
			rs = append(rs, c.meanSum[k]/float64(n))
		}
	}
	return ts, rs
}
