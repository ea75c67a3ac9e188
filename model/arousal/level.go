package arousal

import "fmt"

// Level is a named band of arousal (docs/model.md §4).
type Level uint8

// The levels, from least to most aroused. Each band includes its upper
// bound: Sleep is [0, 0.2], Drowsy (0.2, 0.4], Relaxed (0.4, 0.6], Alert
// (0.6, 0.8] and Hyperalert (0.8, 1].
const (
	Sleep Level = iota
	Drowsy
	Relaxed
	Alert
	Hyperalert
)

var levelNames = [...]string{"sleep", "drowsy", "relaxed", "alert", "hyperalert"}

// String returns the level's lower-case name, e.g. "relaxed".
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", uint8(l))
}

// Classify returns the level of arousal a, with inclusive upper bounds:
// 0.2 is Sleep and 0.2000001 Drowsy. Values below 0 are Sleep, above 1
// Hyperalert, and NaN is Sleep.
func Classify(a float64) Level {
	switch {
	case !(a > 0.2):
		return Sleep
	case a <= 0.4:
		return Drowsy
	case a <= 0.6:
		return Relaxed
	case a <= 0.8:
		return Alert
	}
	return Hyperalert
}
