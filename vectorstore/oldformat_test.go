package vectorstore

import (
	"bufio"
	"fmt"
	"io"
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

// writeCheckpointV2 writes s's collections as a format-2 checkpoint, as the
// code before format 3 did, so tests can make old stores of any shape.
func writeCheckpointV2(w io.Writer, s *Store) error {
	colls := s.sortedCollections()
	hdr := []byte(checkpointMagic)
	hdr = appendU32(hdr, checkpointV2)
	hdr = appendU64(hdr, s.seq)
	hdr = appendU32(hdr, uint32(len(colls)))
	hdr = appendU32(hdr, crc32Castagnoli(hdr))
	if _, err := w.Write(hdr); err != nil {
		return err
	}
	for _, c := range colls {
		if err := c.writeSnapshotLocked(w); err != nil {
			return err
		}
		if err := c.writeGraphLocked(w); err != nil {
			return err
		}
	}
	return nil
}

// writeGraphLocked writes c's graph section the way format 2 did (the
// format-2 writer, kept for tests: see writeCheckpointV2).
func (c *collection) writeGraphLocked(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	b := make([]byte, 0, 1<<16)
	g := c.graph
	present := c.dead == 0 && g.size() == len(c.ids) && g.size() > 0
	if !present {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = appendU32(b, uint32(g.m))
		b = appendU32(b, uint32(g.size()))
		b = appendU32(b, g.entry)
		b = append(b, g.levels...)
	}
	crc := crc32Castagnoli(nil)
	flush := func() error {
		crc = crc32Update(crc, b)
		if _, err := bw.Write(b); err != nil {
			return fmt.Errorf("vectorstore: writing graph: %w", err)
		}
		b = b[:0]
		return nil
	}
	if present {
		for i := range g.size() {
			ns := g.neighbors(uint32(i), 0)
			b = appendU16(b, uint16(len(ns)))
			for _, n := range ns {
				b = appendU32(b, n)
			}
			if len(b) >= 1<<16 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		for i := range g.size() {
			for l := 1; l <= int(g.levels[i]); l++ {
				ns := g.neighbors(uint32(i), l)
				b = appendU16(b, uint16(len(ns)))
				for _, n := range ns {
					b = appendU32(b, n)
				}
			}
			if len(b) >= 1<<16 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	b = appendU32(b, crc)
	if _, err := bw.Write(b); err != nil {
		return fmt.Errorf("vectorstore: writing graph: %w", err)
	}
	return bw.Flush()
}
