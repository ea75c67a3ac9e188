package spec

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"

	"github.com/esgtsim/esgtsim/model/fabric"
)

// loadEdges reads fabric.edges, if set, relative to the scenario file's
// directory, keeps its bytes' digest (see [Scenario.EdgesSHA256]), and makes the fabric's node count the list's (or checks the
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
	data, err := os.ReadFile(path)
	if err != nil {
		return sc.errorf("fabric.edges", "%v", err)
	}
	nodes := 0
	if sc.meta.Has("fabric.nodes") {
		nodes = f.Nodes
	}
	list, err := fabric.ReadEdgeList(path, bytes.NewReader(data), nodes)
	if err != nil {
		return sc.errorf("fabric.edges", "%v", err)
	}
	if list.Nodes > MaxNodes {
		return sc.errorf("fabric.edges", "%d nodes exceed the limit of %d", list.Nodes, MaxNodes)
	}
	sc.edges, sc.edgesSum, f.Nodes = list, sha256.Sum256(data), list.Nodes
	return nil
}
