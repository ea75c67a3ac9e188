package esgt

import (
	"fmt"
	"math"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

// TestBreakerTotalFollowsTheOriginal replays the sequences the original's
// CircuitBreaker(5, 10 s) went through when probed on a virtual clock: the
// count is total, a closed success does nothing, the open state ends only
// strictly after 10 s, half-open lets every call through, and a failure
// there reopens it at once.
func TestBreakerTotalFollowsTheOriginal(t *testing.T) {
	b := breaker{threshold: 5, cooldown: 10 * clock.Second, counting: Total}
	names := map[breakerState]string{breakerClosed: "closed", breakerOpen: "open", breakerHalfOpen: "half_open"}
	var got []string
	now := clock.Time(0)
	for _, step := range "FFSFFF" {
		now = now.Add(clock.Second)
		b.result(now, step == 'S')
		got = append(got, fmt.Sprintf("%c:%s/%d", step, names[b.state], b.failures))
	}
	want := []string{"F:closed/1", "F:closed/2", "S:closed/2", "F:closed/3", "F:closed/4", "F:open/5"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("sequence F F S F F F: %v, want %v", got, want)
	}
	if !b.blocks(now.Add(10 * clock.Second)) {
		t.Fatal("open at exactly 10 s after the last failure: not blocking, want blocking")
	}
	later := now.Add(10*clock.Second + clock.Millisecond)
	if b.blocks(later) || b.state != breakerHalfOpen || b.blocks(later) {
		t.Fatalf("at 10.001 s: state %s, want half-open letting every call through", names[b.state])
	}
	reopened := b
	reopened.result(later, false)
	if reopened.state != breakerOpen || reopened.failures != 6 {
		t.Fatalf("half-open then failure: %s/%d, want open/6", names[reopened.state], reopened.failures)
	}
	b.result(later, true)
	if b.state != breakerClosed || b.failures != 0 {
		t.Fatalf("half-open then success: %s/%d, want closed/0", names[b.state], b.failures)
	}
}

// TestBreakerTotalRestartsWhileOpen: a failure while open (of an ignition
// admitted before it opened) restarts the cooldown.
func TestBreakerTotalRestartsWhileOpen(t *testing.T) {
	b := breaker{threshold: 2, cooldown: 10 * clock.Second, counting: Total}
	b.result(0, false)
	b.result(clock.Time(clock.Second), false)
	b.result(clock.Time(5*clock.Second), false)
	if !b.blocks(clock.Time(12 * clock.Second)) {
		t.Fatal("12 s: unblocked, want the timer restarted at 5 s")
	}
	if b.blocks(clock.Time(15*clock.Second + 1)) {
		t.Fatal("just after 15 s: blocked, want half-open")
	}
}

// TestTokenChargeEveryCall: with the original's charge, a request refused
// for low salience still spends a token (the probe left 9.0 of 10); with
// the model's, it does not.
func TestTokenChargeEveryCall(t *testing.T) {
	for _, tc := range []struct {
		charge TokenCharge
		want   float64
	}{{ChargeEveryCall, 9}, {ChargeAdmitted, 10}} {
		f := newFixture(t, 16, func(c *Config) { c.TokenCharge = tc.charge })
		f.submitAt(0, 0)
		f.sim.Run()
		if got := f.rec.outcomes[1].Reason; got != LowSalience {
			t.Fatalf("%v: reason %v, want low_salience", tc.charge, got)
		}
		if f.c.tokens.tokens != tc.want {
			t.Errorf("%v: %v tokens left, want %v", tc.charge, f.c.tokens.tokens, tc.want)
		}
	}
}

// TestTokenChargeEveryCallChecksFirst: with the original's charge the
// limiter comes before the breaker, so 12 simultaneous calls admit 10 by
// the bucket and refuse 2 as rate limited.
func TestTokenChargeEveryCallChecksFirst(t *testing.T) {
	f := newFixture(t, 16, func(c *Config) { c.TokenCharge = ChargeEveryCall; c.MaxConcurrent = 0 })
	for range 12 {
		f.submitAt(0, 0.1)
	}
	f.sim.Run()
	if got := f.rec.count(RateLimited); got != 2 {
		t.Fatalf("rate limited: %d of 12, want 2", got)
	}
}

// TestFrequencyCountsAttempts: failed attempts fill the 5 Hz window only
// when the gate counts attempts, as the original's event history does.
func TestFrequencyCountsAttempts(t *testing.T) {
	for _, counts := range []FrequencyCounting{CountIgnitions, CountAttempts} {
		attempts := counts == CountAttempts
		f := newFixture(t, 16, func(c *Config) { c.FrequencyCounts = counts; c.RateLimitHz = 0 })
		for k := range 5 {
			f.submitAt(clock.Time(k)*clock.Time(10*ms), 0.1)
		}
		f.submitAt(clock.Time(60*ms), 0.9)
		f.sim.Run()
		want := Success
		if attempts {
			want = Frequency
		}
		if got := f.rec.outcomes[6].Reason; got != want {
			t.Errorf("counting attempts %v: the 6th request got %v, want %v", attempts, got, want)
		}
	}
}

// TestCouplingLeak: each dissolve halves the shared coupling once per
// oscillator and nothing restores it; without the leak it never changes.
func TestCouplingLeak(t *testing.T) {
	for _, leak := range []bool{false, true} {
		f := newFixture(t, 16, func(c *Config) { c.CouplingLeak = leak })
		f.submitAt(0, 0.9)
		f.sim.Run()
		if got := f.rec.outcomes[1].Reason; got != Success {
			t.Fatalf("leak %v: first ignition %v, want success", leak, got)
		}
		want := 14.0
		if leak {
			want = 14 * math.Pow(0.5, 16)
		}
		if got := f.c.Coupling(); got != want {
			t.Errorf("leak %v: coupling after one ignition %v, want %v", leak, got, want)
		}
	}
}

// TestSyncToTimeout: with the defect, a successful SYNCHRONIZE lasts the
// whole timeout although coherence reached the target earlier.
func TestSyncToTimeout(t *testing.T) {
	for _, defect := range []bool{false, true} {
		f := newFixture(t, 16, func(c *Config) { c.SyncToTimeout = defect })
		f.submitAt(0, 0.9)
		f.sim.Run()
		o := f.rec.outcomes[1]
		if o.Reason != Success || o.TimeToSync >= 300*ms {
			t.Fatalf("defect %v: %v after %v, want a success before the timeout", defect, o.Reason, o.TimeToSync)
		}
		sync := o.PhaseTime[Synchronize]
		if defect && sync != 300*ms {
			t.Errorf("defect on: SYNCHRONIZE lasted %v, want the whole 300ms", sync)
		}
		if !defect && sync != o.TimeToSync {
			t.Errorf("defect off: SYNCHRONIZE lasted %v, want its time to sync %v", sync, o.TimeToSync)
		}
	}
}

// TestBreakerNeverFed: ignitions that never synchronise open the breaker
// unless it is never fed.
func TestBreakerNeverFed(t *testing.T) {
	for _, unfed := range []bool{false, true} {
		f := newFixture(t, 32, func(c *Config) {
			c.Oscillator.Coupling = 0
			c.DegradedWindow, c.DegradedMinSamples = 0, 0
			c.BreakerNeverFed = unfed
		})
		f.submitEvery(0, clock.Time(10*clock.Second), 500*ms, 0.9)
		f.sim.Run()
		if open := f.rec.count(CircuitOpen); (open > 0) == unfed {
			t.Errorf("never fed %v: %d circuit_open", unfed, open)
		}
	}
}

// TestESGTWeightsInCoupling: during SUSTAIN the fabric's ESGT-mode weight
// 1.5 enters the coupling, unless the coupling ignores weights.
func TestESGTWeightsInCoupling(t *testing.T) {
	for _, ignore := range []bool{false, true} {
		f := newFixture(t, 16, func(c *Config) { c.ESGTWeightsInCoupling = !ignore })
		var weights []float64 // of the ignition in flight when SUSTAIN ends
		f.c.OnPhase(func(_ uint64, _ clock.Time, p Phase) {
			if p == Dissolve {
				weights = append([]float64(nil), f.c.inFlight[0].graph.Weights...)
			}
		})
		f.submitAt(0, 0.9)
		f.sim.Run()
		want := 1.5
		if ignore {
			want = 1
		}
		if len(weights) == 0 {
			t.Fatalf("ignore %v: no SUSTAIN observed", ignore)
		}
		for _, w := range weights {
			if w != want {
				t.Fatalf("ignore %v: coupling weight %v in SUSTAIN, want %v", ignore, w, want)
			}
		}
	}
}

// TestEnumerationNames: each enumeration of Config reads back the name it
// writes, and refuses a name it does not know.
func TestEnumerationNames(t *testing.T) {
	type textual interface {
		MarshalText() ([]byte, error)
	}
	for _, tc := range []struct {
		value textual
		read  func(string) (textual, error)
	}{
		{Total, func(s string) (textual, error) {
			var b BreakerCounting
			err := b.UnmarshalText([]byte(s))
			return b, err
		}},
		{ChargeEveryCall, func(s string) (textual, error) { var c TokenCharge; err := c.UnmarshalText([]byte(s)); return c, err }},
		{CountAttempts, func(s string) (textual, error) {
			var f FrequencyCounting
			err := f.UnmarshalText([]byte(s))
			return f, err
		}},
	} {
		name, _ := tc.value.MarshalText()
		got, err := tc.read(string(name))
		if err != nil || got != tc.value {
			t.Errorf("%q read back as %v, %v; want %v", name, got, err, tc.value)
		}
		if _, err := tc.read("no-such-name"); err == nil {
			t.Errorf("%T accepted an unknown name", tc.value)
		}
	}
}
