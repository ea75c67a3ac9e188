package sweep

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// identity is what decides a sweep's rows, in a form a journal can keep
// and a later sweep can compare, to say what changed: the program, the
// format and columns, the seeds, the params and the scenario's effective
// settings with --set applied (before any --param).
type identity struct {
	Version  string       `json:"version"`
	Format   string       `json:"format"`
	Columns  []string     `json:"columns"`
	Seeds    string       `json:"seeds"`
	Params   []paramIdent `json:"params"`
	Settings settings     `json:"settings"`
}

type paramIdent struct {
	Path   string   `json:"path"`
	Values []string `json:"values"`
}

func (p *Plan) identity() identity {
	id := identity{Version: "esgtsim-sweep/2 " + p.def.Version, Format: p.def.Format.String(),
		Columns: p.columnNames(), Seeds: formatSeeds(p.def.Seeds), Params: []paramIdent{}, Settings: p.base}
	for _, q := range p.def.Params {
		id.Params = append(id.Params, paramIdent{q.Path, q.Values})
	}
	return id
}

// fingerprintOf hashes the sweep's identity without its settings, then
// the effective settings of every parameter combination in order (combos
// holds their digests, see [settingsDigest]): two plans with the same
// fingerprint load the same configuration into every cell and so produce
// the same rows. The scenario file's bytes, its name and its comments are
// not part of it.
func (p *Plan) fingerprintOf(combos [][sha256.Size]byte) string {
	id := p.identity()
	id.Settings = nil
	desc, err := json.Marshal(id)
	if err != nil {
		panic("sweep: fingerprint: " + err.Error())
	}
	h := sha256.New()
	h.Write(desc)
	for _, d := range combos {
		h.Write(d[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// settingsDigest hashes s, keys in order.
func settingsDigest(s settings) [sha256.Size]byte {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(s[k])
		b.WriteByte('\n')
	}
	return sha256.Sum256([]byte(b.String()))
}

// maxNamedChanges bounds the changes a mismatch names.
const maxNamedChanges = 5

// changes names what differs from old to cur, in words a user can act on:
// "triggers.refractory_period changed from 50ms to 60ms", "--seeds changed
// from 1..3 to 1..4". Settings that a --param of cur sweeps are not
// compared: the param decides them.
func changes(old, cur identity) []string {
	var out []string
	if old.Version != cur.Version {
		out = append(out, fmt.Sprintf("the program changed from %q to %q", old.Version, cur.Version))
	}
	if old.Format != cur.Format {
		out = append(out, fmt.Sprintf("--format changed from %s to %s", old.Format, cur.Format))
	}
	if !slices.Equal(old.Columns, cur.Columns) {
		out = append(out, fmt.Sprintf("--columns changed from %s to %s", strings.Join(old.Columns, ","), strings.Join(cur.Columns, ",")))
	}
	if old.Seeds != cur.Seeds {
		out = append(out, fmt.Sprintf("--seeds changed from %s to %s", old.Seeds, cur.Seeds))
	}
	out = append(out, paramChanges(old.Params, cur.Params)...)
	swept := map[string]bool{}
	for _, q := range cur.Params {
		swept[q.Path] = true
	}
	keys := make([]string, 0, len(old.Settings)+len(cur.Settings))
	for k := range old.Settings {
		keys = append(keys, k)
	}
	for k := range cur.Settings {
		if _, ok := old.Settings[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		was, hadIt := old.Settings[k]
		is, hasIt := cur.Settings[k]
		switch {
		case swept[k] || (was == is && hadIt == hasIt):
		case !hadIt:
			out = append(out, fmt.Sprintf("%s added (%s)", k, is))
		case !hasIt:
			out = append(out, fmt.Sprintf("%s removed (was %s)", k, was))
		default:
			out = append(out, fmt.Sprintf("%s changed from %s to %s", k, was, is))
		}
	}
	return out
}

func paramChanges(old, cur []paramIdent) []string {
	var out []string
	values := func(ps []paramIdent, path string) ([]string, bool) {
		for _, q := range ps {
			if q.Path == path {
				return q.Values, true
			}
		}
		return nil, false
	}
	for _, q := range old {
		if v, ok := values(cur, q.Path); !ok {
			out = append(out, fmt.Sprintf("--param %s was dropped", q.Path))
		} else if !slices.Equal(v, q.Values) {
			out = append(out, fmt.Sprintf("--param %s changed from %s to %s", q.Path, strings.Join(q.Values, ","), strings.Join(v, ",")))
		}
	}
	for _, q := range cur {
		if _, ok := values(old, q.Path); !ok {
			out = append(out, fmt.Sprintf("--param %s was added", q.Path))
		}
	}
	if out == nil && !slices.EqualFunc(old, cur, func(a, b paramIdent) bool { return a.Path == b.Path }) {
		out = append(out, "the --param flags changed order (it decides the cells' order)")
	}
	return out
}

// formatSeeds writes ascending seeds as --seeds would take them, runs as
// ranges: "1..50,60".
func formatSeeds(seeds []uint64) string {
	var b strings.Builder
	for i := 0; i < len(seeds); {
		j := i
		for j+1 < len(seeds) && seeds[j+1] == seeds[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatUint(seeds[i], 10))
		if j > i {
			b.WriteString("..")
			b.WriteString(strconv.FormatUint(seeds[j], 10))
		}
		i = j + 1
	}
	return b.String()
}
