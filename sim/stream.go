package sim

import (
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
)

// Stream returns the run's random stream called name: a PCG generator seeded
// from the run's seed and a hash of the name. Each component asks for its own
// stream, so adding or removing a component never changes another
// component's draws. Requesting the same name twice panics, because two
// components silently sharing draws is a bug; derive distinct names such as
// "fabric/2" instead.
func (s *Sim) Stream(name string) *rand.Rand {
	return rand.New(s.StreamSource(name))
}

// StreamSource returns the PCG source of the run's stream called name, for
// a component that draws from the source directly; it counts as
// requesting the stream, like [Sim.Stream].
func (s *Sim) StreamSource(name string) *rand.PCG {
	if _, dup := s.streams[name]; dup {
		panic(fmt.Sprintf("sim: stream %q requested twice", name))
	}
	s.streams[name] = struct{}{}
	return StreamSource(s.seed, name)
}

// NewStream returns the random stream called name for a run seeded with
// seed, independent of any simulator. [Sim.Stream] returns the same draws.
func NewStream(seed uint64, name string) *rand.Rand {
	return rand.New(StreamSource(seed, name))
}

// StreamSource returns the PCG source behind [NewStream].
func StreamSource(seed uint64, name string) *rand.PCG {
	f := fnv.New64a()
	io.WriteString(f, name)
	h := f.Sum64()
	return rand.NewPCG(splitmix64(seed), splitmix64(h^splitmix64(seed+0x9e3779b97f4a7c15)))
}

// splitmix64 scrambles x so that nearby seeds give unrelated PCG states.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
