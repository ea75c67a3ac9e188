package plots

import "github.com/esgtsim/esgtsim/clock"

// point is one sample of a series: virtual time and value.
type point struct {
	t clock.Time
	v float64
}

// bucket keeps the lowest and the highest sample of a time bin.
type bucket struct {
	lo, hi point
	n      int
}

// series is a time series decimated into at most maxBins bins, keeping the
// lowest and the highest sample of each, so that spikes survive any
// decimation. Samples must arrive in time order.
type series struct {
	width   clock.Duration
	buckets []bucket // buckets[i] covers [i·width, (i+1)·width); n = 0 if empty
}

func newSeries(width clock.Duration) *series { return &series{width: width} }

// add records value v at time t.
func (s *series) add(t clock.Time, v float64) {
	i := int64(max(t, 0)) / int64(s.width)
	for i >= maxBins {
		s.coarsen()
		i /= 2
	}
	if int(i) >= len(s.buckets) {
		s.buckets = append(s.buckets, make([]bucket, int(i)+1-len(s.buckets))...)
	}
	s.buckets[i].add(point{t, v})
}

func (b *bucket) add(p point) {
	switch {
	case b.n == 0:
		b.lo, b.hi = p, p
	case p.v < b.lo.v:
		b.lo = p
	case p.v > b.hi.v:
		b.hi = p
	}
	b.n++
}

// coarsen merges adjacent buckets in pairs and doubles the width.
func (s *series) coarsen() {
	for i := range s.buckets {
		if i%2 == 0 {
			s.buckets[i/2] = s.buckets[i]
			continue
		}
		if b := s.buckets[i]; b.n > 0 {
			m := &s.buckets[i/2]
			m.add(b.lo)
			m.add(b.hi)
			m.n += b.n - 2
		}
	}
	s.buckets = s.buckets[:(len(s.buckets)+1)/2]
	s.width *= 2
}

// points returns the kept samples in time order: per bin, its lowest and
// highest sample (one if they are the same).
func (s *series) points() []point {
	var ps []point
	for _, b := range s.buckets {
		switch {
		case b.n == 0:
		case b.lo == b.hi:
			ps = append(ps, b.lo)
		case b.lo.t <= b.hi.t:
			ps = append(ps, b.lo, b.hi)
		default:
			ps = append(ps, b.hi, b.lo)
		}
	}
	return ps
}

// empty reports whether the series has no sample.
func (s *series) empty() bool { return len(s.buckets) == 0 }
