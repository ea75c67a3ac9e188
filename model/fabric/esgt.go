package fabric

// ESGT-mode weight rule of docs/model.md §1.
const (
	esgtWeightFactor = 1.5
	esgtWeightCap    = 2.0
	esgtWeightFloor  = 1.0
)

// EnterESGTMode puts the fabric in ESGT mode: every link's weight is
// multiplied by 1.5, capped at 2.0, and every healthy node becomes
// ESGTMode. Entering while already in ESGT mode, or before Initialize,
// changes nothing, so enter/exit cycles are stable however often they
// repeat: a weight of 1.0 goes to 1.5 and back to exactly 1.0.
func (f *Fabric) EnterESGTMode() {
	if f.esgt || !f.initialized {
		return
	}
	f.esgt = true
	crossed := f.weights.scale(func(w float64) float64 { return min(w*esgtWeightFactor, esgtWeightCap) })
	f.setHealthyStates(ESGTMode, crossed)
}

// ExitESGTMode leaves ESGT mode: every link's weight is divided by 1.5,
// floored at 1.0, and every ESGTMode node becomes Active. Exiting while not
// in ESGT mode changes nothing.
func (f *Fabric) ExitESGTMode() {
	if !f.esgt {
		return
	}
	f.esgt = false
	crossed := f.weights.scale(func(w float64) float64 { return max(w/esgtWeightFactor, esgtWeightFloor) })
	f.setHealthyStates(Active, crossed)
}

// InESGTMode reports whether the fabric is in ESGT mode.
func (f *Fabric) InESGTMode() bool { return f.esgt }

// setHealthyStates moves every healthy node to s (Active or ESGTMode),
// after a change of the weights that made some link start or stop
// carrying broadcasts if crossed.
func (f *Fabric) setHealthyStates(s NodeState, crossed bool) {
	for i, st := range f.state {
		if st.healthy() {
			f.state[i] = s
		}
	}
	if crossed {
		f.topology++
	}
	f.version++
}

// healthyState is the state a recovering node takes: ESGTMode while the
// fabric is in ESGT mode, Active otherwise.
func (f *Fabric) healthyState() NodeState {
	if f.esgt {
		return ESGTMode
	}
	return Active
}
