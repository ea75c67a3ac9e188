package variate

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestNormalsMatchesNorm requires Normals.Fill to give Norm's draws on
// rand.New of an identically seeded source, bit for bit, the tails
// included, in fills of varying length, and to leave the source in the
// same state.
func TestNormalsMatchesNorm(t *testing.T) {
	const n = 1_000_000
	ref := rand.New(rand.NewPCG(2026, 13))
	src := rand.NewPCG(2026, 13)
	normals := NewNormals(src)
	buf := make([]float64, 37)
	tails := 0
	for done := 0; done < n; {
		fill := buf[:1+done%len(buf)]
		normals.Fill(fill, 0.25)
		for k, got := range fill {
			want := float64(0.25 * Norm(ref))
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("draw %d = %v, want %v", done+k, got, want)
			}
			if math.Abs(want) > 0.25*normR {
				tails++
			}
		}
		done += len(fill)
	}
	if tails < 400 {
		t.Errorf("%d draws in the tail, want at least 400", tails)
	}
	if got, want := src.Uint64(), ref.Uint64(); got != want {
		t.Errorf("source after the draws gives %#x, want %#x", got, want)
	}
}

// BenchmarkNorm compares a normal draw through rand.Rand with one from
// Normals.Fill, per draw.
func BenchmarkNorm(b *testing.B) {
	b.Run("Norm", func(b *testing.B) {
		r := rand.New(rand.NewPCG(1, 2))
		buf := make([]float64, 32)
		for b.Loop() {
			for k := range buf {
				buf[k] = float64(0.1 * Norm(r))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(buf)), "ns/draw")
	})
	b.Run("Normals.Fill", func(b *testing.B) {
		s := NewNormals(rand.NewPCG(1, 2))
		buf := make([]float64, 32)
		for b.Loop() {
			s.Fill(buf, 0.1)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(buf)), "ns/draw")
	})
}
