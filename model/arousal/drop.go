package arousal

import (
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/param"
)

// DropMode selects how a completed ignition lowers arousal.
type DropMode uint8

// The drop modes. The zero value is DropTarget, the default.
const (
	// DropTarget subtracts Delta from the target at every update within
	// Duration of the latest ignition (MCEA's own mechanism in the
	// original: −0.1 for 5 s).
	DropTarget DropMode = iota
	// DropModulation adds an external modulation of −Delta for Duration
	// with Priority at each ignition, which decays linearly and is averaged
	// with the other modulations (the original bridge's mechanism: −0.15
	// for 1 s, priority 1).
	DropModulation
	// DropOff ignores ignitions.
	DropOff
)

var dropModeNames = [...]string{DropTarget: "target", DropModulation: "modulation", DropOff: "off"}

// String returns "target", "modulation" or "off".
func (m DropMode) String() string {
	if int(m) < len(dropModeNames) {
		return dropModeNames[m]
	}
	return fmt.Sprintf("DropMode(%d)", uint8(m))
}

// MarshalText implements [encoding.TextMarshaler].
func (m DropMode) MarshalText() ([]byte, error) {
	if int(m) >= len(dropModeNames) {
		return nil, fmt.Errorf("arousal: invalid drop mode %d", uint8(m))
	}
	return []byte(m.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown name is
// an [*param.UnknownNameError], which the reader reports at its key.
func (m *DropMode) UnmarshalText(b []byte) error {
	return param.SetByName(m, b, dropModeNames[:])
}

// RefractorySource is the Source of the modulations that
// [Controller.NotifyIgnition] adds in DropModulation mode.
const RefractorySource = "esgt_refractory"

// RefractoryDrop is the one post-ignition arousal drop. The original has
// two: MCEA lowers its target by 0.1 for 5 s after an ignition, and the
// ESGT bridge also requests a −0.15 modulation for 1 s. Both at once would
// count every ignition twice, so here exactly one applies, chosen by Mode.
//
// The default, [DefaultRefractoryDrop], is MCEA's: DropTarget, Delta 0.1,
// Duration 5 s. It is the controller's documented contract, acts on the
// target directly (so its size does not depend on how many other
// modulations are active), and makes the drop's effect analytic. To
// reproduce the bridge's drop instead use {Mode: DropModulation, Delta:
// 0.15, Duration: clock.Second, Priority: 1}; to study ignitions without
// feedback use DropOff.
//
// The tags name the keys of a scenario's [arousal.refractory_drop].
type RefractoryDrop struct {
	Mode     DropMode       `toml:"mode" doc:"target (lower the target), modulation (a negative modulation) or off"`
	Delta    float64        `toml:"delta" check:"prob" doc:"size of the drop"`
	Duration clock.Duration `toml:"duration" doc:"how long the drop lasts"`
	Priority float64        `toml:"priority" check:"pos" doc:"weight of the drop's modulation (mode modulation only)"`
}

// DefaultRefractoryDrop returns MCEA's drop: the target minus 0.1 for 5 s
// after each ignition.
func DefaultRefractoryDrop() RefractoryDrop {
	return RefractoryDrop{Mode: DropTarget, Delta: 0.1, Duration: 5 * clock.Second, Priority: 1}
}

// validate checks d's mode; the bounds of its numbers are their tags',
// which Config.Validate checks.
func (d RefractoryDrop) validate() error {
	if int(d.Mode) >= len(dropModeNames) {
		return &param.FieldError{Key: "refractory_drop.mode", Value: uint8(d.Mode), Reason: "must be target, modulation or off"}
	}
	return nil
}
