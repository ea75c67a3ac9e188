package benchmarks

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkMemoryBandwidth measures what bounds the oscillator step's
// memory traffic, STREAM-style (McCalpin), on one core: copy (c = a) and
// triad (a = b + s·c, the product rounded so that it is never fused) over
// arrays of 2^22 float64 (32 MiB each, beyond the last-level cache), and
// the step's own access pattern, random 16-byte reads (a sine and cosine
// pair) from a table of 10,000 pairs (160 KiB, the 10,000-node fabric's)
// driven by a stream of 32-bit offsets. GB/s counts the bytes the kernel
// reads and writes; reads/s counts the random reads.
func BenchmarkMemoryBandwidth(b *testing.B) {
	const n = 1 << 22
	a, bb, c := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range a {
		a[i], bb[i], c[i] = 1, 2, float64(i)
	}
	for _, k := range []struct {
		name  string
		bytes int
		run   func()
	}{
		{"copy", 16 * n, func() { copy(c, a) }},
		{"triad", 24 * n, func() { triad(a, bb, c, 3) }},
	} {
		b.Run(k.name, func(b *testing.B) {
			for b.Loop() {
				k.run()
			}
			b.ReportMetric(float64(k.bytes)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
		})
	}

	const pairs = 10000
	table := make([]float64, 2*pairs)
	offsets := make([]uint32, 1<<20)
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range offsets {
		offsets[i] = uint32(2 * rng.IntN(pairs))
	}
	b.Run(fmt.Sprintf("gather/pairs=%d", pairs), func(b *testing.B) {
		for b.Loop() {
			sink = gatherPairs(offsets, table)
		}
		reads := float64(len(offsets)) * float64(b.N) / b.Elapsed().Seconds()
		b.ReportMetric(reads/1e9, "Greads/s")
		b.ReportMetric(16*reads/1e9, "GB/s")
	})
}

// triad sets a = b + s·c, rounding the product (no fused multiply-add).
func triad(a, b, c []float64, s float64) {
	b, c = b[:len(a)], c[:len(a)]
	for i := range a {
		a[i] = b[i] + float64(s*c[i])
	}
}

// gatherPairs sums the pairs of table at the given offsets, in four lanes
// as the coupling sums do.
func gatherPairs(offsets []uint32, table []float64) float64 {
	var s0, c0, s1, c1, s2, c2, s3, c3 float64
	for e := 0; e < len(offsets)-3; e += 4 {
		q := offsets[e : e+4 : e+4]
		w, x, y, z := uint(q[0]), uint(q[1]), uint(q[2]), uint(q[3])
		_, _, _, _ = table[w+1], table[x+1], table[y+1], table[z+1]
		s0 += table[w]
		c0 += table[w+1]
		s1 += table[x]
		c1 += table[x+1]
		s2 += table[y]
		c2 += table[y+1]
		s3 += table[z]
		c3 += table[z+1]
	}
	return s0 + c0 + s1 + c1 + s2 + c2 + s3 + c3
}

var sink float64
