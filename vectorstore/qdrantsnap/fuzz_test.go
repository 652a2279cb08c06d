package qdrantsnap

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

// FuzzRead feeds arbitrary archives to Read: it must return an error or a
// collection, never panic, hang or write outside its scratch directory.
func FuzzRead(f *testing.F) {
	t := &testing.T{}
	cfg := []byte(`{"params":{"vectors":{"size":4,"distance":"Cosine"}}}`)
	seg := []byte(`{"version":1,"config":{"vector_data":{"":{"size":4,"distance":"Cosine","storage_type":"Mmap"}},"payload_storage_type":{"type":"on_disk"}}}`)
	f.Add(tarOf(t, "config.json", cfg))
	f.Add(tarOf(t, "config.json", cfg, "0/segments/s/segment.json", seg))
	f.Add(tarOf(t, "config.json", cfg, "0/segments/s/segment.json", seg, "0/segments/s/CURRENT", []byte("MANIFEST-000001\n")))
	f.Add(gzipped(t, tarOf(t, "kb.snapshot", tarOf(t, "config.json", cfg))))
	f.Add(tarOf(t, "config.json", []byte(`{"collections_mapping":{"a":"a.snapshot"}}`), "a.snapshot", tarOf(t, "config.json", cfg)))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Read(context.Background(), bytes.NewReader(data), Options{TempDir: t.TempDir()})
		if err == nil && c == nil {
			t.Fatal("nil collection without an error")
		}
		if err != nil && !errors.Is(err, ErrFormat) && !errors.Is(err, ErrUnsupported) && c != nil {
			t.Fatalf("collection returned with error %v", err)
		}
	})
}

// FuzzDecodeStoredID checks that point id keys decode or fail cleanly and
// that what decodes encodes back to a key that decodes the same.
func FuzzDecodeStoredID(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0})
	f.Add(append([]byte{1, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0}, make([]byte, 16)...))
	f.Fuzz(func(t *testing.T, k []byte) {
		id, err := decodeStoredID(k)
		if err != nil {
			return
		}
		back, err := decodeStoredID(encodeStoredID(id))
		if err != nil || back != id {
			t.Fatalf("%x: %s round-trips to %s, %v", k, id, back, err)
		}
	})
}
