package esgt

import "fmt"

// BreakerCounting says how the ignition circuit breaker counts failures.
type BreakerCounting uint8

// Breaker countings.
//
// Consecutive (the model's): threshold failed ignitions in a row open the
// breaker; after the cooldown it is half-open and admits one trial, whose
// success closes it and whose failure opens it again.
//
// Total (the original's CircuitBreaker class, revision 2025-11-15): every
// failure since the last reset counts, and a success resets the count only
// while half-open; the open state ends lazily, at the first request
// strictly more than the cooldown after the latest failure; a failure while
// open restarts that timer; half-open lets every request through, and its
// first failure reopens the breaker.
const (
	Consecutive BreakerCounting = iota
	Total
)

var breakerCountingNames = [...]string{Consecutive: "consecutive", Total: "total"}

// String returns the counting's name as used in configuration.
func (b BreakerCounting) String() string {
	if int(b) < len(breakerCountingNames) {
		return breakerCountingNames[b]
	}
	return fmt.Sprintf("BreakerCounting(%d)", b)
}

// TokenCharge says which requests spend a token of the frequency limiter.
type TokenCharge uint8

// Token charges. ChargeAdmitted (the model's): the limiter is checked after
// the breaker and only admitted requests spend a token, so rejected ones do
// not starve later ones. ChargeEveryCall (the original at 2025-11-15): the
// limiter is checked before every other gate, and every request that finds
// a token spends it, whether or not it is then admitted.
const (
	ChargeAdmitted TokenCharge = iota
	ChargeEveryCall
)

var tokenChargeNames = [...]string{ChargeAdmitted: "admitted", ChargeEveryCall: "every_call"}

// String returns the charge's name as used in configuration.
func (t TokenCharge) String() string {
	if int(t) < len(tokenChargeNames) {
		return tokenChargeNames[t]
	}
	return fmt.Sprintf("TokenCharge(%d)", t)
}

// FrequencyCounting says what the frequency gate (MaxFrequencyHz) counts
// in its sliding second.
type FrequencyCounting uint8

// Frequency countings. CountIgnitions (the model's): admitted requests.
// CountAttempts (the original at 2025-11-15, whose event history holds
// them): every request that reached the trigger checks, failed ones
// included.
const (
	CountIgnitions FrequencyCounting = iota
	CountAttempts
)

var frequencyCountingNames = [...]string{CountIgnitions: "ignitions", CountAttempts: "attempts"}

// String returns the counting's name as used in configuration.
func (f FrequencyCounting) String() string {
	if int(f) < len(frequencyCountingNames) {
		return frequencyCountingNames[f]
	}
	return fmt.Sprintf("FrequencyCounting(%d)", f)
}
