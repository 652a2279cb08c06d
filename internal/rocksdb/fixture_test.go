package rocksdb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// renderAll renders every column family like testdata/*.scan (made by
// testdata/gen.sh from ldb scan).
func renderAll(t testing.TB, db *DB) string {
	t.Helper()
	var b strings.Builder
	for _, cf := range db.ColumnFamilies() {
		err := db.Scan(cf, func(k, v []byte) error {
			fmt.Fprintf(&b, "%s 0x%X : 0x%X\n", cf, k, v)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

func TestFixtures(t *testing.T) {
	for _, name := range []string{"backup", "db"} {
		t.Run(name, func(t *testing.T) {
			db, err := Open(context.Background(), filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("testdata", name+".scan"))
			if err != nil {
				t.Fatal(err)
			}
			if got := renderAll(t, db); got != string(want) {
				t.Errorf("contents differ from %s.scan:\ngot:\n%.2000s", name, got)
			}
			if got := strings.Join(db.ColumnFamilies(), ","); got != "default,mapping,payload,vector" {
				t.Errorf("column families %s", got)
			}
			// What gen.sh did, checked independently of ldb's scan.
			checks := []struct {
				cf, key, value string
				ok             bool
			}{
				{"default", "version", "1.7.0", true},
				{"mapping", "ext-id-3", "overwritten", true},
				{"mapping", "ext-id-4", "internal-4", true},
				{"mapping", "ext-id-5", "", false},
				{"mapping", "ext-id-17", "", false},
				{"payload", "\x00\x00\x00\x0f", "payload-15-" + fmt.Sprintf("%060d", 15), true},
				{"payload", "\x00\x00\x00\x10", "", false},
				{"payload", "\x00\x00\x00\x1f", "", false},
				{"payload", "\x00\x00\x00\x20", "payload-32-" + fmt.Sprintf("%060d", 32), true},
				{"payload", "\x00\x00\x00\x05", "last write in the WA", true},
				{"vector", "vec0007", fmt.Sprintf("%0300d", 7), true},
				{"vector", "vec0008", "", false},
			}
			for _, c := range checks {
				v, ok := db.Get(c.cf, []byte(c.key))
				if ok != c.ok || string(v) != c.value {
					t.Errorf("Get(%s, %q) = %.40q, %v; want %.40q, %v", c.cf, c.key, v, ok, c.value, c.ok)
				}
			}
			if n := db.Len("payload"); n != 300-16 {
				t.Errorf("payload has %d keys, want %d", n, 300-16)
			}
		})
	}
}

// copyDir copies a fixture directory tree into a temporary directory.
func copyDir(t testing.TB, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// largestFile returns the biggest file matching pattern under dir.
func largestFile(t testing.TB, dir, pattern string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, pattern))
	best, size := "", int64(-1)
	for _, f := range files {
		if st, err := os.Stat(f); err == nil && st.Size() > size {
			best, size = f, st.Size()
		}
	}
	if best == "" {
		t.Fatalf("no %s in %s", pattern, dir)
	}
	return best
}

func mutateFile(t testing.TB, path string, fn func([]byte) []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, fn(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCorruptInput(t *testing.T) {
	flip := func(off int) func([]byte) []byte {
		return func(b []byte) []byte {
			if off < 0 {
				off += len(b)
			}
			b[off] ^= 0x40
			return b
		}
	}
	cases := []struct {
		name    string
		fixture string
		damage  func(t *testing.T, dir string)
		want    string // substring of the error
		class   error  // nil: any error
	}{
		{"truncated sst", "db", func(t *testing.T, dir string) {
			mutateFile(t, largestFile(t, dir, "*.sst"), func(b []byte) []byte { return b[:len(b)/2] })
		}, "table magic", ErrCorrupt},
		{"sst shorter than a footer", "db", func(t *testing.T, dir string) {
			mutateFile(t, largestFile(t, dir, "*.sst"), func(b []byte) []byte { return b[:20] })
		}, "too short", ErrCorrupt},
		{"flipped byte in data block", "db", func(t *testing.T, dir string) {
			mutateFile(t, largestFile(t, dir, "*.sst"), flip(100))
		}, "checksum mismatch", ErrCorrupt},
		{"flipped byte in index block", "db", func(t *testing.T, dir string) {
			mutateFile(t, largestFile(t, dir, "*.sst"), flip(-60))
		}, "checksum mismatch", ErrCorrupt},
		{"bad footer magic", "db", func(t *testing.T, dir string) {
			mutateFile(t, largestFile(t, dir, "*.sst"), flip(-1))
		}, "bad table magic", ErrCorrupt},
		{"missing live sst", "db", func(t *testing.T, dir string) {
			os.Remove(largestFile(t, dir, "*.sst"))
		}, "missing", ErrCorrupt},
		{"flipped byte in manifest", "db", func(t *testing.T, dir string) {
			mutateFile(t, largestFile(t, dir, "MANIFEST-*"), flip(50))
		}, "checksum mismatch", ErrCorrupt},
		{"missing CURRENT", "db", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "CURRENT"))
		}, "CURRENT", nil},
		{"missing file named in backup meta", "backup", func(t *testing.T, dir string) {
			os.Remove(largestFile(t, dir, "shared_checksum/*.sst"))
		}, "file named in meta", nil},
		{"missing OPTIONS named in backup meta", "backup", func(t *testing.T, dir string) {
			os.Remove(largestFile(t, dir, "private/1/OPTIONS-*"))
		}, "file named in meta", nil},
		{"flipped byte in backup sst", "backup", func(t *testing.T, dir string) {
			mutateFile(t, largestFile(t, dir, "shared_checksum/*.sst"), flip(100))
		}, "crc32c mismatch", ErrCorrupt},
		{"truncated backup sst", "backup", func(t *testing.T, dir string) {
			mutateFile(t, largestFile(t, dir, "shared_checksum/*.sst"), func(b []byte) []byte { return b[:len(b)-1] })
		}, "crc32c mismatch", ErrCorrupt},
		{"garbled backup meta", "backup", func(t *testing.T, dir string) {
			mutateFile(t, filepath.Join(dir, "meta", "1"), func(b []byte) []byte { return bytes.Replace(b, []byte("crc32 "), []byte("crc32 x"), 1) })
		}, "bad crc32", ErrCorrupt},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := copyDir(t, filepath.Join("testdata", c.fixture))
			c.damage(t, dir)
			_, err := Open(context.Background(), dir)
			if err == nil {
				t.Fatal("Open succeeded on damaged input")
			}
			if !strings.HasPrefix(err.Error(), "rocksdb: ") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want one containing %q", err, c.want)
			}
			if c.class != nil && !errors.Is(err, c.class) {
				t.Errorf("error %q is not %v", err, c.class)
			}
		})
	}
}

