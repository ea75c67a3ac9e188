//go:build unix

package sweep

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// errLocked reports a file another process has locked.
var errLocked = errors.New("locked by another process")

// lockFile takes an exclusive flock(2) on f without waiting: errLocked if
// another open file holds it. The lock is released when f is closed or
// the process ends, however it ends.
//
// On NFS, Linux implements flock with the protocol's byte-range locks
// (NLM for NFSv3, built in for NFSv4), so two clients exclude each other
// as long as the mount has locking (not "nolock" or "local_lock=flock").
// A client cut off from the server loses its lock when its lease expires
// while its sweep may still run; the checksums of the journal's rows and
// the merge's checks are then what keeps a damaged row out of the output.
func lockFile(f *os.File) error {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		switch {
		case errors.Is(err, unix.EINTR):
			continue
		case errors.Is(err, unix.EWOULDBLOCK):
			return errLocked
		}
		return err
	}
}
