package strictoml

import (
	"errors"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

type sample struct {
	Name  string         `toml:"name"`
	Seed  uint64         `toml:"seed"`
	Inner inner          `toml:"inner"`
	Items []item         `toml:"items"`
	Rates []float64      `toml:"rates" check:"pos"`
	Wait  clock.Duration `toml:"wait"`
	Flag  bool           `toml:"flag"`
}

type inner struct {
	Nodes int     `toml:"nodes" check:"pos,max=1000"`
	P     float64 `toml:"p" check:"prob"`
	Gain  float64 `toml:"gain"`
}

type item struct {
	Kind  string         `toml:"kind"`
	At    clock.Duration `toml:"at"`
	Count int            `toml:"count" check:"nonneg"`
}

func (it *item) SetDefaults() { it.Count = 7 }

func defaults() sample {
	return sample{Name: "default", Inner: inner{Nodes: 16, P: 0.5, Gain: -0.2}, Wait: clock.Second}
}

const good = `# a comment
name = "x"
seed = 42

[inner]
nodes = 32
p = 0.25

[[items]]
kind = "a"
at = "10ms"

[[items]]
kind = "b"
count = 3
`

func TestDecodeGood(t *testing.T) {
	v := defaults()
	meta, err := Decode("s.toml", []byte(good), nil, &v)
	if err != nil {
		t.Fatal(err)
	}
	if v.Name != "x" || v.Seed != 42 || v.Inner.Nodes != 32 || v.Inner.P != 0.25 {
		t.Fatalf("decoded %+v", v)
	}
	if v.Inner.Gain != -0.2 || v.Wait != clock.Second {
		t.Fatalf("defaults lost: %+v", v)
	}
	if len(v.Items) != 2 || v.Items[0].At != 10*clock.Millisecond || v.Items[0].Count != 7 || v.Items[1].Count != 3 {
		t.Fatalf("items %+v (defaults must apply per element)", v.Items)
	}
	for path, line := range map[string]int{"seed": 3, "inner": 5, "inner.p": 7, "items[0]": 9, "items[1].count": 15, "items[1]": 13} {
		if got := meta.Pos(path); got.Line != line || got.File != "s.toml" {
			t.Errorf("Pos(%s) = %v, want line %d", path, got, line)
		}
	}
	if !meta.Has("inner.nodes") || meta.Has("inner.gain") {
		t.Error("Has does not tell set keys from defaults")
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  string
		sets []string
		want string // the error must contain this
	}{
		{"syntax", "name = \n", nil, "s.toml:1:"},
		{"duplicate key", "name = \"a\"\nname = \"b\"\n", nil, "s.toml:2:"},
		{"unknown key with suggestion", "[inner]\nnodez = 3\n", nil, `s.toml:2: inner.nodez: unknown key (did you mean "nodes"?)`},
		{"unknown key lists known", "[inner]\nzzzzzzzz = 3\n", nil, "known keys: gain, nodes, p"},
		{"wrong type", "[inner]\nnodes = \"32\"\n", nil, `s.toml:2: inner.nodes: want an integer, got the string "32"`},
		{"float for int", "[inner]\nnodes = 3.5\n", nil, "want an integer, got the number 3.5"},
		{"NaN", "[inner]\ngain = nan\n", nil, "s.toml:2: inner.gain: want a finite number, got NaN"},
		{"infinity", "[inner]\ngain = -inf\n", nil, "want a finite number"},
		{"probability", "[inner]\n\np = 1.5\n", nil, "s.toml:3: inner.p: 1.5 must be in [0, 1]"},
		{"negative count", "[[items]]\n[[items]]\ncount = -1\n", nil, "s.toml:3: items[1].count: -1 must be >= 0"},
		{"positive check", "[inner]\nnodes = 0\n", nil, "inner.nodes: 0 must be > 0"},
		{"max check", "[inner]\nnodes = 5000\n", nil, "inner.nodes: 5000 must be <= 1000"},
		{"negative duration", "wait = \"-5ms\"\n", nil, "s.toml:1: wait: durations must not be negative"},
		{"bad duration", "wait = \"soon\"\n", nil, `want a duration such as "200ms"`},
		{"duration as number", "wait = 200\n", nil, `want a duration string such as "200ms", got the integer 200`},
		{"negative seed", "seed = -1\n", nil, "want a non-negative integer"},
		{"array element check", "rates = [1, 0]\n", nil, "s.toml:1: rates[1]: 0 must be > 0"},
		{"table expected", "inner = 3\n", nil, "want a table"},
		{"inline table position", "items = [\n  {kind = \"a\"},\n  {kind = \"b\", bogus = 1},\n]\n", nil, "s.toml:3: items[1].bogus: unknown key"},
		{"override unknown key", good, []string{"inner.nodess=3"}, "--set inner.nodess=3: inner.nodess: unknown key"},
		{"override wrong value", good, []string{"inner.p=2"}, "--set inner.p=2: inner.p: 2 must be in [0, 1]"},
		{"override bad syntax", good, []string{"inner.p"}, "want path.to.key=value"},
		{"override missing element", good, []string{"items[5].count=1"}, "no element items[5]"},
		{"override through a value", good, []string{"name.x=1"}, "name is not a table"},
		{"override bad path", good, []string{"a..b=1"}, "bad key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := defaults()
			_, err := Decode("s.toml", []byte(tc.doc), tc.sets, &v)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

func TestOverrides(t *testing.T) {
	v := defaults()
	meta, err := Decode("s.toml", []byte(good), []string{
		"inner.nodes=64", "wait=50ms", "items[1].kind=c", "name=\"quoted\"", "rates=[1, 2.5]", "flag=true",
	}, &v)
	if err != nil {
		t.Fatal(err)
	}
	if v.Inner.Nodes != 64 || v.Wait != 50*clock.Millisecond || v.Items[1].Kind != "c" || v.Name != "quoted" || len(v.Rates) != 2 || !v.Flag {
		t.Fatalf("overrides not applied: %+v", v)
	}
	if got := meta.Pos("inner.nodes").String(); got != "--set inner.nodes=64" {
		t.Errorf("override position %q", got)
	}
	if got := meta.Pos("rates[1]").String(); got != "--set rates=[1, 2.5]" {
		t.Errorf("nested override position %q", got)
	}
	if got := meta.Pos("inner").String(); !strings.HasPrefix(got, "s.toml:") {
		t.Errorf("a table of the file moved to the override: %q", got)
	}
}

// TestOverrideOfMissingTable: an unknown table created by an override is
// reported at the override, not at the file.
func TestOverrideOfMissingTable(t *testing.T) {
	v := defaults()
	_, err := Decode("s.toml", []byte(good), []string{"nosuchtable.x=3"}, &v)
	var e *Error
	if !errors.As(err, &e) || e.Pos.String() != "--set nosuchtable.x=3" || e.Key != "nosuchtable" {
		t.Fatalf("err = %v, want it at --set nosuchtable.x=3 about nosuchtable", err)
	}
}

func TestFirstErrorIsStable(t *testing.T) {
	doc := "zzz = 1\naaa = 2\nmmm = 3\n"
	for range 20 {
		v := defaults()
		_, err := Decode("s.toml", []byte(doc), nil, &v)
		if err == nil || !strings.Contains(err.Error(), "aaa") {
			t.Fatalf("first error %v, want the one about aaa (sorted order)", err)
		}
	}
}

// TestPeekString: a top-level string after the overrides, a bare date as
// its text, and nothing for other types or broken documents.
func TestPeekString(t *testing.T) {
	for _, tc := range []struct {
		doc, set, want string
		ok             bool
	}{
		{"revision = \"a\"\n", "", "a", true},
		{"revision = 2025-10-07\n", "", "2025-10-07", true},
		{"revision = \"a\"\n", "revision=2025-11-15", "2025-11-15", true},
		{"revision = 3\n", "", "", false},
		{"revision = \n", "", "", false},
		{"[t]\nrevision = \"a\"\n", "", "", false},
	} {
		var sets []string
		if tc.set != "" {
			sets = []string{tc.set}
		}
		got, ok := PeekString([]byte(tc.doc), sets, "revision")
		if got != tc.want || ok != tc.ok {
			t.Errorf("%q %q: %q %v, want %q %v", tc.doc, tc.set, got, ok, tc.want, tc.ok)
		}
	}
}
