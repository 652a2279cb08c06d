package vectorstore

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenLocked: a store directory is opened by one Store at a time (the
// lock is per open file, so this holds within one process too), and the
// store's files are private to their owner.
func TestOpenLocked(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "vectors")
	s, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateCollection(ctx, "c", CollectionConfig{Dim: 2, Distance: Dot}); err != nil {
		t.Fatal(err)
	}
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, dir, nil); err == nil || !strings.Contains(err.Error(), "in use by another process") {
		t.Fatalf("second Open: %v", err)
	}
	want := map[string]os.FileMode{"": 0o700, walFile: 0o600, checkpointFile: 0o600, lockFile: 0o600}
	for name, mode := range want {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != mode {
			t.Errorf("%q has mode %v, want %v", name, st.Mode().Perm(), mode)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s2.Close()
}
