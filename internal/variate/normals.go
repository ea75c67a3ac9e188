package variate

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
)

// Normals draws standard normal values from a PCG source: the values [Norm]
// draws from rand.New(src), bit for bit and in the same order, leaving the
// source in the same state. It is faster for runs of draws: [Normals.Fill]
// steps a copy of the source's state in registers (see pcgStep) instead
// of calling the source through the rand.Source interface for each draw.
type Normals struct {
	src *rand.PCG
	rng *rand.Rand // rand.New(src), for the ziggurat's rare paths
}

// NewNormals returns normal draws from src. Draws through src itself, or
// through another rand.Rand on it, interleave with these in one stream.
func NewNormals(src *rand.PCG) Normals {
	return Normals{src: src, rng: rand.New(src)}
}

// Fill sets dst[i] to scale times a standard normal value, in order of i.
func (s Normals) Fill(dst []float64, scale float64) {
	if len(dst) == 0 {
		return
	}
	hi, lo := pcgState(s.src)
	for k := range dst {
		for {
			hi, lo = pcgStep(hi, lo)
			u := pcgOutput(hi, lo)
			j := int32(u)
			i := u >> 32 & 0x7F
			x := float64(j) * float64(wn[i])
			if absInt32(j) < kn[i] {
				dst[k] = float64(scale * x)
				break
			}
			s.src.Seed(hi, lo) // the rare paths draw from the source itself
			x, ok := normRare(s.rng, j, i, x)
			hi, lo = pcgState(s.src)
			if ok {
				dst[k] = float64(scale * x)
				break
			}
		}
	}
	s.src.Seed(hi, lo)
}

// pcgState returns src's 128-bit state, read through its binary encoding
// ("pcg:", then the high and low words big-endian). PCG.Seed(hi, lo)
// sets it back.
func pcgState(src *rand.PCG) (hi, lo uint64) {
	var buf [20]byte
	b, _ := src.AppendBinary(buf[:0])
	return binary.BigEndian.Uint64(b[4:]), binary.BigEndian.Uint64(b[12:])
}

// pcgStep and pcgOutput are rand.PCG's Uint64 (math/rand/v2's pcg.go,
// copyright 2023 The Go Authors, BSD licence, see Go's LICENSE file): one
// 128-bit LCG step of the state, then the DXSM output function of the new
// state. TestNormalsMatchesNorm checks them against rand.PCG.
func pcgStep(hi, lo uint64) (uint64, uint64) {
	const (
		mulHi = 2549297995355413924
		mulLo = 4865540595714422341
		incHi = 6364136223846793005
		incLo = 1442695040888963407
	)
	h, l := bits.Mul64(lo, mulLo)
	h += hi*mulLo + lo*mulHi
	l, c := bits.Add64(l, incLo, 0)
	h, _ = bits.Add64(h, incHi, c)
	return h, l
}

func pcgOutput(hi, lo uint64) uint64 {
	const cheapMul = 0xda942042e4dd58b5
	hi ^= hi >> 32
	hi *= cheapMul
	hi ^= hi >> 48
	hi *= lo | 1
	return hi
}
