package vectorstore

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// A store's directory and files hold the node owner's knowledge base:
// readable by the owner only.
const (
	dirMode  fs.FileMode = 0o700
	fileMode fs.FileMode = 0o600
)

// tightenModes removes group and other permissions from dir and the files
// directly in it (an older version wrote 0755 and 0644). It never loosens a
// mode.
func tightenModes(dir string) error {
	tighten := func(p string, mode fs.FileMode) error {
		st, err := os.Lstat(p)
		if err != nil {
			return err
		}
		if !st.Mode().IsRegular() && !st.IsDir() {
			return nil
		}
		if perm := st.Mode().Perm(); perm&^mode != 0 {
			return os.Chmod(p, perm&mode)
		}
		return nil
	}
	if err := tighten(dir, dirMode); err != nil {
		return fmt.Errorf("vectorstore: %w", err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("vectorstore: %w", err)
	}
	for _, e := range ents {
		mode := fileMode
		if e.IsDir() {
			mode = dirMode
		}
		if err := tighten(filepath.Join(dir, e.Name()), mode); err != nil {
			return fmt.Errorf("vectorstore: %w", err)
		}
	}
	return nil
}
