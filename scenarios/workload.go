package scenarios

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/internal/variate"
	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/scenarios/spec"
)

// workload issues one [[workload]]'s requests (or modulations) as events.
// Each draws from its own stream, "workload/<index>".
type workload struct {
	w       *world
	spec    *spec.WorkloadSpec
	index   int
	rng     *rand.Rand
	issued  int
	fire    func() // an arrival that schedules the next one, bound once
	once    func() // an arrival on its own (list instants, bursts, batches)
	waiting uint64 // closed loop: the request whose outcome is awaited
	last    clock.Time
}

func newWorkload(w *world, i int) *workload {
	wl := &workload{w: w, spec: &w.sc.Spec.Workloads[i], index: i, rng: w.sim.Stream(fmt.Sprintf("workload/%d", i))}
	wl.fire, wl.once = wl.arrive, wl.arriveOnce
	return wl
}

// start schedules the workload's first arrivals.
func (wl *workload) start() {
	s := wl.spec
	for _, at := range s.At { // list and modulation instants
		wl.schedule(clock.Time(at), wl.once)
	}
	switch s.Kind {
	case "burst":
		wl.schedule(clock.Time(s.Start), wl.once)
	case "batches":
		for b := range s.Batches {
			if at := clock.Time(s.Start + clock.Duration(b)*s.Every); at < clock.Time(s.Stop) {
				wl.schedule(at, wl.once)
			}
		}
	case "constant", "poisson", "closed_loop":
		wl.schedule(clock.Time(s.Start), wl.fire)
	case "modulation":
		if s.RateHz > 0 {
			wl.schedule(clock.Time(s.Start), wl.fire)
		}
	}
}

func (wl *workload) schedule(at clock.Time, fn func()) {
	if _, err := wl.w.sim.Schedule(at, fn); err != nil {
		wl.w.fail(fmt.Errorf("workload[%d]: %w", wl.index, err))
	}
}

// done reports whether the workload has issued everything it may by now.
func (wl *workload) done(now clock.Time) bool {
	s := wl.spec
	return now >= clock.Time(s.Stop) || (s.Count > 0 && wl.issued >= s.Count)
}

// arriveOnce issues what one arrival brings: a request, a modulation, or a
// burst or batch of size requests.
func (wl *workload) arriveOnce() {
	s := wl.spec
	now := wl.w.sim.Now()
	switch s.Kind {
	case "modulation":
		for range max(s.Size, 1) {
			if wl.done(now) {
				return
			}
			wl.modulate(now)
		}
	case "burst", "batches":
		wl.w.rec.burstOpened(now, wl.w.coord.Requests()+1)
		for range s.Size {
			if wl.done(now) {
				break
			}
			wl.submit()
		}
		wl.w.rec.burstClosed(wl.w.coord.Requests())
	default:
		if !wl.done(now) {
			wl.submit()
		}
	}
}

// arrive issues one arrival of a stream and schedules the next: constant
// rate, Poisson or modulations at a rate. A closed loop schedules its next
// request when this one's outcome is known.
func (wl *workload) arrive() {
	now := wl.w.sim.Now()
	if wl.done(now) {
		return
	}
	wl.arriveOnce()
	switch wl.spec.Kind {
	case "constant", "modulation":
		wl.next(now, wl.periodic())
	case "poisson":
		wl.next(now, now.Add(wl.seconds(variate.Exp(wl.rng)/wl.spec.RateHz)))
	}
}

// periodic returns the time of the next arrival of a constant-rate stream:
// the k-th arrival is at start + round(k/rate), so rounding never drifts.
func (wl *workload) periodic() clock.Time {
	s := wl.spec
	return clock.Time(s.Start).Add(wl.seconds(float64(wl.issued) / s.RateHz))
}

func (wl *workload) seconds(v float64) clock.Duration {
	return clock.Duration(math.Round(v * float64(clock.Second)))
}

func (wl *workload) next(now, at clock.Time) {
	if at < now {
		at = now
	}
	if !wl.done(at) {
		wl.schedule(at, wl.fire)
	}
}

// submit issues one ignition request. A closed loop notes the request's ID
// first (IDs are sequence numbers), because a rejected request's outcome
// arrives before Submit returns.
func (wl *workload) submit() {
	v := wl.salience()
	wl.issued++
	wl.last = wl.w.sim.Now()
	if wl.spec.Kind == "closed_loop" {
		wl.waiting = wl.w.coord.Requests() + 1
	}
	wl.w.coord.Submit(esgt.Request{Salience: esgt.Uniform(v), Sustain: wl.spec.Sustain})
}

// salience returns the total salience of the next request.
func (wl *workload) salience() float64 {
	s := &wl.spec.Salience
	switch s.Mode {
	case "cycle":
		return s.Pattern[wl.issued%len(s.Pattern)]
	case "uniform":
		return variate.Uniform(wl.rng, s.Min, s.Max)
	case "normal":
		return min(max(s.Mean+float64(s.SD*variate.Norm(wl.rng)), 0), 1)
	}
	return s.Value
}

// modulate requests one arousal modulation.
func (wl *workload) modulate(now clock.Time) {
	s := wl.spec
	m := arousal.Modulation{Source: s.Source, Delta: s.Delta, Duration: s.Decay, Priority: s.Priority}
	wl.issued++
	if err := wl.w.ctrl.Modulate(now, m); err != nil {
		wl.w.fail(wl.w.sc.KeyError(fmt.Sprintf("workload[%d]", wl.index), fmt.Errorf("at %v: %v", now, err)))
		return
	}
	wl.w.rec.modulated(now, m, wl.w.ctrl.Arousal(), wl.w.ctrl.Level())
}

// outcome tells a closed loop that its request finished at now; the next
// request comes then, or one period after the previous arrival if later.
func (wl *workload) outcome(id uint64, now clock.Time) {
	if wl.spec.Kind != "closed_loop" || id != wl.waiting {
		return
	}
	wl.waiting = 0
	at := now
	if r := wl.spec.RateHz; r > 0 {
		at = max(at, wl.last.Add(wl.seconds(1/r)))
	}
	wl.next(now, at)
}
