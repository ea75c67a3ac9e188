package needs

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
	"github.com/esgtsim/esgtsim/sim"
)

func newMonitor(t *testing.T, src Source) *Monitor {
	t.Helper()
	m, err := NewMonitor(DefaultMonitorConfig(), src)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMonitorSamplesEveryInterval(t *testing.T) {
	tests := []struct {
		name  string
		start clock.Time
		until clock.Time
		want  []clock.Time
	}{
		{"from zero", 0, ms(300), []clock.Time{0, ms(100), ms(200), ms(300)}},
		{"from 250 ms", ms(250), ms(500), []clock.Time{ms(250), ms(350), ms(450)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sim.New(1)
			var asked, got []clock.Time
			mon := newMonitor(t, sourceFunc(func(now clock.Time) Metrics { asked = append(asked, now); return busy() }))
			mon.OnSample(func(now clock.Time, _ Metrics, _ Needs) { got = append(got, now) })
			mon.OnSample(nil) // ignored
			s.RunUntil(tc.start)
			if err := mon.Start(s); err != nil {
				t.Fatal(err)
			}
			s.RunUntil(tc.until)
			if !slices.Equal(got, tc.want) || !slices.Equal(asked, tc.want) {
				t.Errorf("sampled at %v, called back at %v; want %v", asked, got, tc.want)
			}
			if mon.Samples() != len(tc.want) {
				t.Errorf("Samples = %d, want %d", mon.Samples(), len(tc.want))
			}
		})
	}
}

func TestMonitorStop(t *testing.T) {
	s := sim.New(1)
	mon := newMonitor(t, &Profile{Base: busy()})
	if err := mon.Start(s); err != nil {
		t.Fatal(err)
	}
	if err := mon.Start(s); !errors.Is(err, ErrStarted) {
		t.Errorf("second Start = %v, want ErrStarted", err)
	}
	s.RunUntil(ms(150))
	mon.Stop()
	s.RunUntil(ms(1000))
	if mon.Samples() != 2 {
		t.Errorf("Samples = %d, want 2 (at 0 and 100 ms)", mon.Samples())
	}
	if err := mon.Start(s); err != nil {
		t.Errorf("Start after Stop = %v", err)
	}
}

func TestNewMonitorErrors(t *testing.T) {
	var fe *param.FieldError
	if _, err := NewMonitor(MonitorConfig{Params: DefaultParams()}, &Profile{}); !errors.As(err, &fe) || fe.Key != "interval" {
		t.Errorf("zero interval: %v, want a FieldError for interval", err)
	}
	if _, err := NewMonitor(DefaultMonitorConfig(), nil); !errors.Is(err, ErrNilSource) {
		t.Errorf("nil source: %v, want ErrNilSource", err)
	}
	bad := &Profile{Base: Metrics{CPUPercent: -1}}
	if _, err := NewMonitor(DefaultMonitorConfig(), FabricSource(bad, nil)); !errors.As(err, &fe) || fe.Key != "base.cpu_percent" {
		t.Errorf("fabric source over an invalid profile: %v, want a FieldError for base.cpu_percent", err)
	}
	if err := newMonitor(t, &Profile{}).Start(nil); !errors.Is(err, ErrNilSim) {
		t.Errorf("Start(nil) = %v, want ErrNilSim", err)
	}
}

// Curiosity carries over from sample to sample.
func TestMonitorCuriosityAccumulates(t *testing.T) {
	s := sim.New(1)
	idle := busy()
	idle.IdlePercent = 80
	mon := newMonitor(t, &Profile{Base: idle, Changes: []Change{Step(IdlePercent, ms(2000), 10)}})
	if err := mon.Start(s); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(ms(1000))
	if c := mon.Needs().Curiosity; !near(c, 0.11) {
		t.Errorf("curiosity after 11 idle samples = %v, want 0.11", c)
	}
	s.RunUntil(ms(2000))
	if c := mon.Needs().Curiosity; c != 0 {
		t.Errorf("curiosity once busy = %v, want 0", c)
	}
}

// A source that returns NaN, infinities and out-of-range values never
// carries them into the needs: each is replaced or clamped and counted.
func TestMonitorRejectsBadMetrics(t *testing.T) {
	s := sim.New(1)
	good := busy()
	good.CPUPercent, good.MemoryPercent, good.NetworkLatencyMS = 50, 50, 150
	n := 0
	src := sourceFunc(func(clock.Time) Metrics {
		n++
		m := good
		switch n % 3 {
		case 2: // every field broken
			for k := range numMetrics {
				m.Set(k, math.NaN())
			}
			m.ErrorRatePerMin = math.Inf(1)
		case 0: // every field out of range
			for k := range numMetrics {
				m.Set(k, -1e9)
			}
		}
		return m
	})
	mon := newMonitor(t, src)
	mon.OnSample(func(now clock.Time, m Metrics, nd Needs) {
		for k := range numMetrics {
			if v := m.Get(k); math.IsNaN(v) && !k.AllowsUnknown() || math.IsInf(v, 0) {
				t.Errorf("at %v: %v = %v reached the needs", now, k, v)
			}
		}
		for i, x := range []float64{nd.Rest, nd.Repair, nd.Efficiency, nd.Connectivity, nd.Curiosity, nd.Learning} {
			if !(x >= 0 && x <= 1) {
				t.Errorf("at %v: need %d = %v", now, i, x)
			}
		}
	})
	if err := mon.Start(s); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(ms(100)) // good, then all NaN: held at the good values
	checkNeeds(t, mon.Needs(), defaultNeeds(good, 0))
	s.RunUntil(ms(200)) // all -1e9: clamped to each range's low end
	checkNeeds(t, mon.Needs(), Needs{Learning: 0.5})
	if got := mon.Metrics().TemperatureC; got != -273.15 {
		t.Errorf("temperature = %v, want clamped to -273.15", got)
	}
	// 8 held (temperature and power NaN mean unknown) + 10 clamped.
	if mon.Warnings() != 18 {
		t.Errorf("Warnings = %d, want 18", mon.Warnings())
	}
}

func TestMonitorTickAllocatesNothing(t *testing.T) {
	s := sim.New(1)
	p := &Profile{Base: busy(), Changes: []Change{
		Ramp(CPUPercent, 0, ms(60000), 100),
		Spike(ErrorRatePerMin, ms(500), clock.Second, 20),
	}}
	mon := newMonitor(t, FabricSource(p, &fakeFabric{links: 4, down: 1}))
	var sum float64
	mon.OnSample(func(_ clock.Time, _ Metrics, n Needs) { sum += n.Rest })
	if err := mon.Start(s); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(ms(1000)) // warm up
	if a := testing.AllocsPerRun(100, func() { s.RunUntil(s.Now().Add(clock.Second)) }); a != 0 {
		t.Errorf("%v allocations per 10 samples, want 0", a)
	}
	if sum == 0 {
		t.Error("no sample seen")
	}
}
