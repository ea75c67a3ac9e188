package configtag

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// Check returns why v is out of the bounds of the check tag checks ("must
// be in [0, 1]"), or "" when it is within them. Whatever the tag, a NaN or
// infinite number is refused ("must be finite"). A malformed tag is a
// programming error: Check panics.
func Check(checks string, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "must be finite"
	}
	for _, c := range strings.Split(checks, ",") {
		switch {
		case c == "":
		case c == "prob":
			if v < 0 || v > 1 {
				return "must be in [0, 1]"
			}
		case c == "pos":
			if v <= 0 {
				return "must be > 0"
			}
		case c == "nonneg":
			if v < 0 {
				return "must be >= 0"
			}
		case strings.HasPrefix(c, "min="):
			if v < limit(c) {
				return "must be >= " + c[4:]
			}
		case strings.HasPrefix(c, "max="):
			if v > limit(c) {
				return "must be <= " + c[4:]
			}
		default:
			panic("configtag: unknown check " + c)
		}
	}
	return ""
}

// limit returns the N of a "min=N" or "max=N" check.
func limit(c string) float64 {
	n, err := strconv.ParseFloat(c[4:], 64)
	if err != nil {
		panic("configtag: bad check tag " + c)
	}
	return n
}

// Describe states the check tag checks in words, as a key reference
// shows it: "> 0", "[0, 1]", "(0, 1]" (pos and prob together), "> 0, <=
// 100000".
func Describe(checks string) string {
	var out []string
	tags := strings.Split(checks, ",")
	for _, c := range tags {
		switch {
		case c == "pos" && slices.Contains(tags, "prob"):
		case c == "pos":
			out = append(out, "> 0")
		case c == "nonneg":
			out = append(out, ">= 0")
		case c == "prob" && slices.Contains(tags, "pos"):
			out = append(out, "(0, 1]")
		case c == "prob":
			out = append(out, "[0, 1]")
		case strings.HasPrefix(c, "min="):
			out = append(out, ">= "+c[4:])
		case strings.HasPrefix(c, "max="):
			out = append(out, "<= "+c[4:])
		}
	}
	return strings.Join(out, ", ")
}
