package scenarios

import (
	"os"
	"path/filepath"

	"github.com/esgtsim/esgtsim/model/fabric"
)

// loadEdges reads fabric.edges, if set, relative to the scenario file's
// directory, and makes the fabric's node count the list's (or checks the
// list against fabric.nodes when the scenario sets it).
func (sc *Scenario) loadEdges() error {
	f := &sc.Spec.Fabric
	if f.Edges == "" {
		return nil
	}
	path := f.Edges
	if !filepath.IsAbs(path) {
		path = filepath.Join(filepath.Dir(sc.File), path)
	}
	file, err := os.Open(path)
	if err != nil {
		return sc.errorf("fabric.edges", "%v", err)
	}
	defer file.Close()
	nodes := 0
	if sc.meta.Has("fabric.nodes") {
		nodes = f.Nodes
	}
	list, err := fabric.ReadEdgeList(path, file, nodes)
	if err != nil {
		return sc.errorf("fabric.edges", "%v", err)
	}
	if list.Nodes > MaxNodes {
		return sc.errorf("fabric.edges", "%d nodes exceed the limit of %d", list.Nodes, MaxNodes)
	}
	sc.edges, f.Nodes = list, list.Nodes
	return nil
}
