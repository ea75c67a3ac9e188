package verdict

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Op is a comparison between an observed value and a bound.
type Op string

// The comparisons a criterion may use.
const (
	Less         Op = "<"
	LessEqual    Op = "<="
	Greater      Op = ">"
	GreaterEqual Op = ">="
	Equal        Op = "=="
)

// ops lists the comparisons, two-character ones first so that parsing an
// expression finds "<=" before "<".
var ops = []Op{LessEqual, GreaterEqual, Equal, Less, Greater}

// ParseOp returns the comparison written s.
func ParseOp(s string) (Op, error) {
	for _, o := range ops {
		if string(o) == s {
			return o, nil
		}
	}
	return "", fmt.Errorf("unknown comparison %q (want <, <=, >, >= or ==)", s)
}

// Holds reports whether observed op bound.
func (o Op) Holds(observed, bound float64) bool {
	switch o {
	case Less:
		return observed < bound
	case LessEqual:
		return observed <= bound
	case Greater:
		return observed > bound
	case GreaterEqual:
		return observed >= bound
	case Equal:
		return observed == bound
	}
	return false
}

// Tier says what a criterion decides.
type Tier string

const (
	// Asserted criteria decide the verdict (the original tests' asserts).
	Asserted Tier = "asserted"
	// Target criteria are reported, and judged only when asked for (the
	// original suite's stated targets).
	Target Tier = "target"
)

// ParseTier returns the tier named s; "" is Asserted.
func ParseTier(s string) (Tier, error) {
	switch Tier(s) {
	case "", Asserted:
		return Asserted, nil
	case Target:
		return Target, nil
	}
	return "", fmt.Errorf("unknown tier %q (want asserted or target)", s)
}

// Criterion is one bound on one metric of a run's report.
type Criterion struct {
	Name   string // as given, or "metric op value"
	Metric string // dotted path of a numeric field of the report
	Op     Op
	Value  float64 // in the metric's unit: milliseconds for *_ms metrics
	Tier   Tier
	// Why explains a criterion whose verdict needs context, such as a
	// bound the model cannot meet by its own rules; reports show it.
	Why string
}

// DefaultName returns the name a criterion gets when none is given:
// "metric op value", with " ms" for millisecond metrics.
func (c Criterion) DefaultName() string {
	return fmt.Sprintf("%s %s %s", c.Metric, c.Op, FormatValue(c.Metric, c.Value))
}

// Bound is a criterion's value as written in a scenario file: a number, or
// for millisecond metrics a duration string such as "100ms".
type Bound struct {
	Number   float64
	Duration string // the duration as written, "" for a number
}

// DecodeTOML accepts a finite number or a duration string.
func (b *Bound) DecodeTOML(raw any) error {
	switch x := raw.(type) {
	case int64:
		*b = Bound{Number: float64(x)}
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("want a finite number, got %v", x)
		}
		*b = Bound{Number: x}
	case string:
		d, err := time.ParseDuration(x)
		if err != nil {
			return fmt.Errorf("want a number or a duration such as \"100ms\", got %q", x)
		}
		*b = Bound{Number: float64(d) / float64(time.Millisecond), Duration: x}
	default:
		return fmt.Errorf("want a number or a duration string, got %T", raw)
	}
	return nil
}

// MarshalJSON writes the bound as it was written: the duration string, or
// the number.
func (b Bound) MarshalJSON() ([]byte, error) {
	if b.Duration != "" {
		return json.Marshal(b.Duration)
	}
	return json.Marshal(b.Number)
}

// Milliseconds reports whether metric is measured in milliseconds: its
// last path element, or the table holding it, ends in "_ms".
func Milliseconds(metric string) bool {
	parts := strings.Split(metric, ".")
	for _, p := range parts[max(len(parts)-2, 0):] {
		if strings.HasSuffix(p, "_ms") {
			return true
		}
	}
	return false
}

// Resolve checks a bound against its metric: a duration string is accepted
// only for millisecond metrics.
func (b Bound) Resolve(metric string) (float64, error) {
	if b.Duration != "" && !Milliseconds(metric) {
		return 0, fmt.Errorf("%s is not in milliseconds: give a number, not the duration %q", metric, b.Duration)
	}
	return b.Number, nil
}

// Parse reads a criterion written on one line, as on the command line:
// "latency_ms.p99<100ms", "requests.success_rate >= 0.95". It is asserted
// and named by its expression; s must still be checked against a Schema.
func Parse(s string) (Criterion, error) {
	for i := 0; i < len(s); i++ {
		for _, o := range ops {
			if strings.HasPrefix(s[i:], string(o)) {
				metric := strings.TrimSpace(s[:i])
				text := strings.TrimSpace(s[i+len(o):])
				if metric == "" {
					return Criterion{}, fmt.Errorf("%q: no metric before %s", s, o)
				}
				var b Bound
				if n, err := strconv.ParseFloat(text, 64); err == nil {
					err = b.DecodeTOML(n)
					if err != nil {
						return Criterion{}, fmt.Errorf("%q: %v", s, err)
					}
				} else if err := b.DecodeTOML(text); err != nil {
					return Criterion{}, fmt.Errorf("%q: %v", s, err)
				}
				v, err := b.Resolve(metric)
				if err != nil {
					return Criterion{}, fmt.Errorf("%q: %v", s, err)
				}
				c := Criterion{Metric: metric, Op: o, Value: v, Tier: Asserted}
				c.Name = c.DefaultName()
				return c, nil
			}
		}
	}
	return Criterion{}, fmt.Errorf("%q: want metric, a comparison (<, <=, >, >=, ==) and a value, e.g. latency_ms.p99<100ms", s)
}

// FormatValue formats v in metric's unit: "100 ms", "0.95".
func FormatValue(metric string, v float64) string {
	s := strconv.FormatFloat(v, 'g', 6, 64)
	if Milliseconds(metric) {
		return s + " ms"
	}
	return s
}