// TestTornWAL checks that a WAL cut anywhere loses only its torn last
// record, as RocksDB's kTolerateCorruptedTailRecords recovery does.
func TestTornWAL(t *testing.T) {
	dir := copyDir(t, filepath.Join("testdata", "db"))
	wal := largestFile(t, dir, "*.log")
	full, err := os.ReadFile(wal)
	if err != nil {
		t.Fatal(err)
	}
	for cut := len(full); cut >= 0; cut-- {
		if err := os.WriteFile(wal, full[:cut], 0o644); err != nil {
			t.Fatal(err)
		}
		db, err := Open(context.Background(), dir)
		if err != nil {
			t.Fatalf("WAL cut to %d bytes: %v", cut, err)
		}
		v, _ := db.Get("payload", []byte("\x00\x00\x00\x05"))
		last := string(v) == "last write in the WA"
		if last != (cut == len(full)) {
			t.Fatalf("WAL cut to %d of %d bytes: payload key 5 = %.30q", cut, len(full), v)
		}
	}
}

// TestFormatVersion6 reads tables that RocksDB 9.7 wrote with its default
// format_version 6 (new footer, context checksums), as Qdrant 1.13 and later
// do through RocksDB 9: testdata/gen-v6.js made them with RocksDB's own
// binding for Node.js and recorded RocksDB's iteration beside them.
func TestFormatVersion6(t *testing.T) {
	dir := filepath.Join("testdata", "rocksdb9-v6")
	tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	if len(tables) != 3 {
		t.Fatalf("fixture has %d tables, want 3", len(tables))
	}
	for _, p := range tables {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parseFooter(data)
		if err != nil || f.formatVersion != 6 {
			t.Fatalf("%s: format_version %d, %v; want 6", p, f.formatVersion, err)
		}
	}
	db, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(dir + ".scan")
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	if err := db.Scan("default", func(k, v []byte) error {
		fmt.Fprintf(&got, "%x %x\n", k, v)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("contents differ from %s.scan (%d lines, want %d)", dir, strings.Count(got.String(), "\n"), strings.Count(string(want), "\n"))
	}
}
