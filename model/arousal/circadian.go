package arousal

import (
	"math"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/detmath"
)

// day is the length of a virtual day.
const day = 24 * clock.Hour

// CircadianTerm returns amplitude·sin(2π·hour/24 − π/2), computed as
// amplitude·sin(2π·(hour − 6)/24) so that the hours 0, 6 and 12 give
// exactly −amplitude, 0 and +amplitude. It uses [detmath.Sin], so it is
// bit-identical on every platform.
func CircadianTerm(amplitude, hour float64) float64 {
	return float64(amplitude * detmath.Sin(2*math.Pi*((hour-6)/24)))
}

// hourOfDay returns the virtual hour of day at t, in [0, 24): StartOfDay
// plus t, modulo a day, truncated to the hour if CircadianHourly is set.
func (c *Config) hourOfDay(t clock.Time) float64 {
	tod := (c.StartOfDay + clock.Duration(t)%day) % day // t >= 0: virtual time never goes back
	h := float64(tod) / float64(clock.Hour)
	if c.CircadianHourly {
		h = math.Floor(h)
	}
	return h
}

// circadian returns the circadian term at t, or 0 if it is disabled.
func (c *Config) circadian(t clock.Time) float64 {
	if !c.Circadian {
		return 0
	}
	return CircadianTerm(c.CircadianAmplitude, c.hourOfDay(t))
}
