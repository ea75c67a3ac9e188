package clock

import (
	"errors"
	"math"
	"testing"
	"time"
)

func TestDurationString(t *testing.T) {
	for _, tc := range []struct {
		d    Duration
		want string
	}{
		{12345 * Microsecond, "12.345ms"},
		{10 * Minute, "10m0s"},
		{0, "0s"},
		{1500 * Nanosecond, "1.5µs"},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("Duration(%d).String() = %q, want %q", int64(tc.d), got, tc.want)
		}
	}
}

func TestTimeString(t *testing.T) {
	if got := Time(12345 * Microsecond).String(); got != "12.345ms" {
		t.Errorf("got %q", got)
	}
	if got := MaxTime.String(); got != "end" {
		t.Errorf("MaxTime.String() = %q, want end", got)
	}
}

func TestStdRoundTrip(t *testing.T) {
	d := 1234567 * Nanosecond
	if FromStd(d.Std()) != d || d.Std() != 1234567*time.Nanosecond {
		t.Fatal("Std/FromStd do not round-trip")
	}
}

func TestFloatConversions(t *testing.T) {
	for _, tc := range []struct {
		name string
		conv func(float64) (Duration, error)
		in   float64
		want Duration
	}{
		{"seconds", FromSeconds, 0.005, 5 * Millisecond},
		{"seconds rounds to nearest ns", FromSeconds, 1.0000000004, Second},
		{"milliseconds", FromMilliseconds, 200, 200 * Millisecond},
		{"negative", FromMilliseconds, -1.5, -1500 * Microsecond},
	} {
		got, err := tc.conv(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("%s: (%v) = %v, %v; want %v", tc.name, tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e11} {
		if _, err := FromSeconds(bad); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("FromSeconds(%v) error = %v, want ErrOutOfRange", bad, err)
		}
	}
}

func TestAddSaturates(t *testing.T) {
	if got := Time(MaxTime - 5).Add(10); got != MaxTime {
		t.Errorf("Add overflowed to %d", int64(got))
	}
	if got := Time(10).Add(-3); got != 7 {
		t.Errorf("Add(-3) = %d", int64(got))
	}
	if Time(5).Sub(Time(2)) != 3 || !Time(1).Before(2) || !Time(2).After(1) {
		t.Error("Sub/Before/After inconsistent")
	}
}

func TestSecondsDisplay(t *testing.T) {
	if got := (1500 * Millisecond).Seconds(); got != 1.5 {
		t.Errorf("Seconds() = %v", got)
	}
	if got := Time(2 * Second).Seconds(); got != 2 {
		t.Errorf("Time.Seconds() = %v", got)
	}
	if got := (2500 * Microsecond).Milliseconds(); got != 2.5 {
		t.Errorf("Milliseconds() = %v", got)
	}
}
