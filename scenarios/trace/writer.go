package trace

import (
	"bufio"
	"io"
	"strconv"
)

// Writer writes the trace as JSON Lines: one object per record with its
// virtual time in nanoseconds ("t"), its kind, its fields, and "h", the
// running digest after the record, so that two traces can be compared line
// by line and the first divergence found.
type Writer struct {
	w   *bufio.Writer
	buf []byte
}

// NewWriter returns a Writer that buffers its output to w: call Flush at
// the end.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 1<<16)}
}

// Write writes one record, with e.Hash as its running digest.
func (t *Writer) Write(e *Event) error {
	h := e.Hash
	b := t.buf[:0]
	b = append(b, `{"t":`...)
	b = strconv.AppendInt(b, int64(e.At), 10)
	b = append(b, `,"kind":"`...)
	b = append(b, e.Kind.String()...)
	b = append(b, '"')
	num := func(key string, v int64) {
		b = append(b, ',', '"')
		b = append(b, key...)
		b = append(b, '"', ':')
		b = strconv.AppendInt(b, v, 10)
	}
	flt := func(key string, v float64) {
		b = append(b, ',', '"')
		b = append(b, key...)
		b = append(b, '"', ':')
		b = strconv.AppendFloat(b, v, 'g', -1, 64)
	}
	str := func(key, v string) {
		b = append(b, ',', '"')
		b = append(b, key...)
		b = append(b, `":`...)
		b = strconv.AppendQuote(b, v)
	}
	switch e.Kind {
	case EvRequest:
		num("id", int64(e.ID))
		flt("salience", e.Salience)
	case EvAdmitted:
		num("id", int64(e.ID))
		num("gap_ns", int64(e.Gap))
	case EvPhase:
		num("id", int64(e.ID))
		str("phase", e.Phase.String())
	case EvOutcome:
		o := e.Outcome
		num("id", int64(o.ID))
		str("reason", o.Reason.String())
		num("arrival", int64(o.Arrival))
		num("latency_ns", int64(o.Latency()))
		if o.Reason.Admitted() {
			num("nodes", int64(o.Nodes))
			num("time_to_sync_ns", int64(o.TimeToSync))
			flt("peak_r", o.PeakR)
			flt("final_r", o.FinalR)
			num("reached", int64(o.Reached))
		}
	case EvArousal:
		flt("arousal", e.Arousal)
		flt("target", e.Target)
		flt("threshold", e.Threshold)
		str("level", e.Level.String())
	case EvNeeds:
		n := e.Needs
		flt("rest", n.Rest)
		flt("repair", n.Repair)
		flt("efficiency", n.Efficiency)
		flt("connectivity", n.Connectivity)
		flt("curiosity", n.Curiosity)
		flt("learning", n.Learning)
	case EvFault:
		str("fault", e.Fault)
		num("node", int64(e.Node))
		num("peer", int64(e.Peer))
	case EvModulation:
		flt("delta", e.Delta)
		num("decay_ns", int64(e.Decay))
		flt("priority", e.Priority)
	}
	b = append(b, `,"h":"`...)
	b = appendHex(b, h)
	b = append(b, '"', '}', '\n')
	t.buf = b
	_, err := t.w.Write(b)
	return err
}

// Flush writes any buffered records to the underlying writer.
func (t *Writer) Flush() error { return t.w.Flush() }

func appendHex(b []byte, h uint64) []byte {
	const digits = "0123456789abcdef"
	for shift := 60; shift >= 0; shift -= 4 {
		b = append(b, digits[(h>>uint(shift))&0xf])
	}
	return b
}
