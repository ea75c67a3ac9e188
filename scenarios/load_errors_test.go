package scenarios

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
		if _, err := Load(path, nil); err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, tc.want)) {
			t.Errorf("%q: err = %v, want %q", tc.text, err, tc.want)
		}
	}
}
