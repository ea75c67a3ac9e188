package plots

import (
	"image/color"

	"github.com/esgtsim/esgtsim/model/esgt"
)

// rgb returns an opaque colour from a 0xRRGGBB value.
func rgb(v uint32) color.NRGBA {
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// withAlpha returns c with opacity a in [0, 1].
func withAlpha(c color.NRGBA, a float64) color.NRGBA {
	c.A = uint8(a*255 + 0.5)
	return c
}

// reasonColors gives every outcome reason one colour, the same in every
// figure. Success is green; refractory rejections are a saturated red so
// they stand out; the usual, uninteresting rejection (no free nodes) is a
// quiet grey.
var reasonColors = map[esgt.Reason]color.NRGBA{
	esgt.Success:           rgb(0x2ca02c),
	esgt.Stopped:           rgb(0x7f7f7f),
	esgt.CircuitOpen:       rgb(0x8c564b),
	esgt.RateLimited:       rgb(0xbcbd22),
	esgt.MaxConcurrent:     rgb(0x9467bd),
	esgt.DegradedSalience:  rgb(0xe377c2),
	esgt.LowSalience:       rgb(0x7fb2e5),
	esgt.Resources:         rgb(0x17becf),
	esgt.Refractory:        rgb(0xd62728),
	esgt.Frequency:         rgb(0xff7f0e),
	esgt.LowArousal:        rgb(0x1f4e9c),
	esgt.InsufficientNodes: rgb(0xb4b4b4),
	esgt.SyncTimeout:       rgb(0xe6ab02),
	esgt.NodesLost:         rgb(0x393b79),
	esgt.Interrupted:       rgb(0x000000),
}

// ReasonColor returns the colour outcome reason r has in every figure, for
// other views of a run to match them (the HTML report's outcome bars).
func ReasonColor(r esgt.Reason) color.NRGBA { return reasonColor(r) }

// reasonColor returns the colour of reason r.
func reasonColor(r esgt.Reason) color.NRGBA {
	if c, ok := reasonColors[r]; ok {
		return c
	}
	return rgb(0x000000)
}

// phaseColors shade the phases of an ignition (PREPARE is never shaded:
// coherence is drawn from the start of SYNCHRONIZE).
var phaseColors = map[esgt.Phase]color.NRGBA{
	esgt.Synchronize: rgb(0xfff2cc),
	esgt.Broadcast:   rgb(0xd9d2e9),
	esgt.Sustain:     rgb(0xd9ead3),
	esgt.Dissolve:    rgb(0xeeeeee),
}

// seriesColors are the colours of a sweep's lines, in order.
var seriesColors = []color.NRGBA{
	rgb(0x1f77b4), rgb(0xd62728), rgb(0x2ca02c), rgb(0xff7f0e), rgb(0x9467bd),
	rgb(0x8c564b), rgb(0xe377c2), rgb(0x17becf), rgb(0xbcbd22), rgb(0x7f7f7f),
}

// Colours of the arousal figure's lines.
var (
	arousalColor   = rgb(0x1f77b4)
	targetColor    = rgb(0x9ecae1)
	thresholdColor = rgb(0xd62728)
)
