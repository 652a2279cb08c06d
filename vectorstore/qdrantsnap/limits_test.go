package qdrantsnap

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"testing"
)

// bombEntry is one tar entry of a generated bomb: name, declared size, and
// an optional nested bomb that is the entry's content instead of zeros.
type bombEntry struct {
	name   string
	size   int64
	nested []bombEntry
}

// writeBomb writes a gzipped tar of entries to w, zeros streamed through
// the compressor, so a bomb of any size costs only what its reader takes.
// It stops at the first write error (the reader gave up).
func writeBomb(w io.Writer, entries []bombEntry) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	tw := tar.NewWriter(zw)
	for _, e := range entries {
		if e.nested != nil {
			var inner bytes.Buffer
			// A nested bomb is built in memory: keep it small.
			if err := writeBomb(&inner, e.nested); err != nil {
				return err
			}
			if err := tw.WriteHeader(&tar.Header{Name: e.name, Mode: 0o644, Size: int64(inner.Len()), Typeflag: tar.TypeReg}); err != nil {
				return err
			}
			if _, err := tw.Write(inner.Bytes()); err != nil {
				return err
			}
			continue
		}
		if err := tw.WriteHeader(&tar.Header{Name: e.name, Mode: 0o644, Size: e.size, Typeflag: tar.TypeReg}); err != nil {
			return err
		}
		zeros := make([]byte, 1<<20)
		for left := e.size; left > 0; {
			n := min(left, int64(len(zeros)))
			if _, err := tw.Write(zeros[:n]); err != nil {
				return err
			}
			left -= n
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return zw.Close()
}

// streamBomb returns a reader of a bomb generated on the fly and a function
// that stops the generator and reports how many bytes it produced.
func streamBomb(entries []bombEntry) (io.Reader, func() int64) {
	pr, pw := io.Pipe()
	var produced countWriter
	done := make(chan struct{})
	go func() {
		defer close(done)
		pw.CloseWithError(writeBomb(io.MultiWriter(pw, &produced), entries))
	}()
	return pr, func() int64 {
		pr.Close()
		<-done
		return produced.n
	}
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// TestReadRefusesBombs feeds decompression bombs to Read: each must stop
// early with ErrTooLarge (or ErrNoSpace) and leave nothing in TempDir.
// Before the limits, the 10 GiB entry was written out in full (issue 13,
// item 10).
func TestReadRefusesBombs(t *testing.T) {
	const gib = 1 << 30
	tests := []struct {
		name    string
		entries []bombEntry
		limits  Limits
		want    error
	}{
		{"one 10 GiB entry, default limits", []bombEntry{{name: "config.json", size: 10}, {name: "0/segments/a/big", size: 10 * gib}}, Limits{}, ErrTooLarge},
		{"absolute cap", []bombEntry{{name: "0/segments/a/big", size: 10 * gib}}, Limits{MaxBytes: 8 << 20}, ErrTooLarge},
		{"nested archive", []bombEntry{{name: "0/segments/a.tar", nested: []bombEntry{{name: "big", size: 64 << 20}}}}, Limits{MaxBytes: 16 << 20}, ErrTooLarge},
		{"skipped wal entry", []bombEntry{{name: "0/wal/open-1", size: 10 * gib}}, Limits{MaxRatio: 2}, ErrTooLarge},
		{"no free disk", []bombEntry{{name: "0/segments/a/big", size: 10 * gib}}, Limits{MinFree: 1 << 62}, ErrNoSpace},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			r, stop := streamBomb(tc.entries)
			_, err := Read(context.Background(), r, Options{TempDir: tmp, Limits: tc.limits})
			produced := stop()
			if !errors.Is(err, tc.want) {
				t.Fatalf("Read = %v, want %v", err, tc.want)
			}
			t.Logf("stopped after %d compressed bytes: %v", produced, err)
			if produced > 2<<20 {
				t.Errorf("read %d compressed bytes before stopping", produced)
			}
			if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
				t.Errorf("scratch left in TempDir: %v", ents)
			}
		})
	}
}

// TestReadLimitsKeepRealSnapshots checks that the default limits read the
// Qdrant 1.7 snapshot, whose preallocated write-ahead log inflates 173-fold.
func TestReadLimitsKeepRealSnapshots(t *testing.T) {
	c, err := ReadFile(context.Background(), "testdata/test_collection-7061706081153926-2023-12-14-10-39-41.snapshot.gz", Options{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Points) == 0 {
		t.Fatal("no points read")
	}
}
