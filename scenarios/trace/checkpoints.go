package trace

import (
	"fmt"

	"github.com/esgtsim/esgtsim/clock"
)

// Checkpoint is the running digest after one record of the trace.
type Checkpoint struct {
	Record uint64     `json:"record"`
	At     clock.Time `json:"t"`
	Hash   string     `json:"h"`
}

// MaxCheckpoints bounds the checkpoints a run keeps.
const MaxCheckpoints = 64

// Checkpoints keeps the running digest every stride records, doubling the
// stride (and dropping every other checkpoint) whenever the list is full,
// so that at most MaxCheckpoints evenly spaced ones remain. The zero value
// is ready to use.
type Checkpoints struct {
	stride uint64
	list   []Checkpoint
}

// List returns the checkpoints kept so far, in record order.
func (c *Checkpoints) List() []Checkpoint { return c.list }

// Add considers one record, whose Seq and Hash are set.
func (c *Checkpoints) Add(e *Event) {
	if c.stride == 0 {
		c.stride = 1
	}
	if e.Seq%c.stride != 0 {
		return
	}
	if len(c.list) == MaxCheckpoints {
		kept := c.list[:0]
		for i := 1; i < len(c.list); i += 2 {
			kept = append(kept, c.list[i])
		}
		c.list = kept
		c.stride *= 2
		if e.Seq%c.stride != 0 {
			return
		}
	}
	c.list = append(c.list, Checkpoint{Record: e.Seq, At: e.At, Hash: fmt.Sprintf("%016x", e.Hash)})
}
