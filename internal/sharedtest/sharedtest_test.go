package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPath(t *testing.T) {
	root := Root()
	if root == "" {
		t.Skip("no shared folder here")
	}
	if _, err := os.Stat(root); err != nil {
		t.Fatal(err)
	}
	if got := Conformance(t); got != filepath.Join(root, "conformance") {
		t.Errorf("Conformance = %s", got)
	}
	t.Run("missing", func(t *testing.T) {
		Path(t, "no-such-folder")
		t.Error("Path did not skip for a missing folder")
	})
}
