package needs

import (
	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
	"github.com/esgtsim/esgtsim/sim"
)

// MonitorConfig configures a [Monitor]. The tags name the keys of a
// scenario's [needs] table: interval, and the formula's [needs.params].
type MonitorConfig struct {
	Sampling
	Params Params `toml:"params"`
}

// Sampling is how often a [Monitor] samples. It is a struct of its own so
// that a scenario's [needs] table can hold it inline, its key first,
// apart from [needs.params].
type Sampling struct {
	Interval clock.Duration `toml:"interval" check:"pos" doc:"time between samples of the metrics"`
}

// DefaultMonitorConfig returns docs/model.md §5's monitor: a sample every 100 ms
// through the default formula.
func DefaultMonitorConfig() MonitorConfig {
	return MonitorConfig{Sampling: Sampling{Interval: 100 * clock.Millisecond}, Params: DefaultParams()}
}

// Validate reports the first parameter out of the bounds of its tag
// ([param.Check]) as a [*param.FieldError] naming its key ("interval",
// "params.cpu_weight").
func (c MonitorConfig) Validate() error { return param.Check(c) }

// Monitor samples a [Source] periodically in virtual time and turns each
// sample into [Needs]. It is MMEI's internal state monitor; the arousal
// controller reads [Monitor.Needs].
//
// Each sample is sanitised before use (see the package documentation):
// invalid values are replaced by the last good value or clamped, and
// counted by [Monitor.Warnings]; [Monitor.Metrics] returns the sanitised
// metrics. A Monitor belongs to one simulation and is not safe for
// concurrent use.
type Monitor struct {
	cfg      MonitorConfig
	src      Source
	ticker   *sim.Ticker
	metrics  Metrics // latest sanitised sample
	lastGood Metrics // per-field last valid value, for NaN replacement
	needs    Needs
	samples  int
	warnings int
	onSample []func(now clock.Time, metrics Metrics, needs Needs)
}

// NewMonitor returns a monitor that will sample src. It returns a
// [*param.FieldError] if cfg or src's own configuration (a [*Profile], say) is
// invalid, and [ErrNilSource] if src is nil.
func NewMonitor(cfg MonitorConfig, src Source) (*Monitor, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if src == nil {
		return nil, ErrNilSource
	}
	if v, ok := src.(validator); ok {
		if err := v.Validate(); err != nil {
			return nil, err
		}
	}
	return &Monitor{cfg: cfg, src: src, metrics: Unmeasured(), lastGood: Unmeasured()}, nil
}

// Start makes the monitor sample at s.Now(), then every Interval. It returns
// [ErrStarted] if the monitor is already running and [ErrNilSim] if s is
// nil. Start the monitor before
// the arousal controller so that, at instants where both tick, the
// controller reads the sample taken at that instant.
func (m *Monitor) Start(s *sim.Sim) error {
	if s == nil {
		return ErrNilSim
	}
	if m.ticker != nil && m.ticker.Active() {
		return ErrStarted
	}
	t, err := s.Every(s.Now(), m.cfg.Interval, m.sample)
	if err != nil {
		return err
	}
	m.ticker = t
	return nil
}

// Stop cancels future samples; the last needs stay readable. Stopping a
// monitor that is not running does nothing.
func (m *Monitor) Stop() {
	if m.ticker != nil {
		m.ticker.Stop()
	}
}

// sample is the monitor's tick. It allocates nothing.
func (m *Monitor) sample(now clock.Time) {
	clean, bad := sanitize(m.src.Sample(now), &m.lastGood)
	m.warnings += bad
	m.metrics = clean
	m.needs = m.cfg.Params.Compute(clean, m.needs.Curiosity)
	m.samples++
	for _, fn := range m.onSample {
		fn(now, m.metrics, m.needs)
	}
}

// Needs returns the needs computed from the latest sample (all zero before
// the first).
func (m *Monitor) Needs() Needs { return m.needs }

// Metrics returns the latest sanitised sample ([Unmeasured] before the
// first).
func (m *Monitor) Metrics() Metrics { return m.metrics }

// Samples returns the number of samples taken.
func (m *Monitor) Samples() int { return m.samples }

// Warnings returns the number of invalid metric values seen: each NaN or
// infinity replaced by a last good value, and each out-of-range value
// clamped, counts once.
func (m *Monitor) Warnings() int { return m.warnings }

// OnSample registers fn to run after every sample with the sample's time,
// its sanitised metrics and the resulting needs. Callbacks run in
// registration order; a nil fn is ignored.
func (m *Monitor) OnSample(fn func(now clock.Time, metrics Metrics, needs Needs)) {
	if fn != nil {
		m.onSample = append(m.onSample, fn)
	}
}
