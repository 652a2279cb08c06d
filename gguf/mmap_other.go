//go:build !unix

package gguf

import (
	"io"
	"os"
)

// mapFile reads the file into memory on platforms without mmap support in
// the standard library. Weights then live in the heap; unix systems map them.
func mapFile(fd *os.File, size int64) ([]byte, func() error, error) {
	b := make([]byte, size)
	if _, err := io.ReadFull(fd, b); err != nil {
		return nil, nil, err
	}
	return b, func() error { return nil }, nil
}
