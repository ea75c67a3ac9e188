package needs

import (
	"errors"
	"fmt"
)

// FieldError reports an invalid configuration value. Field is the field's
// path in Go syntax, such as "Params.CPUWeight" or "Changes[2].Value".
type FieldError struct {
	Field  string
	Value  any
	Reason string
}

// Error formats the error as "<package>: <Field> = <Value>: <Reason>".
func (e *FieldError) Error() string {
	return fmt.Sprintf("needs: %s = %v: %s", e.Field, e.Value, e.Reason)
}

// ErrStarted is returned by [Monitor.Start] when the monitor is already
// running.
var ErrStarted = errors.New("needs: monitor already started")

// ErrNilSource is returned by [NewMonitor] when it is given no source.
var ErrNilSource = errors.New("needs: nil metrics source")

// ErrNilSim is returned by [Monitor.Start] when it is given no simulator.
var ErrNilSim = errors.New("needs: nil simulator")
