package sweep

import (
	"math"
	"strconv"
	"strings"

	"github.com/esgtsim/esgtsim/scenarios"
)

// Kind says how a column's text is written in JSON Lines.
type Kind int

const (
	// Int columns hold integers: a JSON number, or null when empty.
	Int Kind = iota
	// Float columns hold decimals in [FloatFormat]: a JSON number, or null.
	Float
	// Value columns hold parameter values as written: always a JSON string.
	Value
	// Text columns hold text (digest, error): a JSON string, or null when
	// empty.
	Text
)

// Column is one column of a sweep's rows.
type Column struct {
	Name string
	Kind Kind
}

// FloatDecimals is the number of decimals of every float column: floats
// are written as strconv.FormatFloat(v, 'f', 6, 64), the C format %.6f
// (nanosecond resolution for milliseconds), with negative zero written as
// 0.000000 and NaN or infinities as a missing value.
const FloatDecimals = 6

// Columns returns the columns of a sweep over params: cell, seed, one per
// param named by its path, then one per metric (nil: [DefaultMetrics]),
// then digest and error. Their order is part of the output format.
func Columns(params []Param, metrics []Metric) []Column {
	if metrics == nil {
		metrics = DefaultMetrics()
	}
	cols := []Column{{"cell", Int}, {"seed", Int}}
	for _, p := range params {
		cols = append(cols, Column{p.Path, Value})
	}
	for _, m := range metrics {
		cols = append(cols, Column{m.Name, m.Kind})
	}
	return append(cols, Column{"digest", Text}, Column{"error", Text})
}

// figureFields formats a run's figures: each metric, the digest and an
// empty error. Figures without a value (no request, no ignition, arousal
// disabled) are empty.
func figureFields(metrics []Metric, s *scenarios.Summary) []string {
	f := make([]string, 0, len(metrics)+2)
	for _, m := range metrics {
		f = append(f, m.Format(s))
	}
	return append(f, s.Digest, "")
}

// errorFields are the figures of a failed cell: all empty but the error.
func errorFields(metrics []Metric, err error) []string {
	f := make([]string, len(metrics)+2)
	f[len(f)-1] = oneLine(err.Error())
	return f
}

// formatFloat writes v in the FloatDecimals format.
func formatFloat(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	s := strconv.FormatFloat(v, 'f', FloatDecimals, 64)
	if s[0] == '-' && strings.Trim(s, "-0.") == "" {
		return s[1:] // negative zero, or a tiny negative rounded to zero
	}
	return s
}

func formatUint(v uint64) string { return strconv.FormatUint(v, 10) }

// oneLine makes text safe for one CSV or JSON Lines row: valid UTF-8,
// line breaks as "; " and other control characters as spaces, so that
// every row is exactly one line.
func oneLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.NewReplacer("\r\n", "; ", "\n", "; ", "\r", "; ").Replace(s)
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}
