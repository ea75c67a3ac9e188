package arousal_test

import (
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/needs"
	"github.com/esgtsim/esgtsim/sim"
)

// A threat raises arousal for a while: a +0.3 modulation decaying over
// 10 s lifts the target to 0.9, arousal climbs at 0.05/s into alert, and
// falls back at 0.02/s as the modulation fades. The seconds spent above 0.7
// leave some stress, which stays while arousal is between 0.5 and 0.7.
// From 20 s, memory at 90 %, read through the needs monitor, lowers the
// target by 0.2·0.36. The salience threshold moves against arousal.
func ExampleController() {
	s := sim.New(1)
	metrics := needs.Unmeasured()
	metrics.ThroughputOpsPerSec = 100
	profile := &needs.Profile{Base: metrics, Changes: []needs.Change{
		needs.Step(needs.MemoryPercent, clock.Time(20*clock.Second), 90),
	}}
	mon, _ := needs.NewMonitor(needs.DefaultMonitorConfig(), profile)
	c, _ := arousal.New(arousal.DefaultConfig(), mon)
	c.OnLevelChange(func(now clock.Time, from, to arousal.Level) {
		fmt.Printf("%-6v %v -> %v (arousal %.3f)\n", now, from, to, c.Arousal())
	})
	mon.Start(s) // the monitor first, so each update sees that instant's sample
	c.Start(s)
	c.Modulate(0, arousal.Modulation{Source: "threat", Delta: 0.3, Duration: 10 * clock.Second, Priority: 1})

	for _, sec := range []int{0, 5, 10, 20, 60} {
		s.RunUntil(clock.Time(sec) * clock.Time(clock.Second))
		fmt.Printf("t=%2ds arousal %.3f target %.3f stress %.3f threshold %.3f %v\n",
			sec, c.Arousal(), c.Target(), c.Stress(), c.EffectiveThreshold(), c.Level())
	}
	// Output:
	// 0s     relaxed -> alert (arousal 0.605)
	// t= 0s arousal 0.605 target 0.900 stress 0.000 threshold 0.497 alert
	// t= 5s arousal 0.766 target 0.756 stress 0.031 threshold 0.425 alert
	// t=10s arousal 0.666 target 0.613 stress 0.064 threshold 0.467 alert
	// t=20s arousal 0.611 target 0.541 stress 0.064 threshold 0.494 alert
	// 20.6s  alert -> relaxed (arousal 0.599)
	// t=60s arousal 0.541 target 0.541 stress 0.064 threshold 0.534 relaxed
}
