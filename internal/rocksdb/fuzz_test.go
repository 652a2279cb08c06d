package rocksdb

import (
	"os"
	"path/filepath"
	"testing"
)

// fuzzSeeds adds every fixture file matching pattern to the corpus.
func fuzzSeeds(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("testdata", pattern))
	if len(files) == 0 {
		f.Fatalf("no seeds for %s", pattern)
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzTable feeds arbitrary bytes to the SST reader (footer, block trailer,
// decompression, metaindex, properties, index and data blocks).
func FuzzTable(f *testing.F) {
	fuzzSeeds(f, "db/*.sst")
	// The same tables with checksum type "none" in the footer, so that
	// mutations reach the block parsers instead of failing the checksum.
	files, _ := filepath.Glob(filepath.Join("testdata", "db", "*.sst"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if len(data) >= footerLenNew {
			data[len(data)-footerLenNew] = checksumNone
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c codecs
		defer c.close()
		n := 0
		_, err := readTable(data, "fuzz.sst", &c, tableSink{
			entry: func(e internalEntry) error {
				n++
				return nil
			},
			tombstone: func(tb tombstone) error { return nil },
		})
		if err == nil && n > 0 && len(data) < footerLenV0 {
			t.Fatalf("read %d entries from %d bytes", n, len(data))
		}
	})
}

// FuzzBlock feeds arbitrary bytes to the block decoders: decompression
// with every codec, the generic block iterator and the index iterator in
// all its encodings.
func FuzzBlock(f *testing.F) {
	f.Add(byte(compressionNone), []byte("\x00\x05\x01apple1\x04\x01\x01y2\x00\x00\x00\x00\x01\x00\x00\x00"))
	f.Add(byte(compressionSnappy), []byte("\x06\x14abcdef"))
	f.Add(byte(compressionLZ4), []byte("\x06\x60abcdef"))
	f.Add(byte(compressionZlib), []byte("\x03\x4b\x4c\x4a\x06\x00"))
	f.Fuzz(func(t *testing.T, typ byte, data []byte) {
		var c codecs
		defer c.close()
		for _, fv := range []uint32{1, 5} {
			b, err := c.decompress(typ, data, fv)
			if err != nil {
				continue
			}
			_ = iterBlock(b, func(k, v []byte) error { return nil })
			for _, delta := range []bool{false, true} {
				_ = iterIndexBlock(b, delta, typ&1 == 1, func(h blockHandle) error { return nil })
			}
		}
		_, _ = parseFooter(data)
	})
}

// FuzzLog feeds arbitrary bytes to the log record reader, as a WAL and as a
// MANIFEST, and every record it yields to the write batch and version edit
// decoders.
func FuzzLog(f *testing.F) {
	fuzzSeeds(f, "db/*.log")
	fuzzSeeds(f, "db/MANIFEST-*")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, wal := range []bool{true, false} {
			_ = readLog(data, 52, wal, func(rec []byte) error {
				if len(rec) > len(data) {
					t.Fatalf("record of %d bytes from %d input bytes", len(rec), len(data))
				}
				_ = decodeWriteBatch(rec, func(batchOp) error { return nil })
				_, _ = decodeVersionEdit(rec)
				return nil
			})
		}
		_, _ = readManifest(data)
	})
}

// FuzzWriteBatch feeds arbitrary bytes to the write batch decoder.
func FuzzWriteBatch(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "db", "*.log"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		_ = readLog(data, 0, true, func(rec []byte) error {
			f.Add(append([]byte(nil), rec...))
			return nil
		})
	}
	// Put("k","v") into column family 2, a range deletion and a delete.
	f.Add([]byte("\x07\x00\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00" +
		"\x05\x02\x01k\x01v" + "\x0f\x01a\x01c" + "\x00\x01k"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var last uint64
		first := true
		_ = decodeWriteBatch(data, func(op batchOp) error {
			if !first && op.seq != last+1 {
				t.Fatalf("sequence %d after %d", op.seq, last)
			}
			first, last = false, op.seq
			return nil
		})
	})
}

// FuzzBackupMeta feeds arbitrary bytes to the backup meta file parser.
func FuzzBackupMeta(f *testing.F) {
	fuzzSeeds(f, "backup/meta/*")
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := parseBackupMeta(data)
		if err == nil && len(m.files) > maxBackupFiles {
			t.Fatalf("%d files", len(m.files))
		}
	})
}
