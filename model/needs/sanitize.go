package needs

import "math"

// sanitize makes raw safe to compute needs from and returns it with the
// number of invalid values it found. A NaN (where NaN does not mean unknown)
// or an infinity is replaced by the same field of last, the last good
// reading; a finite value outside its range is clamped. Each replaced or
// clamped value counts once. last is updated with every valid or clamped
// value, so it always holds finite in-range values.
func sanitize(raw Metrics, last *Metrics) (Metrics, int) {
	bad := 0
	for k := range numMetrics {
		v := raw.Get(k)
		lo, hi := k.Range()
		switch {
		case math.IsNaN(v) && k.AllowsUnknown():
			// not measured: valid, nothing to remember
		case math.IsNaN(v) || math.IsInf(v, 0):
			bad++
			raw.Set(k, last.Get(k))
		case v < lo || v > hi:
			bad++
			v = min(max(v, lo), hi)
			raw.Set(k, v)
			last.Set(k, v)
		default:
			last.Set(k, v)
		}
	}
	return raw, bad
}
