package vectorstore

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func addSeedFile(f *testing.F, name string) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.Fatalf("seed %s: %v", name, err)
	}
	f.Add(data)
	return data
}

// FuzzWAL feeds arbitrary bytes to the WAL scanner: it must return an error
// or a valid prefix, never panic, and never allocate more than the input
// justifies (record lengths are checked against the bytes present).
func FuzzWAL(f *testing.F) {
	good := addSeedFile(f, "golden.wal")
	f.Add(good[:len(good)-3])
	f.Add([]byte(walMagic))
	f.Add(append(walHeader(), 0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0))
	f.Fuzz(func(t *testing.T, data []byte) {
		good, err := scanWAL(data, func(op walOp) error {
			if op.op == opUpsert {
				for _, p := range op.points {
					if len(p.vec) != op.dim {
						t.Fatalf("point of dim %d in record of dim %d", len(p.vec), op.dim)
					}
				}
			}
			return nil
		})
		if good < 0 || good > len(data) {
			t.Fatalf("good prefix %d of %d bytes", good, len(data))
		}
		_ = err
	})
}

// FuzzSnapshot feeds arbitrary bytes to the snapshot decoder and, for
// inputs that decode, checks that import accepts them too.
func FuzzSnapshot(f *testing.F) {
	good := addSeedFile(f, "golden.vsnap")
	f.Add(good[:20])
	f.Add([]byte(snapshotMagic + "\x01\x00\x00\x00\xff\xff\xff\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, cfg, n, err := DecodeSnapshot(bytes.NewReader(data))
		if err != nil {
			return
		}
		if cfg.Dim < 1 || cfg.Dim > MaxDim || n < 0 {
			t.Fatalf("decoded nonsense: %+v %d", cfg, n)
		}
		s, _ := Open(context.Background(), "", nil)
		if _, err := s.ImportSnapshot(context.Background(), bytes.NewReader(data), ImportOptions{}); err != nil {
			t.Fatalf("decodes but does not import: %v", err)
		}
	})
}

// FuzzCheckpoint feeds arbitrary bytes to the checkpoint decoder, seeded
// with real checkpoints (with and without a saved graph).
func FuzzCheckpoint(f *testing.F) {
	for _, withGraph := range []bool{true, false} {
		dir := f.TempDir()
		s, err := Open(context.Background(), dir, nil)
		if err != nil {
			f.Fatal(err)
		}
		ctx := context.Background()
		s.CreateCollection(ctx, "c", CollectionConfig{Dim: 2, Distance: Euclid, HNSW: HNSWConfig{M: 4}})
		var pts []Point
		for i := range 40 {
			pts = append(pts, Point{ID: NumID(uint64(i)), Vector: []float32{float32(i), float32(i % 7)}, Payload: map[string]any{"i": i}})
		}
		s.Upsert(ctx, "c", pts)
		if !withGraph {
			s.Delete(ctx, "c", []PointID{NumID(3)})
		}
		if err := s.Checkpoint(ctx); err != nil {
			f.Fatal(err)
		}
		s.Close()
		data, err := os.ReadFile(filepath.Join(dir, checkpointFile))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, snaps, err := readCheckpoint(context.Background(), bytes.NewReader(data))
		if err != nil {
			return
		}
		// What decodes must load: install the graphs and search them.
		for _, d := range snaps {
			c := newCollection(d.name, d.cfg)
			if d.graph != nil {
				c.loadWithGraph(d.points, d.graph)
			} else {
				c.upsert(d.points)
			}
			if _, err := c.search(&SearchRequest{Vector: make([]float32, d.cfg.Dim), Params: SearchParams{HNSWEf: 8}}, nil); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzFilter decodes arbitrary JSON as a filter and evaluates what compiles
// against a few payloads.
func FuzzFilter(f *testing.F) {
	for _, s := range filterSeeds {
		f.Add([]byte(s))
	}
	payloads := []map[string]any{
		nil,
		{"a": 1.0, "b": "x", "c": []any{1.0, "y", map[string]any{"d": true}}, "n": nil},
		{"a": map[string]any{"b": []any{map[string]any{"c": 2.0}}}},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var flt Filter
		if err := json.Unmarshal(data, &flt); err != nil {
			return
		}
		cf, err := compileFilter(&flt)
		if err != nil {
			return
		}
		for _, p := range payloads {
			cf.matches(NumID(1), p)
		}
	})
}
