package fabric

import "math"

// linkWeights are the links' weights, kept apart from their records: one
// value for all of them while they are equal (as generated, and through
// ESGT mode, which scales them alike), so that entering and leaving ESGT
// mode costs O(1) on such a fabric, and one value per link otherwise.
type linkWeights struct {
	all  float64   // every link's weight while each is nil
	each []float64 // by link id, once some link weighs differently
}

// uniform returns weights of w for every link.
func uniform(w float64) linkWeights { return linkWeights{all: w} }

// of returns link id's weight.
func (w *linkWeights) of(id int) float64 {
	if w.each == nil {
		return w.all
	}
	return w.each[id]
}

// set gives link id of n links the weight v, keeping one value for all
// while v equals it bit for bit.
func (w *linkWeights) set(id, n int, v float64) {
	if w.each == nil {
		if math.Float64bits(v) == math.Float64bits(w.all) {
			return
		}
		w.each = make([]float64, n)
		for i := range w.each {
			w.each[i] = w.all
		}
	}
	w.each[id] = v
}

// compact goes back to one value for all when every link weighs the
// same, bit for bit.
func (w *linkWeights) compact() {
	if len(w.each) == 0 {
		return
	}
	for _, x := range w.each {
		if math.Float64bits(x) != math.Float64bits(w.each[0]) {
			return
		}
	}
	*w = uniform(w.each[0])
}

// scale replaces every weight x by rule(x) and reports whether some
// weight crossed the broadcast threshold (see carries).
func (w *linkWeights) scale(rule func(float64) float64) (crossed bool) {
	if w.each == nil {
		x := rule(w.all)
		crossed = carries(x) != carries(w.all)
		w.all = x
		return crossed
	}
	for i, old := range w.each {
		x := rule(old)
		crossed = crossed || carries(x) != carries(old)
		w.each[i] = x
	}
	return crossed
}
