package esgt

import "fmt"

// Salience scores how much a piece of content deserves global broadcast.
// Each component is in [0, 1].
type Salience struct {
	Novelty    float64
	Relevance  float64
	Urgency    float64
	Confidence float64 // the original's default is 1.0
}

// Total returns 0.25·novelty + 0.30·relevance + 0.30·urgency +
// 0.15·confidence.
func (s Salience) Total() float64 {
	return float64(float64(float64(0.25*s.Novelty)+float64(0.30*s.Relevance))+float64(0.30*s.Urgency)) + float64(0.15*s.Confidence)
}

// SalienceLevel is the band a total salience falls in.
type SalienceLevel uint8

// Salience levels: < 0.25 minimal, < 0.50 low, < 0.75 medium, < 0.85 high,
// otherwise critical.
const (
	Minimal SalienceLevel = iota
	Low
	Medium
	High
	Critical
)

// LevelOf returns the level of a total salience.
func LevelOf(total float64) SalienceLevel {
	switch {
	case total < 0.25:
		return Minimal
	case total < 0.50:
		return Low
	case total < 0.75:
		return Medium
	case total < 0.85:
		return High
	}
	return Critical
}

var levelNames = [...]string{"minimal", "low", "medium", "high", "critical"}

// String returns the level's name.
func (l SalienceLevel) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("SalienceLevel(%d)", l)
}
