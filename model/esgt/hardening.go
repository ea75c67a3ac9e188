package esgt

import (
	"github.com/esgtsim/esgtsim/clock"
)

// tokenBucket is the hardening's frequency limiter: rate tokens per second,
// at most one second's worth stored (never less than one token). A zero
// rate disables it. Who spends a token is the coordinator's choice (see
// [TokenCharge]).
type tokenBucket struct {
	rate     float64
	capacity float64
	tokens   float64
	at       clock.Time
}

func newTokenBucket(rate float64) tokenBucket {
	capacity := max(rate, 1)
	return tokenBucket{rate: rate, capacity: capacity, tokens: capacity}
}

// available refills the bucket up to now and reports whether a token is
// there.
func (b *tokenBucket) available(now clock.Time) bool {
	if b.rate == 0 {
		return true
	}
	if now > b.at {
		b.tokens = min(b.capacity, b.tokens+float64(now.Sub(b.at).Seconds()*b.rate))
		b.at = now
	}
	return b.tokens >= 1
}

// take consumes one token; available must have returned true.
func (b *tokenBucket) take() {
	if b.rate != 0 {
		b.tokens--
	}
}

type breakerState uint8

const (
	breakerClosed breakerState = iota
	breakerOpen
	breakerHalfOpen
)

// breaker is the ignition circuit breaker. With Consecutive counting,
// threshold consecutive failed ignitions open it; after cooldown it is
// half-open and admits one trial, whose success closes it and whose failure
// opens it again. With Total counting it is the original's class (see
// [Total]). A zero threshold disables it.
type breaker struct {
	threshold   int
	cooldown    clock.Duration
	counting    BreakerCounting
	state       breakerState
	failures    int
	openedAt    clock.Time // Consecutive: when it opened
	lastFailure clock.Time // Total: the latest failure, in any state
	trial       bool       // Consecutive: the half-open trial is in flight
}

// blocks reports whether a request arriving at now is refused.
func (b *breaker) blocks(now clock.Time) bool {
	if b.counting == Total {
		if b.state == breakerOpen {
			if now.Sub(b.lastFailure) <= b.cooldown {
				return true
			}
			b.state = breakerHalfOpen
		}
		return false
	}
	switch b.state {
	case breakerOpen:
		if now.Sub(b.openedAt) < b.cooldown {
			return true
		}
		b.state = breakerHalfOpen
		return b.trial
	case breakerHalfOpen:
		return b.trial
	}
	return false
}

// admitted notes that a request passed the gate.
func (b *breaker) admitted() {
	if b.state == breakerHalfOpen && b.counting == Consecutive {
		b.trial = true
	}
}

// result records how an admitted ignition ended.
func (b *breaker) result(now clock.Time, ok bool) {
	if b.threshold == 0 {
		return
	}
	if b.counting == Total {
		b.resultTotal(now, ok)
		return
	}
	b.trial = false
	if ok {
		b.state, b.failures = breakerClosed, 0
		return
	}
	b.failures++
	if b.state == breakerHalfOpen || b.failures >= b.threshold {
		b.state, b.openedAt = breakerOpen, now
	}
}

// resultTotal is result for the original's class: a success matters only
// while half-open; every failure counts and restarts the open timer.
func (b *breaker) resultTotal(now clock.Time, ok bool) {
	if ok {
		if b.state == breakerHalfOpen {
			b.state, b.failures = breakerClosed, 0
		}
		return
	}
	b.failures++
	b.lastFailure = now
	if b.failures >= b.threshold {
		b.state = breakerOpen
	}
}

// abandoned records an admitted ignition that ended for reasons of its own
// (the coordinator stopped): a half-open trial may be tried again.
func (b *breaker) abandoned() { b.trial = false }

// degradedMode tracks the peak coherence of recent synchronisation
// attempts: the last window attempts that started within the horizon. It
// switches degraded mode on when their mean falls below enter and off when
// it reaches exit again, or when fewer than minSamples recent attempts
// remain: degraded mode refuses most requests, so without the horizon it
// could never see the new attempts it needs to end.
type degradedMode struct {
	on         bool
	at         []clock.Time // ring buffer of attempt times
	peaks      []float64    // and their peak coherence
	next, seen int
	minSamples int
	enter      float64
	exit       float64
	horizon    clock.Duration
}

func newDegradedMode(cfg Config) degradedMode {
	return degradedMode{
		at:         make([]clock.Time, cfg.DegradedWindow),
		peaks:      make([]float64, cfg.DegradedWindow),
		minSamples: max(cfg.DegradedMinSamples, 1),
		enter:      cfg.DegradedEnter,
		exit:       cfg.DegradedExit,
		horizon:    cfg.DegradedHorizon,
	}
}

// observe records one attempt's peak coherence at now.
func (d *degradedMode) observe(now clock.Time, peak float64) {
	if len(d.peaks) == 0 {
		return
	}
	d.at[d.next], d.peaks[d.next] = now, peak
	d.next = (d.next + 1) % len(d.peaks)
	d.seen = min(d.seen+1, len(d.peaks))
	d.evaluate(now)
}

// active reports whether degraded mode is on at now, letting old attempts
// expire first.
func (d *degradedMode) active(now clock.Time) bool {
	if d.on && d.horizon > 0 {
		d.evaluate(now)
	}
	return d.on
}

func (d *degradedMode) evaluate(now clock.Time) {
	var sum float64
	n := 0
	for i := range d.seen {
		if d.horizon == 0 || now.Sub(d.at[i]) < d.horizon {
			sum += d.peaks[i]
			n++
		}
	}
	if n < d.minSamples {
		d.on = false
		return
	}
	mean := sum / float64(n)
	switch {
	case !d.on && mean < d.enter:
		d.on = true
	case d.on && mean >= d.exit:
		d.on = false
	}
}
