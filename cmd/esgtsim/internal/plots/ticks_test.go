package plots

import (
	"slices"
	"testing"

	"gonum.org/v1/plot"
)

// tickLabels returns the labels of the labelled ticks.
func tickLabels(ticks []plot.Tick) []string {
	var out []string
	for _, t := range ticks {
		if t.Label != "" {
			out = append(out, t.Label)
		}
	}
	return out
}

func TestTicks(t *testing.T) {
	for _, tc := range []struct {
		name   string
		got    []string
		want   []string
		reason string
	}{
		{"fractions", tickLabels(linearTicks{}.Ticks(0, 1)), []string{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}, "no 0.6000000000000001"},
		{"negative zero", tickLabels(linearTicks{}.Ticks(-1, 1)), []string{"-1.0", "-0.5", "0.0", "0.5", "1.0"}, "0, not -0"},
		{"ms", tickLabels(linearTicks{}.Ticks(290, 570)), []string{"300", "350", "400", "450", "500", "550"}, "round steps"},
		{"counts", tickLabels(linearTicks{Integer: true}.Ticks(0, 2.5)), []string{"0", "1", "2"}, "no half requests"},
		{"log, few decades", tickLabels(logTicks{}.Ticks(1, 600)), []string{"1", "2", "5", "10", "20", "50", "100", "200", "500"}, "1-2-5 within three decades"},
		{"log, many decades", tickLabels(logTicks{}.Ticks(0.01, 1e4)), []string{"0.01", "0.1", "1", "10", "100", "1000", "10000"}, "decades only"},
		{"log, bad range", tickLabels(logTicks{}.Ticks(0, 10)), nil, "a log axis cannot start at 0: no ticks, no panic"},
		{"empty range", tickLabels(linearTicks{}.Ticks(1, 1)), nil, "nothing to mark"},
	} {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("%s: labels %q, want %q (%s)", tc.name, tc.got, tc.want, tc.reason)
		}
	}
}

func TestFormatting(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{formatCount(0), "0"},
		{formatCount(999), "999"},
		{formatCount(600000), "600,000"},
		{formatCount(1234567), "1,234,567"},
		{percent(598768, 600000), "99.79 %"},
		{percent(80, 100), "80 %"},
		{percent(100, 100), "100 %"},
		{percent(1, 300), "0.33 %"},
		{percent(0, 0), "0 %"},
		{formatMs(0), "0 ms"},
		{formatMs(471.00364), "471 ms"},
		{formatMs(12.345), "12.3 ms"},
		{formatMs(0.00364), "0.00364 ms"},
		{formatSeconds(0.05), "50.0 ms"},
		{formatSeconds(2), "2 s"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"svg", SVG, false}, {"PNG", PNG, false}, {"pdf", "", true}, {"", "", true},
	} {
		got, err := ParseFormat(tc.in)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("ParseFormat(%q) = %q, %v", tc.in, got, err)
		}
	}
	for _, tc := range []struct {
		path    string
		want    Format
		wantErr bool
	}{
		{"a/b.svg", SVG, false}, {"x.PNG", PNG, false}, {"x.pdf", "", true}, {"noext", "", true},
	} {
		got, err := FormatOf(tc.path)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("FormatOf(%q) = %q, %v", tc.path, got, err)
		}
	}
}
