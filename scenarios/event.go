package scenarios

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/arousal"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/needs"
)

// EventKind names a kind of trace record.
type EventKind uint8

// Trace record kinds.
const (
	EvRequest    EventKind = iota + 1 // a request arrived
	EvIgnited                         // a request was admitted: its ignition starts
	EvPhase                           // an ignition entered a phase
	EvOutcome                         // a request's single outcome
	EvArousal                         // an arousal update, with the salience threshold
	EvNeeds                           // a needs sample
	EvFault                           // a scheduled fault was applied
	EvModulation                      // an arousal modulation was requested
)

var eventNames = [...]string{"", "request", "ignited", "phase", "outcome", "arousal", "needs", "fault", "modulation"}

// String returns the kind's name as the trace writes it.
func (k EventKind) String() string {
	if int(k) < len(eventNames) && k > 0 {
		return eventNames[k]
	}
	return fmt.Sprintf("EventKind(%d)", k)
}

// Event is one trace record. Only the fields of its kind are meaningful.
type Event struct {
	Kind EventKind
	At   clock.Time

	ID       uint64         // request, ignited, phase, outcome
	Salience float64        // request
	Gap      clock.Duration // ignited: time since the last ignition ended, −1 if none
	Phase    esgt.Phase     // phase
	Outcome  *esgt.Outcome  // outcome; valid only during the callback

	Arousal   float64       // arousal
	Target    float64       // arousal
	Threshold float64       // arousal: the coordinator's min_salience
	Level     arousal.Level // arousal

	Needs needs.Needs // needs

	Fault string // fault kind
	Node  int    // fault
	Peer  int    // fault

	Delta    float64        // modulation
	Decay    clock.Duration // modulation
	Priority float64        // modulation
}

// encode appends the record's canonical binary form to b: the bytes the
// digest hashes. Floats are encoded by their bits, so the digest changes if
// any bit of the model's output does.
func (e *Event) encode(b []byte) []byte {
	u := func(v uint64) { b = binary.LittleEndian.AppendUint64(b, v) }
	f := func(v float64) { u(math.Float64bits(v)) }
	b = append(b, byte(e.Kind))
	u(uint64(e.At))
	switch e.Kind {
	case EvRequest:
		u(e.ID)
		f(e.Salience)
	case EvIgnited:
		u(e.ID)
		u(uint64(e.Gap))
	case EvPhase:
		u(e.ID)
		b = append(b, byte(e.Phase))
	case EvOutcome:
		o := e.Outcome
		u(o.ID)
		b = append(b, byte(o.Reason))
		u(uint64(o.Arrival))
		u(uint64(o.Nodes))
		u(uint64(o.TimeToSync))
		f(o.PeakR)
		f(o.FinalR)
		u(uint64(o.Reached))
	case EvArousal:
		f(e.Arousal)
		f(e.Target)
		f(e.Threshold)
		b = append(b, byte(e.Level))
	case EvNeeds:
		n := e.Needs
		for _, v := range [...]float64{n.Rest, n.Repair, n.Efficiency, n.Connectivity, n.Curiosity, n.Learning} {
			f(v)
		}
	case EvFault:
		b = append(b, e.Fault...)
		u(uint64(e.Node))
		u(uint64(e.Peer))
	case EvModulation:
		f(e.Delta)
		u(uint64(e.Decay))
		f(e.Priority)
	}
	return b
}

// Digest is a running FNV-1a 64-bit hash of the trace: a change detector
// (two runs that differ in any recorded bit differ here), not a
// cryptographic hash.
type Digest struct {
	h   uint64
	n   uint64
	buf []byte
}

// NewDigest returns the digest of an empty trace.
func NewDigest() *Digest { return &Digest{h: 14695981039346656037, buf: make([]byte, 0, 128)} }

// Add hashes one record and returns the running value.
func (d *Digest) Add(e *Event) uint64 {
	d.buf = e.encode(d.buf[:0])
	h := d.h
	for _, c := range d.buf {
		h ^= uint64(c)
		h *= 1099511628211
	}
	d.h = h
	d.n++
	return h
}

// Sum returns the running value.
func (d *Digest) Sum() uint64 { return d.h }

// Records returns how many records were hashed.
func (d *Digest) Records() uint64 { return d.n }

// String formats the digest as 16 hex digits.
func (d *Digest) String() string { return fmt.Sprintf("%016x", d.h) }
