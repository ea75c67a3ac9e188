package needs

import "errors"

// ErrStarted is returned by [Monitor.Start] when the monitor is already
// running.
var ErrStarted = errors.New("needs: monitor already started")

// ErrNilSource is returned by [NewMonitor] when it is given no source.
var ErrNilSource = errors.New("needs: nil metrics source")

// ErrNilSim is returned by [Monitor.Start] when it is given no simulator.
var ErrNilSim = errors.New("needs: nil simulator")
