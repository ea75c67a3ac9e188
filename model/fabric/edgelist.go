package fabric

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/esgtsim/esgtsim/clock"
)

// Columns of an edge list beyond the two node ids. Each is optional; a
// link whose file has no such column draws the attribute as a generated
// fabric does.
const (
	ColumnLatencyUS     = "latency_us"     // one-way latency in microseconds
	ColumnBandwidthGbps = "bandwidth_gbps" // nominal bandwidth
	ColumnWeight        = "weight"         // routing weight
)

// EdgeList is a fabric topology read by [ReadEdgeList]: undirected links
// between 0-based node ids, with optional attributes.
type EdgeList struct {
	// Nodes is the number of nodes: the highest id named plus one, or the
	// count the caller required.
	Nodes int
	// Links in file order.
	Links []ListedLink
	// Which optional columns the file has.
	HasLatency, HasBandwidth, HasWeight bool
}

// ListedLink is one line of an edge list.
type ListedLink struct {
	A, B          int
	Latency       clock.Duration // when the file has latency_us
	BandwidthGbps float64        // when the file has bandwidth_gbps
	Weight        float64        // when the file has weight
	Line          int            // line number in the file, from 1
}

// EdgeListError is a mistake in an edge list, at a line (0 for the file as
// a whole).
type EdgeListError struct {
	File string
	Line int
	Msg  string
}

func (e *EdgeListError) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ReadEdgeList reads an edge list as `esgtsim fabric --export-edges`
// writes it: one line "a,b" per undirected link, 0-based node ids. Lines
// starting with '#' and blank lines are skipped. A header line (its first
// field not a number) names the columns: two id columns, then any of
// latency_us, bandwidth_gbps and weight. nodes > 0 requires every id to be
// below it and gives the fabric that many nodes; nodes = 0 takes the
// highest id plus one. Ids out of range, self-loops, duplicate links (in
// either direction), bad values and a disconnected graph are errors naming
// file and line; name is the file's name for them.
func ReadEdgeList(name string, r io.Reader, nodes int) (*EdgeList, error) {
	errAt := func(line int, format string, a ...any) error {
		return &EdgeListError{File: name, Line: line, Msg: fmt.Sprintf(format, a...)}
	}
	list := &EdgeList{}
	var extra []string // optional columns, in file order
	seen := map[[2]int]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line, header := 0, false
	highest := -1
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, ",")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if !header && len(list.Links) == 0 && !isInteger(fields[0]) {
			header = true
			cols, err := edgeColumns(fields)
			if err != nil {
				return nil, errAt(line, "%v", err)
			}
			extra = cols
			for _, c := range cols {
				switch c {
				case ColumnLatencyUS:
					list.HasLatency = true
				case ColumnBandwidthGbps:
					list.HasBandwidth = true
				case ColumnWeight:
					list.HasWeight = true
				}
			}
			continue
		}
		header = true // a header may only come first
		if len(fields) != 2+len(extra) {
			return nil, errAt(line, "want %d comma-separated columns, got %d", 2+len(extra), len(fields))
		}
		l := ListedLink{Line: line}
		var err error
		if l.A, err = nodeID(fields[0], nodes); err != nil {
			return nil, errAt(line, "first node: %v", err)
		}
		if l.B, err = nodeID(fields[1], nodes); err != nil {
			return nil, errAt(line, "second node: %v", err)
		}
		if l.A == l.B {
			return nil, errAt(line, "node %d is linked to itself (self-loops are not allowed)", l.A)
		}
		key := [2]int{min(l.A, l.B), max(l.A, l.B)}
		if first, dup := seen[key]; dup {
			return nil, errAt(line, "link %d,%d is listed twice (first on line %d)", key[0], key[1], first)
		}
		seen[key] = line
		for i, c := range extra {
			v, err := strconv.ParseFloat(fields[2+i], 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, errAt(line, "%s: want a finite number, got %q", c, fields[2+i])
			}
			switch c {
			case ColumnLatencyUS:
				if v < 0 {
					return nil, errAt(line, "%s must not be negative, got %v", c, v)
				}
				if l.Latency, err = clock.FromSeconds(v * 1e-6); err != nil {
					return nil, errAt(line, "%s %v is out of range", c, v)
				}
			case ColumnBandwidthGbps:
				if v <= 0 {
					return nil, errAt(line, "%s must be positive, got %v", c, v)
				}
				l.BandwidthGbps = v
			case ColumnWeight:
				if v <= 0 {
					return nil, errAt(line, "%s must be positive, got %v", c, v)
				}
				l.Weight = v
			}
		}
		highest = max(highest, l.A, l.B)
		list.Links = append(list.Links, l)
	}
	if err := sc.Err(); err != nil {
		return nil, errAt(0, "%v", err)
	}
	if len(list.Links) == 0 {
		return nil, errAt(0, "no links")
	}
	list.Nodes = highest + 1
	if nodes > 0 {
		list.Nodes = nodes
	}
	if list.Nodes > MaxNodes {
		return nil, errAt(0, "%d nodes exceed the limit of %d", list.Nodes, MaxNodes)
	}
	if comps, far := list.components(); comps > 1 {
		return nil, errAt(0, "the graph is disconnected: %d components; node %d cannot be reached from node 0", comps, far)
	}
	return list, nil
}

