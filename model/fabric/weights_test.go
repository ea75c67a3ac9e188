package fabric

import "testing"

// TestLinkWeights: one value serves every link until one differs, and
// compact returns to one value when they are equal again; scaling
// applies the rule to each weight and reports a crossing of the
// broadcast threshold.
func TestLinkWeights(t *testing.T) {
	w := uniform(1)
	w.set(2, 4, 1)
	if w.each != nil || w.of(3) != 1 {
		t.Fatalf("setting the common weight: %+v", w)
	}
	w.set(2, 4, 0.05)
	if w.each == nil || w.of(2) != 0.05 || w.of(0) != 1 || w.of(3) != 1 {
		t.Fatalf("one link at 0.05: %+v", w)
	}
	if crossed := w.scale(func(x float64) float64 { return 3 * x }); !crossed || !carries(w.of(2)) || w.of(1) != 3 {
		t.Errorf("tripled: crossed %v, %+v", crossed, w)
	}
	if crossed := w.scale(func(x float64) float64 { return max(min(x, 2), 2) }); crossed {
		t.Errorf("all to 2: a crossing reported, %+v", w)
	}
	w.compact()
	if w.each != nil || w.all != 2 {
		t.Errorf("all at 2, compacted: %+v", w)
	}
	if crossed := w.scale(func(x float64) float64 { return x / 2 }); crossed || w.of(0) != 1 {
		t.Errorf("halved: crossed %v, %+v", crossed, w)
	}
}
