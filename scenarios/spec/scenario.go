package spec

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"os"
	"path"
	"strings"

	"github.com/esgtsim/esgtsim/internal/strictoml"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// Scenario is a loaded, validated scenario file.
type Scenario struct {
	Spec   Spec
	File   string // the built-in's name or the file's path
	Source []byte // the file as read, before overrides
	// Overrides are the --set overrides applied, "path=value" as given.
	Overrides []string
	meta      *strictoml.Meta

	// report is the schema of the report the criteria judge.
	report   *verdict.Schema
	criteria []verdict.Criterion
	// edges is the topology read from fabric.edges, nil when the fabric
	// is generated; edgesSum is the SHA-256 of that file's bytes.
	edges    *fabric.EdgeList
	edgesSum [sha256.Size]byte
}

// EdgesSHA256 returns the SHA-256 (hex) of the fabric.edges file as it
// was read, "" when the fabric is generated: what identifies the topology
// where the key holds only its path.
func (sc *Scenario) EdgesSHA256() string {
	if sc.edges == nil {
		return ""
	}
	return hex.EncodeToString(sc.edgesSum[:])
}

// EdgeList returns the topology read from fabric.edges, nil when the
// fabric is generated.
func (sc *Scenario) EdgeList() *fabric.EdgeList { return sc.edges }

// Load reads and parses the scenario file at path (see [Parse]). The file
// must hold something that happens: an empty file, or one without a
// [[workload]], a [[needs.change]] or a [[fault]], is refused. An error
// reading the file is returned as it is.
func Load(path string, overrides []string, report *verdict.Schema) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &strictoml.Error{Pos: strictoml.Pos{File: path}, Msg: "the scenario file is empty; start from a built-in one (esgtsim show latency > mine.toml)"}
	}
	sc, err := Parse(path, data, overrides, report)
	if err != nil {
		return nil, err
	}
	if s := &sc.Spec; len(s.Workloads) == 0 && len(s.Needs.Changes) == 0 && len(s.Faults) == 0 {
		return nil, sc.errorf("", "the scenario has no [[workload]], [[needs.change]] or [[fault]]: nothing would happen in it")
	}
	return sc, nil
}

// Parse decodes and validates a scenario file, applying overrides
// ("path.to.key=value") first. Every mistake is an error naming the file,
// the line and the key. The metrics of the file's [[criterion]] tables
// are checked against report, the schema of the run report they judge; a
// file without criteria needs none (nil).
func Parse(file string, data []byte, overrides []string, report *verdict.Schema) (*Scenario, error) {
	spec, _ := DefaultSpecFor(revisionOf(data, overrides))
	meta, err := strictoml.Decode(file, data, overrides, &spec)
	if err != nil {
		return nil, err
	}
	sc := &Scenario{Spec: spec, File: file, Source: data, Overrides: overrides, meta: meta, report: report}
	if !meta.Has("arousal.initial") {
		sc.Spec.Arousal.Initial = sc.Spec.Arousal.Baseline
	}
	if !meta.Has("needs.base.temperature_c") {
		sc.Spec.Needs.Base.TemperatureC = math.NaN()
	}
	if !meta.Has("needs.base.power_w") {
		sc.Spec.Needs.Base.PowerW = math.NaN()
	}
	if sc.Spec.Name == "" {
		sc.Spec.Name = strings.TrimSuffix(path.Base(file), ".toml")
	}
	if err := sc.validate(); err != nil {
		return nil, err
	}
	return sc, nil
}

// errorf returns an error about path at its position in the file.
func (sc *Scenario) errorf(path, format string, args ...any) error {
	return sc.meta.Errorf(path, format, args...)
}

// KeyError returns err as an error about the key at path, with the
// position of the key in the file when it is there: file:line: key: err.
func (sc *Scenario) KeyError(path string, err error) error {
	return sc.errorf(path, "%v", err)
}
