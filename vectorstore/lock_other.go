//go:build !unix

package vectorstore

import (
	"fmt"
	"os"
)

// lockDir opens path; platforms without flock get no cross-process lock.
func lockDir(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, fileMode)
	if err != nil {
		return nil, fmt.Errorf("vectorstore: %w", err)
	}
	return f, nil
}
