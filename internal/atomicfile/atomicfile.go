// Package atomicfile writes output files the way a script expects: a
// regular file whole or not at all, "-" to standard output, and devices,
// FIFOs and the like in place.
//
// Every output flag of esgtsim goes through WriteTo, so the rules are the
// same for all of them:
//
//   - "-" is standard output.
//   - A path that does not exist, or an existing regular file, is written
//     to a temporary file in the same directory and renamed over the path
//     only when the write succeeds: readers see the old file or the new
//     one, never half of it. An existing file keeps its permissions; a new
//     one is made 0644.
//   - A symbolic link is followed (a chain of them too) and its final
//     target is replaced that way; the link itself stays a link.
//   - An existing file that is not regular (a character device such as
//     /dev/null or a terminal, a FIFO, a socket) is opened and written in
//     place, never replaced. So is any path under /dev or /proc
//     (/dev/stdout, /dev/fd/3, /proc/self/fd/1), appending when it leads
//     to a regular file, as the shell's ">" redirection has already
//     truncated it. What was written before a failure stays written there.
//   - A directory is refused with a one-line error.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Stdout is the path that means standard output.
const Stdout = "-"

// Write is WriteTo with os.Stdout standing for "-".
func Write(path string, write func(io.Writer) error) error {
	return WriteTo(path, os.Stdout, write)
}

// WriteTo writes the output called path with write, following the rules
// of the package comment; stdout stands for "-". Errors name the path.
func WriteTo(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == Stdout {
		return write(stdout)
	}
	if path == "" {
		return errors.New("empty output file name")
	}
	fi, err := os.Stat(path) // follows links, /proc's magic ones included
	switch {
	case err == nil && fi.IsDir():
		return fmt.Errorf("%s is a directory, not a file", path)
	case err == nil && (!fi.Mode().IsRegular() || passThrough(path)):
		return writeInPlace(path, fi, write)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	target, err := resolveLinks(path)
	if err != nil {
		return err
	}
	return replace(target, fi, write)
}

// passThrough reports whether path names one of the system's views of open
// files (/dev/stdout, /dev/fd/N, /proc/self/fd/N and the like): those are
// written through, never replaced.
func passThrough(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	return strings.HasPrefix(abs, "/dev/") || strings.HasPrefix(abs, "/proc/")
}

// writeInPlace opens an existing file that must not be replaced and
// writes to it.
func writeInPlace(path string, fi fs.FileInfo, write func(io.Writer) error) error {
	flags := os.O_WRONLY
	if fi.Mode().IsRegular() {
		flags |= os.O_APPEND
	}
	f, err := os.OpenFile(path, flags, 0)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// maxLinks bounds a chain of symbolic links, as the kernel's ELOOP does.
const maxLinks = 40

// resolveLinks follows path while it is a symbolic link and returns the
// final target, which may not exist yet (a dangling link is written
// through to the file it names).
func resolveLinks(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// replace writes path whole or not at all: write fills a temporary file in
// the same directory, which is synced and renamed over path only if write
// succeeds. old is path's current state, nil if it does not exist. On any
// failure the temporary file is removed and path is left as it was.
func replace(path string, old fs.FileInfo, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	mode := fs.FileMode(0o644) // CreateTemp makes it 0600
	if old != nil {
		mode = old.Mode().Perm()
	}
	if err = f.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Check reports, before any work is done, whether path can be written: a
// command calls it when it parses its flags, so that a directory or a
// missing parent directory is refused at once rather than after a long
// run. "-" always can.
func Check(path string) error {
	if path == Stdout {
		return nil
	}
	if path == "" {
		return errors.New("empty output file name")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a directory, not a file", path)
	} else if err == nil {
		return nil
	}
	target, err := resolveLinks(path)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(filepath.Dir(target)); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot create %s: directory %s does not exist", path, filepath.Dir(target))
	} else if err != nil {
		return fmt.Errorf("cannot create %s: %w", path, err)
	} else if !fi.IsDir() {
		return fmt.Errorf("cannot create %s: %s is not a directory", path, filepath.Dir(target))
	}
	return nil
}