// edgeColumns checks a header and returns its optional columns.
func edgeColumns(fields []string) ([]string, error) {
	if len(fields) < 2 {
		return nil, fmt.Errorf("a header needs two node columns, got %q", strings.Join(fields, ","))
	}
	var cols []string
	for _, c := range fields[2:] {
		switch c {
		case ColumnLatencyUS, ColumnBandwidthGbps, ColumnWeight:
		default:
			return nil, fmt.Errorf("unknown column %q (want %s, %s or %s)", c, ColumnLatencyUS, ColumnBandwidthGbps, ColumnWeight)
		}
		for _, prev := range cols {
			if prev == c {
				return nil, fmt.Errorf("column %q appears twice", c)
			}
		}
		cols = append(cols, c)
	}
	return cols, nil
}

func isInteger(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// nodeID parses a node id and checks it against nodes (when positive).
func nodeID(s string, nodes int) (int, error) {
	id, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return 0, fmt.Errorf("want a 0-based node id, got %q", s)
	case id < 0:
		return 0, fmt.Errorf("node id %d is negative", id)
	case nodes > 0 && id >= nodes:
		return 0, fmt.Errorf("node id %d is out of range: the fabric has nodes 0 to %d", id, nodes-1)
	case id >= MaxNodes:
		return 0, fmt.Errorf("node id %d exceeds the limit of %d nodes", id, MaxNodes)
	}
	return id, nil
}

// components returns the number of connected components and the lowest
// node outside node 0's component (or -1).
func (l *EdgeList) components() (int, int) {
	adj := l.adjacency()
	comp := make([]int, l.Nodes)
	for i := range comp {
		comp[i] = -1
	}
	count, far := 0, -1
	queue := make([]int32, 0, l.Nodes)
	for start := range l.Nodes {
		if comp[start] >= 0 {
			continue
		}
		if count == 1 && far < 0 {
			far = start
		}
		comp[start] = count
		queue = append(queue[:0], int32(start))
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for _, u := range adj[v] {
				if comp[u] < 0 {
					comp[u] = count
					queue = append(queue, u)
				}
			}
		}
		count++
	}
	return count, far
}

// adjacency returns the links as adjacency lists.
func (l *EdgeList) adjacency() [][]int32 {
	adj := make([][]int32, l.Nodes)
	for _, e := range l.Links {
		adj[e.A] = append(adj[e.A], int32(e.B))
		adj[e.B] = append(adj[e.B], int32(e.A))
	}
	return adj
}

// InitializeFromEdges builds the fabric's topology from list instead of
// generating it (the fabric must have list.Nodes nodes), draws from rng
// the attributes the list does not give, in link-id order as
// [Fabric.Initialize] does, and marks every node Active. Like Initialize,
// a second call returns [ErrAlreadyInitialized].
func (f *Fabric) InitializeFromEdges(list *EdgeList, rng *rand.Rand) error {
	if f.initialized {
		return ErrAlreadyInitialized
	}
	if rng == nil {
		return errors.New("fabric: InitializeFromEdges needs a random stream, got nil")
	}
	if list.Nodes != f.n {
		return fmt.Errorf("fabric: the edge list has %d nodes, the fabric %d", list.Nodes, f.n)
	}
	f.build(list.adjacency(), rng, nil) // read from a file: no generation to stop
	byPair := make(map[[2]int]int, len(list.Links))
	for i, e := range list.Links {
		byPair[[2]int{min(e.A, e.B), max(e.A, e.B)}] = i
	}
	for id := range f.links {
		l := &f.links[id]
		e := list.Links[byPair[[2]int{l.A, l.B}]]
		if list.HasLatency {
			l.Latency, f.baseLatency[id] = e.Latency, e.Latency
		}
		if list.HasBandwidth {
			l.BandwidthGbps = e.BandwidthGbps
		}
		if list.HasWeight {
			f.weights.set(id, len(f.links), e.Weight)
		}
	}
	f.weights.compact()
	return nil
}
