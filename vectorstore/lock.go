package vectorstore

import (
	"errors"
	"fmt"
	"os"

	"github.com/gaianet-go/gaianet/internal/filelock"
)

// lockDir opens path and takes its exclusive lock (flock on Unix, LockFileEx
// on Windows: package filelock), so that a second process cannot open the
// same store. The lock goes with the file's close (or the process's death).
func lockDir(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, fileMode)
	if err != nil {
		return nil, fmt.Errorf("vectorstore: %w", err)
	}
	if err := filelock.TryLock(f); err != nil {
		f.Close()
		if errors.Is(err, filelock.ErrLocked) {
			return nil, fmt.Errorf("vectorstore: store %s is in use by another process: %w", path, err)
		}
		return nil, fmt.Errorf("vectorstore: %w", err)
	}
	return f, nil
}
