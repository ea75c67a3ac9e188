package plots

import (
	"math"

	"github.com/esgtsim/esgtsim/clock"
)

// maxBins is the most bins a time-binned record keeps; past it, adjacent
// bins are merged in pairs and the bin width doubles.
const maxBins = 1024

// binsPerRun is how many bins a run of the scenario's duration spans at
// the initial width, leaving room for the drain after the duration (in-flight
// ignitions finish, controllers tick on).
const binsPerRun = 400

// initialWidth returns a round bin width (1, 2 or 5 times a power of ten
// nanoseconds) that cuts d into at most binsPerRun bins.
func initialWidth(d clock.Duration) clock.Duration {
	return clock.Duration(niceCeil(math.Max(float64(d)/binsPerRun, 1)))
}

// niceCeil returns the smallest 1, 2 or 5 times a power of ten that is at
// least v > 0.
func niceCeil(v float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= v*(1-1e-12) {
			return m * p
		}
	}
	return 10 * p
}

// timeBins counts events per time bin [i·width, (i+1)·width) in rows (one
// per outcome reason). Times before 0 count in bin 0. Memory is rows ×
// maxBins counts at most, whatever the number of events.
type timeBins struct {
	width  clock.Duration
	counts [][]uint64 // counts[row][bin]
}

func newTimeBins(rows int, width clock.Duration) *timeBins {
	return &timeBins{width: width, counts: make([][]uint64, rows)}
}

// add counts one event of row at time t.
func (b *timeBins) add(row int, t clock.Time) {
	i := int64(max(t, 0)) / int64(b.width)
	for i >= maxBins {
		b.coarsen()
		i /= 2
	}
	r := b.counts[row]
	if int(i) >= len(r) {
		r = append(r, make([]uint64, int(i)+1-len(r))...)
		b.counts[row] = r
	}
	r[i]++
}

// coarsen merges adjacent bins in pairs and doubles the width.
func (b *timeBins) coarsen() {
	for k, r := range b.counts {
		for i := range r {
			if i%2 == 1 {
				r[i/2] += r[i]
			} else {
				r[i/2] = r[i]
			}
		}
		b.counts[k] = r[:(len(r)+1)/2]
	}
	b.width *= 2
}

// bins returns the number of bins in use (the longest row).
func (b *timeBins) bins() int {
	n := 0
	for _, r := range b.counts {
		n = max(n, len(r))
	}
	return n
}

// at returns the count of row in bin i.
func (b *timeBins) at(row, i int) uint64 {
	if i < len(b.counts[row]) {
		return b.counts[row][i]
	}
	return 0
}

// total returns the count of row over every bin.
func (b *timeBins) total(row int) uint64 {
	var n uint64
	for _, c := range b.counts[row] {
		n += c
	}
	return n
}
