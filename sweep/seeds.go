package sweep

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ParseSeeds parses --seeds: comma-separated items, each a seed ("7") or
// an inclusive range A..B ("1..10"). The result is sorted ascending; a
// seed given twice is an error, and so are more than [MaxSeeds] seeds.
func ParseSeeds(s string) ([]uint64, error) {
	if len(s) > maxSpecLen {
		return nil, fmt.Errorf("--seeds is %d bytes long; the limit is %d", len(s), maxSpecLen)
	}
	var seeds []uint64
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		lo, hi, isRange := strings.Cut(item, "..")
		a, err := parseSeed(lo)
		if err != nil {
			return nil, fmt.Errorf("--seeds %q: %v", s, err)
		}
		b := a
		if isRange {
			if b, err = parseSeed(hi); err != nil {
				return nil, fmt.Errorf("--seeds %q: %v", s, err)
			}
			if b < a {
				return nil, fmt.Errorf("--seeds %q: range %s counts down; write it as %d..%d", s, item, b, a)
			}
		}
		if b-a >= uint64(MaxSeeds-len(seeds)) {
			return nil, fmt.Errorf("--seeds %q: more than %d seeds", s, MaxSeeds)
		}
		for v := a; ; v++ {
			seeds = append(seeds, v)
			if v == b {
				break
			}
		}
	}
	slices.Sort(seeds)
	for i := 1; i < len(seeds); i++ {
		if seeds[i] == seeds[i-1] {
			return nil, fmt.Errorf("--seeds %q: seed %d given twice", s, seeds[i])
		}
	}
	return seeds, nil
}

func parseSeed(s string) (uint64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty seed (want 1..N or a list such as 3,7,9)")
	}
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("seed %q is not a non-negative integer", s)
	}
	return v, nil
}
