package filelock

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func open(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestExclusive: a second open of a locked file cannot lock it, can still
// read it, and can lock it once the holder unlocks or closes.
func TestExclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "LOCK")
	a := open(t, path)
	if err := TryLock(a); err != nil {
		t.Fatal(err)
	}
	if _, err := a.WriteString("1234\n"); err != nil {
		t.Fatal(err)
	}
	b := open(t, path)
	if err := TryLock(b); !errors.Is(err, ErrLocked) {
		t.Fatalf("second lock: %v, want ErrLocked", err)
	}
	if data, err := os.ReadFile(path); err != nil || string(data) != "1234\n" {
		t.Fatalf("reading a locked file: %q, %v", data, err)
	}
	if err := Unlock(a); err != nil {
		t.Fatal(err)
	}
	if err := TryLock(b); err != nil {
		t.Fatalf("lock after Unlock: %v", err)
	}
	c := open(t, path)
	if err := TryLock(c); !errors.Is(err, ErrLocked) {
		t.Fatalf("third lock: %v, want ErrLocked", err)
	}
	b.Close()
	if err := TryLock(c); err != nil {
		t.Fatalf("lock after the holder closed: %v", err)
	}
}
