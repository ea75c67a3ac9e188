package arousal

import "errors"

var (
	// ErrStarted is returned by [Controller.Start] when the controller is
	// already running.
	ErrStarted = errors.New("arousal: controller already started")
	// ErrNilSim is returned by [Controller.Start] when it is given no
	// simulator.
	ErrNilSim = errors.New("arousal: nil simulator")
	// ErrTooManyModulations is returned by [Controller.Modulate] when
	// [Config.MaxModulations] modulations are already active.
	ErrTooManyModulations = errors.New("arousal: too many active modulations")
)
