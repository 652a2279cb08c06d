package vectorstore

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestModes checks that the store keeps its directory 0700 and its WAL,
// checkpoint and lock 0600, and tightens what an older version left looser
// (issue 13, item 15: wal.log was 0644).
func TestModes(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "vectors")
	check := func(when string) {
		t.Helper()
		st, err := os.Stat(dir)
		if err != nil || st.Mode().Perm() != 0o700 {
			t.Fatalf("%s: %s mode %v, want 0700 (%v)", when, dir, st.Mode().Perm(), err)
		}
		ents, _ := os.ReadDir(dir)
		if len(ents) < 2 {
			t.Fatalf("%s: only %v in the store", when, ents)
		}
		for _, e := range ents {
			info, _ := e.Info()
			if info.Mode().IsRegular() && info.Mode().Perm() != 0o600 {
				t.Errorf("%s: %s mode %v, want 0600", when, e.Name(), info.Mode().Perm())
			}
		}
	}
	s, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateCollection(ctx, "c", CollectionConfig{Dim: 2, Distance: Cosine}); err != nil {
		t.Fatal(err)
	}
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateCollection(ctx, "d", CollectionConfig{Dim: 2, Distance: Cosine}); err != nil {
		t.Fatal(err)
	}
	check("new store")
	s.Close()

	// Loosen everything as an older version wrote it, then reopen.
	os.Chmod(dir, 0o755)
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		os.Chmod(filepath.Join(dir, e.Name()), 0o644)
	}
	s, err = Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	check("reopened")
}
