package esgt

// Salience scores how much a piece of content deserves global broadcast.
// Each component is in [0, 1].
type Salience struct {
	Novelty    float64
	Relevance  float64
	Urgency    float64
	Confidence float64 // the original's default is 1.0
}

// Total returns 0.25·novelty + 0.30·relevance + 0.30·urgency +
// 0.15·confidence. Because the weights sum to 1 it is computed as
// confidence + 0.25·(novelty−confidence) + 0.30·(relevance−confidence) +
// 0.30·(urgency−confidence), which is exact when all four components are
// equal: a request whose components are all v has total exactly v, so a
// threshold of 0.60 admits a salience of 0.60.
func (s Salience) Total() float64 {
	c := s.Confidence
	return c + float64(float64(float64(0.25*(s.Novelty-c))+float64(0.30*(s.Relevance-c)))+float64(0.30*(s.Urgency-c)))
}

// Uniform returns the salience whose four components all equal v, whose
// total is exactly v.
func Uniform(v float64) Salience {
	return Salience{Novelty: v, Relevance: v, Urgency: v, Confidence: v}
}
