// Package clock defines virtual time for esgtsim: an integer count of
// nanoseconds since the start of a run.
//
// Time is an instant and Duration the distance between two instants; both are
// int64 nanoseconds, like [time.Duration], so scheduling never involves
// floating-point arithmetic and a run is reproducible bit for bit. Float
// seconds and milliseconds exist only for display and for converting
// configuration values, through [Seconds] and [Milliseconds], which round to
// the nearest nanosecond.
//
// The package imports only the standard library and never reads the wall
// clock.
package clock

import (
	"errors"
	"math"
	"time"
)

// Duration is a span of virtual time in nanoseconds.
type Duration int64

// Common durations.
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// MaxDuration is the longest representable duration (about 292 years).
const MaxDuration Duration = math.MaxInt64

// Time is an instant of virtual time: nanoseconds since the start of a run.
// The zero Time is the start of the run.
type Time int64

// MaxTime is the latest representable instant. Running until MaxTime means
// running until the event queue is empty.
const MaxTime Time = math.MaxInt64

// ErrOutOfRange reports a float value that cannot be represented as virtual
// time: NaN, infinite, or beyond ±292 years.
var ErrOutOfRange = errors.New("clock: value out of range")

// FromStd converts a [time.Duration] to a Duration.
func FromStd(d time.Duration) Duration { return Duration(d) }

// Std converts d to a [time.Duration].
func (d Duration) Std() time.Duration { return time.Duration(d) }

// Seconds returns d in seconds, for display and numeric models.
func (d Duration) Seconds() float64 { return float64(d) / float64(Second) }

// Milliseconds returns d in milliseconds as a float, for display.
func (d Duration) Milliseconds() float64 { return float64(d) / float64(Millisecond) }

// String formats d like [time.Duration]: "12.345ms", "10m0s".
func (d Duration) String() string { return time.Duration(d).String() }

// FromSeconds converts a float number of seconds to the nearest Duration,
// the inverse of [Duration.Seconds]. It returns [ErrOutOfRange] for NaN,
// infinities and values beyond the representable range.
func FromSeconds(s float64) (Duration, error) { return fromFloat(s, float64(Second)) }

// FromMilliseconds converts a float number of milliseconds to the nearest
// Duration, the inverse of [Duration.Milliseconds], with the same errors as
// [FromSeconds].
func FromMilliseconds(ms float64) (Duration, error) { return fromFloat(ms, float64(Millisecond)) }

func fromFloat(v, unit float64) (Duration, error) {
	ns := math.Round(v * unit)
	// 2^63 is exactly representable; anything at or beyond it overflows int64.
	if math.IsNaN(ns) || ns >= 1<<63 || ns < -(1<<63) {
		return 0, ErrOutOfRange
	}
	return Duration(ns), nil
}

// Add returns t+d. It saturates at [MaxTime] instead of wrapping around, so
// "run for a very long time" cannot turn into a time in the past.
func (t Time) Add(d Duration) Time {
	s := t + Time(d)
	if d > 0 && s < t {
		return MaxTime
	}
	return s
}

// Sub returns the duration t-u.
func (t Time) Sub(u Time) Duration { return Duration(t - u) }

// Before reports whether t is strictly before u.
func (t Time) Before(u Time) bool { return t < u }

// After reports whether t is strictly after u.
func (t Time) After(u Time) bool { return t > u }

// Seconds returns t in seconds since the start of the run, for display.
func (t Time) Seconds() float64 { return Duration(t).Seconds() }

// String formats t as the duration since the start of the run, e.g.
// "12.345ms"; [MaxTime] prints as "end".
func (t Time) String() string {
	if t == MaxTime {
		return "end"
	}
	return Duration(t).String()
}
