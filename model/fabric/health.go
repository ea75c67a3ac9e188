package fabric

import (
	"math/rand/v2"
	"slices"

	"github.com/esgtsim/esgtsim/clock"
)

// HealthConfig is the original's TIG health loop (tig/fabric.py, revision
// 2025-11-15): every Interval, a node not heard from for more than Timeout
// is isolated (set Offline) and, with Repair, its neighbourhood is made a
// clique of bypass links.
type HealthConfig struct {
	Interval clock.Duration // 1 s
	Timeout  clock.Duration // 5 s
	Repair   bool
}

// DefaultHealthConfig returns the original's health loop: every second,
// isolate nodes silent for more than 5 s, and repair around them.
func DefaultHealthConfig() HealthConfig {
	return HealthConfig{Interval: clock.Second, Timeout: 5 * clock.Second, Repair: true}
}

// HealthStats counts what the health loop did.
type HealthStats struct {
	Checks      uint64 // passes of the loop
	Isolated    uint64 // nodes isolated
	BypassLinks uint64 // bypass links the repair added
}

// Health is the fabric's health loop. A node is heard from when a message
// reaches it (see [Health.Heard] and [Health.HeardFrom]); as in the
// original, an isolated node is never heard from again, so it never
// reintegrates by itself. It is not safe for concurrent use.
type Health struct {
	f        *Fabric
	cfg      HealthConfig
	lastSeen []clock.Time
	isolated []bool
	stats    HealthStats
}

// NewHealth returns the health loop of f, every node heard from at now.
func NewHealth(f *Fabric, cfg HealthConfig, now clock.Time) *Health {
	h := &Health{f: f, cfg: cfg, lastSeen: make([]clock.Time, f.n), isolated: make([]bool, f.n)}
	for i := range h.lastSeen {
		h.lastSeen[i] = now
	}
	return h
}

// Heard records that node i was heard from at now; an isolated node is
// not (the original's send path refuses isolated nodes before it could
// refresh them).
func (h *Health) Heard(i int, now clock.Time) {
	if !h.isolated[i] {
		h.lastSeen[i] = now
	}
}

// HeardFrom records every node i with reached[i] as heard from at now:
// give it what [Fabric.OnBroadcast] tells of a broadcast, at the time of
// that broadcast.
func (h *Health) HeardFrom(reached []bool, now clock.Time) {
	for i, r := range reached {
		if r {
			h.Heard(i, now)
		}
	}
}

// Check is one pass of the loop at now: every node not heard from for
// more than Timeout and not yet isolated is isolated (Offline) and, with
// Repair, every pair of its neighbours not yet linked gets a bypass link
// with latency drawn uniformly from the fabric's range by rng. It returns
// the number of nodes isolated in this pass.
func (h *Health) Check(now clock.Time, rng *rand.Rand) int {
	h.stats.Checks++
	isolated := 0
	for i := range h.lastSeen {
		if h.isolated[i] || now.Sub(h.lastSeen[i]) <= h.cfg.Timeout {
			continue
		}
		h.isolated[i] = true
		h.stats.Isolated++
		isolated++
		_ = h.f.CrashNode(i)
		if h.cfg.Repair {
			h.repair(i, rng)
		}
	}
	return isolated
}

// repair links every pair of node i's neighbours (over every link, active
// or not, as the original takes every connection) not yet linked.
func (h *Health) repair(i int, rng *rand.Rand) {
	f := h.f
	nb := slices.Concat(f.Neighbors(i), f.bypass.of(i))
	slices.Sort(nb)
	span := int64(f.cfg.LatencyMax-f.cfg.LatencyMin) + 1
	for x, a := range nb {
		for _, b := range nb[x+1:] {
			if _, err := f.LinkBetween(int(a), int(b)); err == nil || f.bypass.has(a, b) {
				continue
			}
			f.bypass.add(a, b, f.cfg.LatencyMin+clock.Duration(rng.Int64N(span)))
			h.stats.BypassLinks++
		}
	}
	f.reshaped()
}

// Isolated reports whether node i has been isolated.
func (h *Health) Isolated(i int) bool { return h.isolated[i] }

// Plus returns the sum of s and o, field by field.
func (s HealthStats) Plus(o HealthStats) HealthStats {
	return HealthStats{Checks: s.Checks + o.Checks, Isolated: s.Isolated + o.Isolated, BypassLinks: s.BypassLinks + o.BypassLinks}
}

// Stats returns what the loop has done so far.
func (h *Health) Stats() HealthStats { return h.stats }

// bypassLinks are the links the health loop's repair added. The
// original adds them to its nodes' connections but not to its graph, so
// they carry the coupling of ignitions and the broadcast (its nodes
// broadcast over every active connection of weight > 0.1; a bypass link
// is active, of weight 1 and lossless) but not the metrics.
type bypassLinks struct {
	adj [][]int32          // neighbours by bypass link, ascending
	lat [][]clock.Duration // the latency of each, beside adj
	set map[uint64]clock.Duration
}

func (b *bypassLinks) of(i int) []int32 {
	if i >= len(b.adj) {
		return nil
	}
	return b.adj[i]
}

// latencies returns the latencies of node i's bypass links, in the order
// of b.of(i).
func (b *bypassLinks) latencies(i int) []clock.Duration {
	if i >= len(b.lat) {
		return nil
	}
	return b.lat[i]
}

func (b *bypassLinks) has(x, y int32) bool {
	_, ok := b.set[edgeKey(x, y)]
	return ok
}

func (b *bypassLinks) add(x, y int32, latency clock.Duration) {
	if b.set == nil {
		b.set = map[uint64]clock.Duration{}
	}
	b.set[edgeKey(x, y)] = latency
	for _, e := range [][2]int32{{x, y}, {y, x}} {
		for int(e[0]) >= len(b.adj) {
			b.adj = append(b.adj, nil)
			b.lat = append(b.lat, nil)
		}
		row := b.adj[e[0]]
		k, _ := slices.BinarySearch(row, e[1])
		b.adj[e[0]] = slices.Insert(row, k, e[1])
		b.lat[e[0]] = slices.Insert(b.lat[e[0]], k, latency)
	}
}

// Bypass returns node i's neighbours over bypass links added by the
// health loop's repair, ascending; they weigh 1 (1.5 in ESGT mode).
func (f *Fabric) Bypass(i int) []int32 { return f.bypass.of(i) }

// BypassWeight returns the weight of every bypass link: 1, or 1.5 while
// the fabric is in ESGT mode, as the original's ESGT mode scales them.
func (f *Fabric) BypassWeight() float64 {
	if f.esgt {
		return esgtWeightFactor
	}
	return 1
}

// BypassLinks returns the number of bypass links.
func (f *Fabric) BypassLinks() int { return len(f.bypass.set) }
