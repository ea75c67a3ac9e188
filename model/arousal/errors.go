package arousal

import (
	"errors"
	"fmt"
)

// FieldError reports an invalid configuration or modulation value. Field is
// the value's path in Go syntax, such as "Stress.Gain" or
// "Modulation.Priority".
type FieldError struct {
	Field  string
	Value  any
	Reason string
}

// Error formats the error as "<package>: <Field> = <Value>: <Reason>".
func (e *FieldError) Error() string {
	return fmt.Sprintf("arousal: %s = %v: %s", e.Field, e.Value, e.Reason)
}

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
