package trace

import (
	"fmt"
	"hash/fnv"
	"io"
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
	EvAdmitted                        // a request was admitted: its ignition starts
	EvPhase                           // an ignition entered a phase
	EvOutcome                         // a request's single outcome
	EvArousal                         // an arousal update, with the salience threshold
	EvNeeds                           // a needs sample
	EvFault                           // a scheduled fault was applied
	EvModulation                      // an arousal modulation was requested
)

var eventNames = [...]string{"", "request", "admitted", "phase", "outcome", "arousal", "needs", "fault", "modulation"}

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
	Seq  uint64 // ordinal of the record in the trace, from 1
	Hash uint64 // the running digest after this record

	ID       uint64         // request, admitted, phase, outcome
	Salience float64        // request
	Gap      clock.Duration // admitted: time since the last ignition ended, −1 if none
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

// fields writes the record's canonical form into w, one 64-bit word per
// field, and returns how many it wrote: the words the digest hashes. Floats
// are written as their bits, so the digest changes if any bit of the
// model's output does.
func (e *Event) fields(w *[16]uint64) int {
	n := 0
	put := func(v uint64) { w[n] = v; n++ }
	flt := func(v float64) { put(math.Float64bits(v)) }
	put(uint64(e.Kind))
	put(uint64(e.At))
	switch e.Kind {
	case EvRequest:
		put(e.ID)
		flt(e.Salience)
	case EvAdmitted:
		put(e.ID)
		put(uint64(e.Gap))
	case EvPhase:
		put(e.ID)
		put(uint64(e.Phase))
	case EvOutcome:
		o := e.Outcome
		put(o.ID)
		put(uint64(o.Reason))
		put(uint64(o.Arrival))
		put(uint64(o.Nodes))
		put(uint64(o.TimeToSync))
		flt(o.PeakR)
		flt(o.FinalR)
		put(uint64(o.Reached))
	case EvArousal:
		flt(e.Arousal)
		flt(e.Target)
		flt(e.Threshold)
		put(uint64(e.Level))
	case EvNeeds:
		n := e.Needs
		for _, v := range [...]float64{n.Rest, n.Repair, n.Efficiency, n.Connectivity, n.Curiosity, n.Learning} {
			flt(v)
		}
	case EvFault:
		put(faultCode(e.Fault))
		put(uint64(e.Node))
		put(uint64(e.Peer))
	case EvModulation:
		flt(e.Delta)
		put(uint64(e.Decay))
		flt(e.Priority)
	}
	return n
}

// faultCode hashes a fault kind's name into one word (FNV-1a).
func faultCode(kind string) uint64 {
	h := fnv.New64a()
	io.WriteString(h, kind)
	return h.Sum64()
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Digest is a running 64-bit hash of the trace, FNV-1a over 64-bit words:
// h = (h xor word) * prime for each field of each record. Each step is a
// bijection of h and of the word, so two traces that differ in a single
// recorded bit always have different digests. It is a change detector,
// not a cryptographic hash.
type Digest struct {
	h     uint64
	n     uint64
	words [16]uint64
}

// NewDigest returns the digest of an empty trace.
func NewDigest() *Digest { return &Digest{h: fnvOffset} }

// Add hashes one record and returns the running value.
func (d *Digest) Add(e *Event) uint64 {
	n := e.fields(&d.words)
	h := d.h
	for _, w := range d.words[:n] {
		h = (h ^ w) * fnvPrime
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
