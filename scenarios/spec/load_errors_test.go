package spec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadRefusesNothingToRun: an empty file, or one where nothing
// happens, is an error naming the file.
func TestLoadRefusesNothingToRun(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ text, want string }{
		{"", "empty.toml: the scenario file is empty"},
		{"\n# only a comment\n", "empty.toml: the scenario has no [[workload]]"},
		{"name = \"x\"\n[fabric]\nnodes = 8\n", "empty.toml: the scenario has no [[workload]]"},
	} {
		path := filepath.Join(dir, "empty.toml")
		os.WriteFile(path, []byte(tc.text), 0o644)
		if _, err := Load(path, nil, nil); err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, tc.want)) {
			t.Errorf("%q: err = %v, want %q", tc.text, err, tc.want)
		}
	}
}

// TestKeysThatDoNothingRefused: a key that the workload's kind or the
// salience's mode does not read is an error at its line.
func TestKeysThatDoNothingRefused(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"[[workload]]\nkind = \"burst\"\nsize = 3\nrate_hz = 4\n",
			"k.toml:4: workload[0].rate_hz: does nothing in a burst workload"},
		{"[[workload]]\nkind = \"poisson\"\nrate_hz = 4\n[workload.salience]\nmode = \"fixed\"\nmin = 0.3\n",
			"k.toml:6: workload[0].salience.min: does nothing in a salience mode fixed"},
		{"[[workload]]\nkind = \"poisson\"\nrate_hz = 4\ndelta = 0.1\n",
			"k.toml:4: workload[0].delta: does nothing in a poisson workload"},
	} {
		_, err := Parse("k.toml", []byte(tc.text), nil, nil)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\n got %v\nwant %s...", tc.text, err, tc.want)
		}
	}
	// The keys a kind reads are accepted.
	ok := "[[workload]]\nkind = \"batches\"\nsize = 2\nbatches = 3\nevery = \"1s\"\n[workload.salience]\nmode = \"uniform\"\nmin = 0.2\nmax = 0.9\n"
	if _, err := Parse("k.toml", []byte(ok), nil, nil); err != nil {
		t.Errorf("a valid batches workload: %v", err)
	}
	// An override that changes the mode leaves the file's idle keys be;
	// an override that sets an idle key is refused.
	fixed := "[[workload]]\nkind = \"poisson\"\nrate_hz = 4\n[workload.salience]\nmode = \"fixed\"\nvalue = 0.8\n"
	if _, err := Parse("k.toml", []byte(fixed), []string{"workload[0].salience.mode=uniform"}, nil); err != nil {
		t.Errorf("--set of the mode over a file's value: %v", err)
	}
	if _, err := Parse("k.toml", []byte(fixed), []string{"workload[0].salience.min=0.1"}, nil); err == nil || !strings.Contains(err.Error(), "--set workload[0].salience.min=0.1") {
		t.Errorf("--set of an idle key: %v", err)
	}
}
