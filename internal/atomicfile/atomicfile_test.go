package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// text returns a write function that writes s.
func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestWriteWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := Write(path, text("first")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half of the second")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	got, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if string(got) != "first" || len(entries) != 1 {
		t.Fatalf("after a failed write: %q, %d entries", got, len(entries))
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Fatalf("mode %v", fi.Mode().Perm())
	}
	if err := Write(filepath.Join(dir, "missing", "x"), text("")); err == nil {
		t.Fatal("writing into a missing directory succeeded")
	}
}

func TestWriteKeepsPermissions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "script.sh")
	if err := os.WriteFile(path, []byte("old"), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, text("new")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o750 {
		t.Fatalf("mode %v, want 0750 kept", fi.Mode().Perm())
	}
}

func TestDashIsStandardOutput(t *testing.T) {
	var stdout bytes.Buffer
	if err := WriteTo("-", &stdout, text("report")); err != nil {
		t.Fatal(err)
	}
	if stdout.String() != "report" {
		t.Fatalf("stdout %q", stdout.String())
	}
	if _, err := os.Lstat("-"); err == nil {
		t.Fatal(`a file named "-" was created`)
	}
}

func TestSymlinkTargetReplaced(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "data", "real.json")
	os.Mkdir(filepath.Dir(target), 0o755)
	os.WriteFile(target, []byte("old"), 0o644)
	// link → hop (relative) → data/real.json: a chain of two links.
	hop, link := filepath.Join(dir, "hop.json"), filepath.Join(dir, "link.json")
	if err := os.Symlink("data/real.json", hop); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(hop, link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, text("new")); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{link, hop} {
		if fi, err := os.Lstat(l); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("%s is no longer a symbolic link: %v", l, err)
		}
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Fatalf("target holds %q", got)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*", ".*.tmp"))
	if len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}

	dangling := filepath.Join(dir, "dangling.json")
	os.Symlink("data/new.json", dangling)
	if err := Write(dangling, text("created")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "data", "new.json")); string(got) != "created" {
		t.Fatalf("a dangling link's target holds %q", got)
	}
}

func TestSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.Symlink(b, a)
	os.Symlink(a, b)
	if err := Write(a, text("x")); err == nil {
		t.Fatal("writing through a loop of links succeeded")
	}
}

func TestDevNullWrittenInPlace(t *testing.T) {
	before, err := os.Stat(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	if err := Write(os.DevNull, text("discarded")); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(os.DevNull)
	if err != nil || after.Mode() != before.Mode() || after.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s changed: %v → %v (%v)", os.DevNull, before.Mode(), after.Mode(), err)
	}
}

func TestFIFOWrittenInPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(path) // blocks until the writer opens
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := Write(path, text("through the pipe")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Fatalf("the reader got %q", s)
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO was replaced: %v %v", fi.Mode(), err)
	}
}

func TestDirectoryRefused(t *testing.T) {
	dir := t.TempDir()
	err := Write(dir, text("x"))
	if err == nil || !strings.Contains(err.Error(), "is a directory") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("err = %v, want a one-line 'is a directory'", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("the directory got %d entries", len(entries))
	}
}

func TestProcFileWrittenThrough(t *testing.T) {
	// /proc/self/fd/N of a regular file: appended to, never replaced, as
	// when a script redirects standard output and passes --out /dev/stdout.
	path := filepath.Join(t.TempDir(), "redirected.txt")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString("earlier output\n")
	proc := filepath.Join("/proc/self/fd", strconv.Itoa(int(f.Fd())))
	if _, err := os.Stat(proc); err != nil {
		t.Skip("no /proc:", err)
	}
	if err := Write(proc, text("report\n")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "earlier output\nreport\n" {
		t.Fatalf("the redirected file holds %q", got)
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	for _, ok := range []string{"-", os.DevNull, filepath.Join(dir, "new.json")} {
		if err := Check(ok); err != nil {
			t.Errorf("Check(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", dir, filepath.Join(dir, "missing", "x.json")} {
		if err := Check(bad); err == nil {
			t.Errorf("Check(%q) accepted it", bad)
		}
	}
}
