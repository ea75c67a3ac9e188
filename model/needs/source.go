package needs

import "github.com/esgtsim/esgtsim/clock"

// Source supplies physical metrics at a virtual time. A Source may return
// invalid values (NaN, infinities, values out of range); the [Monitor]
// sanitises them. A Source must be deterministic: the same calls in the
// same order return the same metrics.
type Source interface {
	Sample(now clock.Time) Metrics
}

// validator is implemented by sources that can check their configuration
// ([*Profile] and sources wrapping one); [NewMonitor] calls it.
type validator interface {
	Validate() error
}
