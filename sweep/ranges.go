package sweep

import (
	"fmt"
	"math/big"
	"strings"
	"time"
)

// maxRangePart bounds the text of one range bound or step, so that exact
// decimal arithmetic stays cheap whatever the input.
const maxRangePart = 40

// ExpandRange expands "START:STOP:STEP" into START, START+STEP, ... up to
// and including STOP when a value lands on it exactly. STEP must be
// positive and START <= STOP. It refuses ranges of more than limit values
// before generating any.
//
// Numeric ranges (10:200:10, 0.1:0.5:0.1, -1:1:0.25) use plain decimals,
// without exponents, and are computed exactly in decimal, so no
// floating-point rounding can add or drop a value: 0.1:0.5:0.1 gives
// exactly 0.1, 0.2, 0.3, 0.4, 0.5. Every value is written with as many
// decimals as the most precise of START, STOP and STEP (0:1:0.25 gives
// 0.00, 0.25, 0.50, 0.75, 1.00); with none, values are integers.
//
// Duration ranges (10ms:200ms:10ms, 0:1s:250ms) use Go duration syntax and
// are computed exactly in nanoseconds. Values are written as a whole
// number of the smallest unit that appears in START, STOP or STEP when
// every value is a whole number of it (0:1s:250ms gives 0ms, 250ms, ...,
// 1000ms); otherwise in Go's duration format (1s:2s:0.5s gives 1s, 1.5s,
// 2s).
func ExpandRange(s string, limit int) ([]string, error) {
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return nil, fmt.Errorf("range %q: want START:STOP:STEP, e.g. 10:200:10, 0.1:0.5:0.1 or 10ms:200ms:10ms", s)
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
		if parts[i] == "" || len(parts[i]) > maxRangePart {
			return nil, fmt.Errorf("range %q: each of START, STOP and STEP must be 1 to %d characters", s, maxRangePart)
		}
	}
	if vals, ok, err := decimalRange(s, parts, limit); ok {
		return vals, err
	}
	if vals, ok, err := durationRange(s, parts, limit); ok {
		return vals, err
	}
	return nil, fmt.Errorf("range %q: START, STOP and STEP must all be decimal numbers (0.1:0.5:0.1) or all durations (10ms:200ms:10ms)", s)
}

// rangeCount returns how many values START:STOP:STEP has, given the
// span STOP-START and the step, or an error if it is empty, backwards or
// over limit.
func rangeCount(s string, span, step *big.Int, limit int) (int, error) {
	if step.Sign() <= 0 {
		return 0, fmt.Errorf("range %q: STEP must be positive", s)
	}
	if span.Sign() < 0 {
		return 0, fmt.Errorf("range %q: START is above STOP", s)
	}
	n := new(big.Int).Quo(span, step)
	if !n.IsInt64() || n.Int64() >= int64(limit) {
		return 0, fmt.Errorf("range %q has more than %d values", s, limit)
	}
	return int(n.Int64()) + 1, nil
}

// decimalRange expands a numeric range; ok is false if a part is not a
// plain decimal.
func decimalRange(s string, parts []string, limit int) (vals []string, ok bool, err error) {
	var nums [3]*big.Int
	var scales [3]int
	scale := 0
	for i, p := range parts {
		if nums[i], scales[i], ok = parseDecimal(p); !ok {
			return nil, false, nil
		}
		scale = max(scale, scales[i])
	}
	for i := range nums {
		nums[i].Mul(nums[i], pow10(scale-scales[i]))
	}
	start, stop, step := nums[0], nums[1], nums[2]
	n, err := rangeCount(s, new(big.Int).Sub(stop, start), step, limit)
	if err != nil {
		return nil, true, err
	}
	v := new(big.Int).Set(start)
	for range n {
		vals = append(vals, formatDecimal(v, scale))
		v.Add(v, step)
	}
	return vals, true, nil
}

// parseDecimal parses [+-]digits[.digits] into an unscaled integer and
// its number of decimals.
func parseDecimal(s string) (*big.Int, int, bool) {
	sign := ""
	if s[0] == '+' || s[0] == '-' {
		sign, s = s[:1], s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	if whole+frac == "" || strings.Trim(whole+frac, "0123456789") != "" {
		return nil, 0, false
	}
	n, ok := new(big.Int).SetString(strings.TrimPrefix(sign, "+")+whole+frac, 10)
	return n, len(frac), ok
}

func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// formatDecimal writes v/10^scale with exactly scale decimals.
func formatDecimal(v *big.Int, scale int) string {
	digits := new(big.Int).Abs(v).String()
	if scale == 0 {
		if v.Sign() < 0 {
			return "-" + digits
		}
		return digits
	}
	if len(digits) <= scale {
		digits = strings.Repeat("0", scale-len(digits)+1) + digits
	}
	out := digits[:len(digits)-scale] + "." + digits[len(digits)-scale:]
	if v.Sign() < 0 {
		out = "-" + out
	}
	return out
}

// durationUnits are Go's duration units, smallest first.
var durationUnits = []struct {
	name string
	d    time.Duration
}{
	{"ns", time.Nanosecond}, {"us", time.Microsecond}, {"µs", time.Microsecond}, {"μs", time.Microsecond},
	{"ms", time.Millisecond}, {"s", time.Second}, {"m", time.Minute}, {"h", time.Hour},
}

// durationRange expands a duration range; ok is false if a part is not a
// Go duration.
func durationRange(s string, parts []string, limit int) (vals []string, ok bool, err error) {
	var ds [3]time.Duration
	unit := -1
	for i, p := range parts {
		d, err := time.ParseDuration(p)
		if err != nil {
			return nil, false, nil
		}
		ds[i] = d
		if u := smallestUnit(p); u >= 0 && (unit < 0 || durationUnits[u].d < durationUnits[unit].d) {
			unit = u
		}
	}
	start, stop, step := ds[0], ds[1], ds[2]
	span := new(big.Int).Sub(big.NewInt(int64(stop)), big.NewInt(int64(start)))
	n, err := rangeCount(s, span, big.NewInt(int64(step)), limit)
	if err != nil {
		return nil, true, err
	}
	whole := unit >= 0 && start%durationUnits[unit].d == 0 && step%durationUnits[unit].d == 0
	for k := range n {
		v := start + time.Duration(k)*step
		if whole {
			name := durationUnits[unit].name
			if durationUnits[unit].d == time.Microsecond {
				name = "us"
			}
			vals = append(vals, fmt.Sprintf("%d%s", v/durationUnits[unit].d, name))
		} else {
			vals = append(vals, v.String())
		}
	}
	return vals, true, nil
}

// smallestUnit returns the index in durationUnits of the smallest unit
// written in a Go duration, or -1 if it has none ("0").
func smallestUnit(s string) int {
	best := -1
	for len(s) > 0 {
		i := strings.IndexFunc(s, func(r rune) bool { return !strings.ContainsRune("+-.0123456789", r) })
		if i < 0 {
			break
		}
		s = s[i:]
		j := strings.IndexAny(s, "+-.0123456789")
		if j < 0 {
			j = len(s)
		}
		for u, du := range durationUnits {
			if s[:j] == du.name && (best < 0 || du.d < durationUnits[best].d) {
				best = u
			}
		}
		s = s[j:]
	}
	return best
}
