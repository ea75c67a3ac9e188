package sweep

import (
	"fmt"
	"strconv"
	"strings"
)

// Shard selects slice Index of Count disjoint slices of a sweep's cells,
// round-robin: cell c belongs to shard c mod Count. Round-robin spreads
// expensive parameter values over all shards, which contiguous blocks
// would not (the first --param varies slowest). The zero Shard means the
// whole sweep, unsharded.
type Shard struct {
	Index int // 0-based, as JOB_COMPLETION_INDEX and SLURM_ARRAY_TASK_ID count
	Count int // 0 for an unsharded sweep
}

// MaxShards is the largest shard count --shard accepts.
const MaxShards = 1_000_000

// ParseShard parses "I/N" with 0 <= I < N.
func ParseShard(s string) (Shard, error) {
	is, ns, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return Shard{}, fmt.Errorf("--shard %q: want I/N, e.g. 0/4 (I counts from 0 to N-1)", s)
	}
	i, err1 := strconv.Atoi(strings.TrimSpace(is))
	n, err2 := strconv.Atoi(strings.TrimSpace(ns))
	switch {
	case err1 != nil || err2 != nil:
		return Shard{}, fmt.Errorf("--shard %q: I and N must be integers, e.g. 0/4", s)
	case n < 1 || n > MaxShards:
		return Shard{}, fmt.Errorf("--shard %q: N must be between 1 and %d", s, MaxShards)
	case i < 0 || i >= n:
		return Shard{}, fmt.Errorf("--shard %q: I must be between 0 and N-1 = %d (it counts from 0)", s, n-1)
	}
	return Shard{Index: i, Count: n}, nil
}

// Sharded reports whether s selects a slice (even the only one, 0/1)
// rather than the whole, unsharded sweep.
func (s Shard) Sharded() bool { return s.Count > 0 }

// String formats s as "I/N", or "" for an unsharded sweep.
func (s Shard) String() string {
	if !s.Sharded() {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// Cells returns the indexes of the cells of s among total cells, in
// ascending order.
func (s Shard) Cells(total int) []int {
	if !s.Sharded() {
		s = Shard{Index: 0, Count: 1}
	}
	cells := make([]int, 0, (total+s.Count-1-s.Index)/s.Count)
	for c := s.Index; c < total; c += s.Count {
		cells = append(cells, c)
	}
	return cells
}
