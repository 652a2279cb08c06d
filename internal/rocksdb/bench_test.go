package rocksdb

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// dirSize adds up the sizes of the files under dir.
func dirSize(b *testing.B, dir string) int64 {
	var n int64
	err := filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkOpen opens the fixtures and, when ROCKSDB_BENCH_DIR names one,
// a larger database or backup.
func BenchmarkOpen(b *testing.B) {
	dirs := map[string]string{"fixture-backup": "testdata/backup", "fixture-db": "testdata/db"}
	if d := os.Getenv("ROCKSDB_BENCH_DIR"); d != "" {
		dirs["env"] = d
	}
	for name, dir := range dirs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(dirSize(b, dir))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Open(context.Background(), dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
