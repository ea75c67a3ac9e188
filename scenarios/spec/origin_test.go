package spec

import "testing"

// TestOrigin: a key is set by the file at its line, by an override (or an
// override of a table holding it), or by neither (the default), and a
// table written in the file does not claim the keys it leaves out.
func TestOrigin(t *testing.T) {
	sc, err := Parse("t.toml", []byte(minimal), []string{"seed=9", "oscillator={coupling = 3}", "workload[0].salience={mode = \"uniform\", min = 0.5, max = 0.9}"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want string // "" for the default
	}{
		{"duration", "t.toml:2"},
		{"fabric.nodes", "t.toml:5"},
		{"workload[0].rate_hz", "t.toml:9"},
		{"seed", "--set seed=9"},
		{"oscillator.coupling", "--set oscillator={coupling = 3}"},
		{"oscillator.step", ""}, // the override's table does not set it
		{"workload[0].salience.min", `--set workload[0].salience={mode = "uniform", min = 0.5, max = 0.9}`},
		{"workload[0].salience.value", ""},
		{"fabric.min_degree", ""},
		{"workload[0].stop", ""},
		{"triggers.min_salience", ""},
	} {
		pos, ok := sc.Origin(tc.path)
		switch {
		case tc.want == "" && ok:
			t.Errorf("Origin(%q) = %v, want the default", tc.path, pos)
		case tc.want != "" && (!ok || pos.String() != tc.want):
			t.Errorf("Origin(%q) = %v, %v; want %s", tc.path, pos, ok, tc.want)
		}
	}
}
