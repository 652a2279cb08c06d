package qdrantsnap

import (
	"bytes"
	"context"
	"testing"
)

// BenchmarkRead reads the Qdrant 1.7 fixture from memory: 67 MB of
// uncompressed snapshot, 64 MB of it the shard's write-ahead log, which is
// skipped; 100 points in two segments.
func BenchmarkRead(b *testing.B) {
	t := &testing.T{}
	snap := fixtureBytes(t)
	b.SetBytes(int64(len(snap)))
	dir := b.TempDir()
	for b.Loop() {
		c, err := Read(context.Background(), bytes.NewReader(snap), Options{TempDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if len(c.Points) != 75 {
			b.Fatalf("%d points, want 75", len(c.Points))
		}
	}
}
