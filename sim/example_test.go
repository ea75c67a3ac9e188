package sim_test

import (
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/sim"
)

// A controller ticking every 100 ms and a one-off event share the same
// queue; events due at the same instant run in the order they were
// scheduled.
func ExampleSim_Run() {
	s := sim.New(1)
	s.Schedule(clock.Time(200*clock.Millisecond), func() {
		fmt.Println(s.Now(), "request arrives")
	})
	tk, _ := s.Every(0, 100*clock.Millisecond, func(now clock.Time) {
		fmt.Println(now, "controller tick")
	})
	s.Schedule(clock.Time(250*clock.Millisecond), tk.Stop)
	s.Run()
	fmt.Println("events:", s.Stats().Events)
	// Output:
	// 0s controller tick
	// 100ms controller tick
	// 200ms request arrives
	// 200ms controller tick
	// events: 5
}
