package vectorstore

import (
	"context"
	"flag"
	"fmt"
	"math"
	"testing"
)

// The store in testdata/v2store was written by the code before checkpoint
// format 3 (commit b2fd9d6, checkpoint version 2: one file holding every
// collection as a snapshot plus its graph) by running
//
//	go test ./vectorstore -run TestWriteV2Store -vs.write-v2 testdata/v2store
//
// at that commit. v2Points is the content it wrote, so the test that opens
// it with today's code knows what it must find.
var writeV2Dir = flag.String("vs.write-v2", "", "TestWriteV2Store: write the format-2 fixture store into this directory")

// v2Collections are the fixture's collections: "small" (Euclid, a
// tombstone, so no saved graph) and "big" (Cosine, 1100 points of 64
// dimensions: SQ8 codes and a saved graph).
var v2Collections = []struct {
	name string
	cfg  CollectionConfig
	n    int
}{
	{"small", CollectionConfig{Dim: 4, Distance: Euclid, EmbeddingModel: "m-small", HNSW: HNSWConfig{M: 4, Seed: 3}}, 50},
	{"big", CollectionConfig{Dim: 64, Distance: Cosine, EmbeddingModel: "m-big", HNSW: HNSWConfig{M: 8, Seed: 5}}, 1100},
}

// v2Point is point i of a fixture collection of dimension dim.
func v2Point(i, dim int) Point {
	v := make([]float32, dim)
	for d := range v {
		v[d] = float32(math.Sin(float64(i*dim+d)*0.37)) + float32(d%3)
	}
	p := Point{ID: NumID(uint64(i)), Vector: v, Payload: map[string]any{"i": i, "text": fmt.Sprintf("chunk %d", i), "tags": []any{"a", float64(i % 5)}}}
	if i%7 == 0 {
		p.ID = UUIDID([16]byte{byte(i), byte(i >> 8), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
	}
	if i%11 == 0 {
		p.Payload = nil
	}
	return p
}

func TestWriteV2Store(t *testing.T) {
	if *writeV2Dir == "" {
		t.Skip("only with -vs.write-v2")
	}
	ctx := context.Background()
	s, err := Open(ctx, *writeV2Dir, &Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, c := range v2Collections {
		if err := s.CreateCollection(ctx, c.name, c.cfg); err != nil {
			t.Fatal(err)
		}
		var pts []Point
		for i := range c.n {
			pts = append(pts, v2Point(i, c.cfg.Dim))
		}
		if err := s.Upsert(ctx, c.name, pts); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Delete(ctx, "small", []PointID{NumID(1)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	// After the checkpoint, the WAL: one more point and one deletion.
	if err := s.Upsert(ctx, "big", []Point{v2Point(1100, 64)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delete(ctx, "big", []PointID{NumID(2)}); err != nil {
		t.Fatal(err)
	}
}
