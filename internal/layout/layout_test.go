// Package layout holds only tests, which enforce the dependency direction
// documented in the README's Layout section (cmd → sweep, compare →
// scenarios → model → sim → clock, internal/ under all of them) and keep
// the repository self-contained.
package layout

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/esgtsim/esgtsim"

// rules says, for each package pattern, which imports are forbidden
// anywhere in its (non-test) dependency graph.
var rules = []struct {
	pkgs      string
	forbidden []string // import path prefixes
	reason    string
	direct    bool // check only the packages' own imports, not third-party dependencies
}{
	{module + "/clock", []string{module + "/", "math/rand", "gonum.org/", "golang.org/x/"}, "clock imports only the standard library", false},
	{module + "/sim", []string{"math/rand\x00", module + "/model", module + "/scenarios", module + "/cmd", "gonum.org/", "golang.org/x/exp", "github.com/google/go-cmp"}, "the kernel never imports the model or third-party code", false},
	{module + "/model/...", []string{module + "/scenarios", module + "/cmd", "github.com/spf13/", "github.com/google/go-cmp"}, "the model never imports the CLI, scenarios or test-only libraries", false},
	{module + "/scenarios/...", []string{module + "/cmd", "github.com/spf13/", "github.com/google/go-cmp"}, "scenarios never import the CLI", false},
	// Our own code never uses math/rand v1; third-party code may (gonum
	// plot's PDF backend does), since it never runs on the simulation path.
	{module + "/...", []string{"math/rand\x00", "golang.org/x/exp/rand"}, "all randomness is math/rand/v2 PCG from named streams", true},
}

type pkg struct {
	ImportPath string
	Deps       []string
	Imports    []string
}

func TestDependencyDirection(t *testing.T) {
	for _, r := range rules {
		out, err := exec.Command("go", "list", "-json=ImportPath,Deps,Imports", r.pkgs).Output()
		if err != nil {
			if strings.Contains(string(out)+err.Error(), "matched no packages") {
				continue
			}
			t.Fatalf("go list %s: %v", r.pkgs, err)
		}
		dec := json.NewDecoder(strings.NewReader(string(out)))
		for dec.More() {
			var p pkg
			if err := dec.Decode(&p); err != nil {
				t.Fatal(err)
			}
			deps := p.Deps
			if r.direct {
				deps = p.Imports
			}
			for _, d := range deps {
				for _, f := range r.forbidden {
					// A trailing NUL marks an exact match rather than a prefix.
					exact, isExact := strings.CutSuffix(f, "\x00")
					if (isExact && d == exact) || (!isExact && strings.HasPrefix(d, f)) {
						t.Errorf("%s depends on %s: %s", p.ImportPath, d, r.reason)
					}
				}
			}
		}
	}
}
