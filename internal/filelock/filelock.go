package filelock

import (
	"errors"
	"os"
)

// ErrLocked means another open file (in this or another process) holds the
// lock.
var ErrLocked = errors.New("locked by another process")

// TryLock takes the exclusive lock of f without waiting. It returns an
// error wrapping ErrLocked when it is held elsewhere. The lock is released
// by Unlock, by closing f, or by the process's exit.
func TryLock(f *os.File) error { return tryLock(f) }

// Unlock releases a lock taken with TryLock.
func Unlock(f *os.File) error { return unlock(f) }
