package spec

import "github.com/esgtsim/esgtsim/internal/strictoml"

// Origin returns where the value of the key at path ("fabric.nodes",
// "workload[0].rate_hz", the syntax of --set) was set: by an override
// (Pos.Line 0, Pos.File the override as written, "--set key=value"), or at
// its line in the file. ok is false when neither set it and the value is
// the model's default (a table written in the file does not set the keys it
// leaves out).
func (sc *Scenario) Origin(path string) (pos strictoml.Pos, ok bool) {
	if sc.meta == nil || !sc.meta.Has(path) {
		return strictoml.Pos{}, false
	}
	return sc.meta.Pos(path), true
}
