package qdrantsnap

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// ErrFormat marks input that is not a Qdrant snapshot, or a damaged one.
var ErrFormat = errors.New("qdrantsnap: not a readable Qdrant snapshot")

// ErrUnsupported marks a snapshot in a layout this package cannot read yet.
var ErrUnsupported = errors.New("qdrantsnap: unsupported Qdrant storage")

// maxNesting bounds archives within archives: a full-storage snapshot holds
// collection snapshots, which hold segment archives.
const maxNesting = 4

// unpack extracts the tar archive r (gzip-compressed or not) into dir,
// leaving out what reading points never needs (write-ahead logs, vector and
// payload indexes). An entry that is itself an archive (a segment's ".tar",
// a collection's ".snapshot" inside a full-storage snapshot) is unpacked in
// place into a directory of that name with ".d" appended, instead of being
// written out, so a snapshot is read in one pass and its bulk never lands on
// disk twice.
// Every byte decompressed and written is charged to b (see Limits).
func unpack(ctx context.Context, r io.Reader, dir string, depth int, b *budget) error {
	if depth > maxNesting {
		return fmt.Errorf("%w: archives nested more than %d deep", ErrFormat, maxNesting)
	}
	br := bufio.NewReader(r)
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("%w: gzip: %v", ErrFormat, err)
		}
		defer zr.Close()
		br = bufio.NewReader(&inflateReader{r: zr, b: b})
	}
	tr := tar.NewReader(br)
	entries := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if isLimit(err) {
				return err
			}
			if entries == 0 {
				return fmt.Errorf("%w: %v", ErrFormat, err)
			}
			return fmt.Errorf("%w: archive entry %d: %v", ErrFormat, entries+1, err)
		}
		entries++
		name, ok := cleanName(h.Name)
		if !ok {
			return fmt.Errorf("%w: archive entry %q escapes its directory", ErrFormat, h.Name)
		}
		if name == "" || skipped(name) {
			continue
		}
		dst := filepath.Join(dir, filepath.FromSlash(name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(dst, 0o700); err != nil {
				return fmt.Errorf("qdrantsnap: %w", err)
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
				return fmt.Errorf("qdrantsnap: %w", err)
			}
			if isArchive(name) {
				if err := unpack(ctx, tr, dst+".d", depth+1, b); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				continue
			}
			if err := writeFile(dst, tr, b); err != nil {
				return err
			}
		case tar.TypeSymlink, tar.TypeLink:
			// Qdrant refuses snapshots with links; so do we.
			return fmt.Errorf("%w: archive entry %q is a link", ErrFormat, h.Name)
		default:
			// Other entry types (devices, fifos) carry no data we read.
		}
	}
	if entries == 0 {
		return fmt.Errorf("%w: empty archive", ErrFormat)
	}
	return nil
}

// cleanName turns an archive path into a clean relative slash path, or
// reports false when it would leave the extraction directory.
func cleanName(name string) (string, bool) {
	name = strings.TrimPrefix(name, "./")
	if name == "" || name == "." {
		return "", true
	}
	if path.IsAbs(name) || strings.Contains(name, `\`) {
		return "", false
	}
	c := path.Clean(name)
	if c == ".." || strings.HasPrefix(c, "../") {
		return "", false
	}
	if c == "." {
		return "", true
	}
	return c, true
}

// skipped reports whether an archive path holds only what import never
// reads: a shard's write-ahead log, HNSW graphs, payload indexes and
// quantized copies of vectors.
func skipped(name string) bool {
	for _, part := range strings.Split(name, "/") {
		switch {
		case part == "wal",
			part == "payload_index_db_backup",
			part == "payload_index",
			strings.HasPrefix(part, "vector_index"),
			strings.HasPrefix(part, "quantized"):
			return true
		}
	}
	return false
}

// isArchive reports whether a file inside a snapshot is a nested archive.
func isArchive(name string) bool {
	base := path.Base(name)
	return strings.HasSuffix(base, ".tar") || strings.HasSuffix(base, ".snapshot")
}

// isLimit reports whether err is a Limits refusal, which must reach the
// caller as it is rather than as a damaged archive.
func isLimit(err error) bool {
	return errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNoSpace)
}

func writeFile(dst string, r io.Reader, b *budget) error {
	f, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("qdrantsnap: %w", err)
	}
	if _, err := io.Copy(&budgetWriter{w: f, b: b}, r); err != nil {
		f.Close()
		if isLimit(err) {
			return fmt.Errorf("%s: %w", filepath.Base(dst), err)
		}
		return fmt.Errorf("%w: %s: %v", ErrFormat, filepath.Base(dst), err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("qdrantsnap: %w", err)
	}
	return nil
}
