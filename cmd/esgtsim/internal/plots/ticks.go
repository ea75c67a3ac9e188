package plots

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// logTicks marks a log axis: every power of ten labelled, and 2 and 5 times
// it labelled too when the axis spans at most three decades; the other
// integers times a power of ten are unlabelled minor ticks.
type logTicks struct{}

// Ticks implements plot.Ticker.
func (logTicks) Ticks(lo, hi float64) []plot.Tick {
	if lo <= 0 || hi <= lo {
		return nil
	}
	few := hi/lo <= 1000
	var ticks []plot.Tick
	for p := math.Pow(10, math.Floor(math.Log10(lo))); p <= hi; p *= 10 {
		for m := 1.0; m < 10; m++ {
			v := m * p
			if v < lo*(1-1e-9) || v > hi*(1+1e-9) {
				continue
			}
			t := plot.Tick{Value: v}
			if m == 1 || few && (m == 2 || m == 5) {
				t.Label = formatNumber(v)
			}
			ticks = append(ticks, t)
		}
	}
	return ticks
}

// formatNumber formats v with at most 4 significant digits and no
// exponent for ordinary magnitudes.
func formatNumber(v float64) string {
	if v != 0 && (math.Abs(v) >= 1e6 || math.Abs(v) < 1e-3) {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// formatTick formats a tick value v on an axis whose labelled ticks are
// step apart, with just the decimals step needs (0.6, not
// 0.6000000000000001; 0, not -0).
func formatTick(v, step float64) string {
	if math.Abs(v) < step*1e-6 {
		v = 0
	}
	if math.Abs(v) >= 1e6 {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	decimals := max(0, int(-math.Floor(math.Log10(step)+1e-9)))
	return strconv.FormatFloat(v, 'f', decimals, 64)
}

// formatMs formats a duration in milliseconds for a label.
func formatMs(ms float64) string {
	switch {
	case ms == 0:
		return "0 ms"
	case ms >= 100:
		return strconv.FormatFloat(ms, 'f', 0, 64) + " ms"
	case ms >= 10:
		return strconv.FormatFloat(ms, 'f', 1, 64) + " ms"
	default:
		return strconv.FormatFloat(ms, 'g', 3, 64) + " ms"
	}
}

// formatCount formats a count with thousands separators: 600,000.
func formatCount(n uint64) string {
	s := strconv.FormatUint(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// percent formats part/whole as a percentage.
func percent(part, whole uint64) string {
	if whole == 0 {
		return "0 %"
	}
	p := 100 * float64(part) / float64(whole)
	switch {
	case part == whole || p == 0:
		return strconv.FormatFloat(p, 'f', 0, 64) + " %"
	case p >= 99:
		// Not "100 %" while some are missing.
		return strconv.FormatFloat(math.Min(p, 99.99), 'f', 2, 64) + " %"
	case p >= 10:
		return strconv.FormatFloat(p, 'f', 0, 64) + " %"
	}
	return strconv.FormatFloat(p, 'g', 2, 64) + " %"
}

// linearTicks marks a linear axis with about five to ten labelled ticks at
// round values (1, 2 or 5 times a power of ten apart) and unlabelled minor
// ticks between them; Integer keeps every tick on a whole number (counts).
type linearTicks struct{ Integer bool }

// Ticks implements plot.Ticker.
func (lt linearTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return nil
	}
	step := niceCeil((hi - lo) / 8)
	minor := step / 5
	if m := step / math.Pow(10, math.Floor(math.Log10(step))); math.Abs(m-2) < 1e-9 {
		minor = step / 4
	}
	if lt.Integer {
		step = math.Max(step, 1)
		if minor < 1 {
			minor = step
		}
	}
	var ticks []plot.Tick
	for k := math.Ceil(lo/minor - 1e-9); k*minor <= hi+minor*1e-9; k++ {
		v := k * minor
		t := plot.Tick{Value: v}
		if r := v / step; math.Abs(r-math.Round(r)) < 1e-6 {
			t.Label = formatTick(math.Round(r)*step, step)
		}
		ticks = append(ticks, t)
	}
	return ticks
}
