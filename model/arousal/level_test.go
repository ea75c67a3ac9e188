package arousal

import (
	"math"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		a    float64
		want Level
	}{
		{-0.1, Sleep},
		{0, Sleep},
		{0.2, Sleep},
		{0.2000001, Drowsy},
		{0.4, Drowsy},
		{0.4000001, Relaxed},
		{0.6, Relaxed},
		{0.6000001, Alert},
		{0.8, Alert},
		{0.8000001, Hyperalert},
		{1, Hyperalert},
		{math.NaN(), Sleep},
	}
	for _, tc := range tests {
		if got := Classify(tc.a); got != tc.want {
			t.Errorf("Classify(%v) = %v, want %v", tc.a, got, tc.want)
		}
	}
}

func TestLevelString(t *testing.T) {
	want := []string{"sleep", "drowsy", "relaxed", "alert", "hyperalert", "Level(5)"}
	for l := Sleep; l <= Hyperalert+1; l++ {
		if got := l.String(); got != want[l] {
			t.Errorf("Level(%d).String() = %q, want %q", uint8(l), got, want[l])
		}
	}
}
