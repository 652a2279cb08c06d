//go:build !unix && !windows

package filelock

import (
	"errors"
	"fmt"
	"os"
	"runtime"
)

// No cross-process lock exists on this platform (js, wasip1, plan9):
// refuse rather than pretend.
func tryLock(f *os.File) error {
	return fmt.Errorf("lock %s: %w on %s", f.Name(), errors.ErrUnsupported, runtime.GOOS)
}

func unlock(f *os.File) error {
	return fmt.Errorf("unlock %s: %w on %s", f.Name(), errors.ErrUnsupported, runtime.GOOS)
}
