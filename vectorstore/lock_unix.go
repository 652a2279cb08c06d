//go:build unix

package vectorstore

import (
	"fmt"
	"os"
	"syscall"
)

// lockDir opens path and takes an exclusive flock on it, so that a second
// process cannot open the same store. The lock goes with the file's close
// (or the process's death).
func lockDir(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, fileMode)
	if err != nil {
		return nil, fmt.Errorf("vectorstore: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, fmt.Errorf("vectorstore: store %s is in use by another process: %w", path, err)
	}
	return f, nil
}
