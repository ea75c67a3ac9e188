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

// String returns the counting's name as used in configuration.
func (b BreakerCounting) String() string {
	switch b {
	case Consecutive:
		return "consecutive"
	case Total:
		return "total"
	}
	return fmt.Sprintf("BreakerCounting(%d)", b)
}

// ParseBreakerCounting returns the counting called name.
func ParseBreakerCounting(name string) (BreakerCounting, error) {
	switch name {
	case "consecutive":
		return Consecutive, nil
	case "total":
		return Total, nil
	}
	return 0, fmt.Errorf("esgt: unknown breaker counting %q (want consecutive or total)", name)
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

// String returns the charge's name as used in configuration.
func (t TokenCharge) String() string {
	switch t {
	case ChargeAdmitted:
		return "admitted"
	case ChargeEveryCall:
		return "every_call"
	}
	return fmt.Sprintf("TokenCharge(%d)", t)
}

// ParseTokenCharge returns the charge called name.
func ParseTokenCharge(name string) (TokenCharge, error) {
	switch name {
	case "admitted":
		return ChargeAdmitted, nil
	case "every_call":
		return ChargeEveryCall, nil
	}
	return 0, fmt.Errorf("esgt: unknown token charge %q (want admitted or every_call)", name)
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

// String returns the counting's name as used in configuration.
func (f FrequencyCounting) String() string {
	switch f {
	case CountIgnitions:
		return "ignitions"
	case CountAttempts:
		return "attempts"
	}
	return fmt.Sprintf("FrequencyCounting(%d)", f)
}

// ParseFrequencyCounting returns the counting called name.
func ParseFrequencyCounting(name string) (FrequencyCounting, error) {
	switch name {
	case "ignitions":
		return CountIgnitions, nil
	case "attempts":
		return CountAttempts, nil
	}
	return 0, fmt.Errorf("esgt: unknown frequency counting %q (want ignitions or attempts)", name)
}
