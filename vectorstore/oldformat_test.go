package vectorstore

import (
	"fmt"
	"math"
)

// The store in testdata/v2store was written by the code before checkpoint
// format 3 (commit a900488, checkpoint version 2: one file holding every
// collection as a snapshot plus its graph) by running
//
//	go test ./vectorstore -run TestWriteV2Store -vs.write-v2 testdata/v2store
//
// at that commit: v2Collections and v2Point are what it wrote (then one more
// point and one deletion in "big" went to the WAL), so the test that opens
// it with today's code knows what it must find.

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
