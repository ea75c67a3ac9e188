package layout

import (
	"bytes"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// outsideReference matches a pointer out of the repository: the sibling
// folder the project's specification was once kept in, or the documents
// that lived there. The repository explains itself through docs/.
var outsideReference = regexp.MustCompile(`\.\./shared\b|/work/shared\b|\bMODEL\.md\b|\bBASELINE\.md\b|\bSTYLE\.md\b|\bMODEL §`)

// TestNoReferenceOutsideRepository fails on any tracked file that points
// outside the repository for its explanation, so that whoever clones the
// project can follow every reference.
func TestNoReferenceOutsideRepository(t *testing.T) {
	root, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skipf("not in a git work tree: %v", err)
	}
	cmd := exec.Command("git", "grep", "-n", "-I", "-E", outsideReference.String())
	cmd.Dir = strings.TrimSpace(string(root))
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
			return // git grep found nothing
		}
		t.Fatalf("git grep: %v", err)
	}
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		if bytes.HasPrefix(line, []byte("internal/layout/references_test.go:")) {
			continue // this file names the pattern
		}
		t.Errorf("reference outside the repository (cite docs/ instead): %s", line)
	}
}
