package sweep

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// A sharded output ends with one trailer line, after the rows:
//
//	#esgtsim-shard {"version":1,"fingerprint":"…","scenario":"latency","format":"csv","shard":0,"shards":4,"cells":100,"rows":25,"sha256":"…"}
//
// sha256 covers every byte before the trailer. A shard that was
// interrupted while streaming to standard output has no trailer, so Merge
// refuses it. Unsharded outputs have no trailer: they are plain CSV or
// JSON Lines.
const (
	trailerPrefix  = "#esgtsim-shard "
	trailerVersion = 1
)

type trailer struct {
	Version     int    `json:"version"`
	Fingerprint string `json:"fingerprint"`
	Scenario    string `json:"scenario"`
	Format      string `json:"format"`
	Shard       int    `json:"shard"`
	Shards      int    `json:"shards"`
	Cells       int    `json:"cells"`
	Rows        int    `json:"rows"`
	SHA256      string `json:"sha256"`
}

// Input is one shard output given to [Merge].
type Input struct {
	Name string // for error messages
	Data []byte
}

// shardFile is a parsed, checked shard output.
type shardFile struct {
	name   string
	t      trailer
	header []byte
	rows   [][]byte // one line each, "\n" included
}

// Merge checks that inputs are every shard of one sweep, each complete
// and unedited, none twice, and writes to w the bytes the unsharded sweep
// would have written: the header, then every row in cell order. Inputs may
// come in any order.
func Merge(w io.Writer, inputs []Input) error {
	if len(inputs) == 0 {
		return fmt.Errorf("no shard files to merge")
	}
	var shards []*shardFile
	for _, in := range inputs {
		s, err := parseShardFile(in)
		if err != nil {
			return err
		}
		if len(shards) == 0 {
			shards = make([]*shardFile, s.t.Shards)
		}
		first := firstOf(shards, s)
		switch {
		case s.t.Fingerprint != first.t.Fingerprint || s.t.Format != first.t.Format || s.t.Cells != first.t.Cells:
			return fmt.Errorf("%s and %s are shards of different sweeps (effective scenario configuration, --param, --seeds, --format, --columns or program version differ)", first.name, s.name)
		case s.t.Shards != len(shards):
			return fmt.Errorf("%s is shard %d/%d but %s is of %d shards", s.name, s.t.Shard, s.t.Shards, first.name, len(shards))
		case shards[s.t.Shard] != nil:
			return fmt.Errorf("%s and %s are both shard %d/%d", shards[s.t.Shard].name, s.name, s.t.Shard, s.t.Shards)
		case !bytes.Equal(s.header, first.header):
			return fmt.Errorf("%s and %s have different headers", first.name, s.name)
		}
		shards[s.t.Shard] = s
	}
	var missing []int
	for i, s := range shards {
		if s == nil {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing shard(s) %v of %d", missing, len(shards))
	}
	var out bytes.Buffer
	out.Write(shards[0].header)
	n := len(shards)
	for c := range shards[0].t.Cells {
		out.Write(shards[c%n].rows[c/n])
	}
	_, err := w.Write(out.Bytes())
	return err
}

// firstOf returns the first shard already placed, or s.
func firstOf(shards []*shardFile, s *shardFile) *shardFile {
	for _, f := range shards {
		if f != nil {
			return f
		}
	}
	return s
}

// parseShardFile splits a shard output into header, rows and trailer and
// checks the trailer against them.
func parseShardFile(in Input) (*shardFile, error) {
	data := in.Data
	if !bytes.HasSuffix(data, []byte("\n")) {
		return nil, fmt.Errorf("%s: does not end with a shard trailer line: not a --shard output, or the shard was interrupted", in.Name)
	}
	cut := bytes.LastIndexByte(data[:len(data)-1], '\n') + 1
	body, last := data[:cut], data[cut:len(data)-1]
	js, ok := bytes.CutPrefix(last, []byte(trailerPrefix))
	if !ok {
		return nil, fmt.Errorf("%s: no shard trailer: not a --shard output (unsharded outputs need no merge), or the shard was interrupted", in.Name)
	}
	s := &shardFile{name: in.Name}
	if err := json.Unmarshal(js, &s.t); err != nil {
		return nil, fmt.Errorf("%s: bad shard trailer: %v", in.Name, err)
	}
	t := &s.t
	sum := sha256.Sum256(body)
	switch {
	case t.Version != trailerVersion:
		return nil, fmt.Errorf("%s: shard trailer version %d; this esgtsim reads version %d", in.Name, t.Version, trailerVersion)
	case t.Shards < 1 || t.Shards > MaxShards || t.Shard < 0 || t.Shard >= t.Shards || t.Cells < 0 || t.Cells > MaxCells:
		return nil, fmt.Errorf("%s: bad shard trailer: shard %d/%d of %d cells", in.Name, t.Shard, t.Shards, t.Cells)
	case t.Format != CSV.String() && t.Format != JSONL.String():
		return nil, fmt.Errorf("%s: bad shard trailer: format %q", in.Name, t.Format)
	case hex.EncodeToString(sum[:]) != t.SHA256:
		return nil, fmt.Errorf("%s: damaged or edited: its rows do not match its trailer's checksum", in.Name)
	}
	lines := bytes.SplitAfter(body, []byte("\n"))
	lines = lines[:len(lines)-1] // body ends with "\n": the last element is empty
	if t.Format == CSV.String() {
		if len(lines) == 0 {
			return nil, fmt.Errorf("%s: no CSV header", in.Name)
		}
		s.header, lines = lines[0], lines[1:]
	}
	cells := Shard{Index: t.Shard, Count: t.Shards}.Cells(t.Cells)
	if len(lines) != len(cells) || t.Rows != len(cells) {
		return nil, fmt.Errorf("%s: %d rows; shard %d/%d of %d cells has %d", in.Name, len(lines), t.Shard, t.Shards, t.Cells, len(cells))
	}
	for k, line := range lines {
		if c, ok := rowCell(line); !ok || c != cells[k] {
			return nil, fmt.Errorf("%s: row %d is not cell %d", in.Name, k+1, cells[k])
		}
	}
	s.rows = lines
	return s, nil
}

// rowCell reads the cell index that starts a CSV ("12,...") or JSON Lines
// (`{"cell":12,...`) row.
func rowCell(line []byte) (int, bool) {
	line = bytes.TrimPrefix(line, []byte(`{"cell":`))
	end := bytes.IndexByte(line, ',')
	if end < 0 {
		return 0, false
	}
	c, err := strconv.Atoi(string(line[:end]))
	return c, err == nil
}
