package vectorstore

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// dumpStore returns every collection's points (with payload and vector) in
// id order, for comparing two stores.
func dumpStore(t *testing.T, s *Store) map[string][]Record {
	t.Helper()
	out := map[string][]Record{}
	for _, name := range s.ListCollections() {
		page, err := s.Scroll(context.Background(), name, ScrollRequest{Limit: 1 << 30, With: With{WithPayload: true, WithVector: true}})
		if err != nil {
			t.Fatal(err)
		}
		out[name] = page.Points
	}
	return out
}

func sameDump(t *testing.T, a, b map[string][]Record) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("collections %d vs %d", len(a), len(b))
	}
	for name, ra := range a {
		rb := b[name]
		if len(ra) != len(rb) {
			t.Fatalf("%s: %d vs %d points", name, len(ra), len(rb))
		}
		for i := range ra {
			if ra[i].ID != rb[i].ID || !slices.Equal(ra[i].Vector, rb[i].Vector) || !jsonEqual(ra[i].Payload, rb[i].Payload) ||
				!reflect.DeepEqual(ra[i].Vectors, rb[i].Vectors) || !reflect.DeepEqual(ra[i].Sparse, rb[i].Sparse) {
				t.Fatalf("%s: point %d differs: %+v vs %+v", name, i, ra[i], rb[i])
			}
		}
	}
}

func jsonEqual(a, b map[string]any) bool {
	ja, _ := jsonMarshalSorted(a)
	jb, _ := jsonMarshalSorted(b)
	return bytes.Equal(ja, jb)
}

// applyRandomOps runs a mix of writes against s.
func applyRandomOps(t *testing.T, s *Store, rng *rand.Rand, rounds int) {
	t.Helper()
	ctx := context.Background()
	for r := range rounds {
		switch rng.IntN(6) {
		case 0, 1, 2:
			var pts []Point
			for range 1 + rng.IntN(20) {
				id := uint64(rng.IntN(200))
				pts = append(pts, Point{ID: NumID(id), Vector: randVec(rng, 8), Payload: map[string]any{"r": r, "tag": []any{"x", id % 3}}})
			}
			if err := s.Upsert(ctx, "p", pts); err != nil {
				t.Fatal(err)
			}
		case 3:
			var ids []PointID
			for range 1 + rng.IntN(5) {
				ids = append(ids, NumID(uint64(rng.IntN(200))))
			}
			if _, err := s.Delete(ctx, "p", ids); err != nil {
				t.Fatal(err)
			}
		case 4:
			f := &Filter{Must: []Condition{{Key: "r", Range: &Range{LT: ptr(float64(r - 30))}}}}
			if _, err := s.DeleteByFilter(ctx, "p", f); err != nil {
				t.Fatal(err)
			}
		case 5:
			if ok, _ := s.DeleteCollection(ctx, "tmp"); !ok {
				mustCreate(t, s, "tmp", CollectionConfig{Dim: 2, Distance: Dot})
				if err := s.Upsert(ctx, "tmp", []Point{{ID: NumID(uint64(r)), Vector: []float32{1, 2}}}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// TestReopen checks that a store reopened from its directory (WAL only,
// checkpoint only, and checkpoint plus WAL) has exactly the state it had.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	for _, mode := range []string{"wal", "checkpoint", "both", "autocheckpoint"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			opts := &Options{}
			if mode == "autocheckpoint" {
				opts.CheckpointBytes = 8 << 10
			}
			s, err := Open(ctx, dir, opts)
			if err != nil {
				t.Fatal(err)
			}
			mustCreate(t, s, "p", CollectionConfig{Dim: 8, Distance: Cosine, EmbeddingModel: "e5"})
			rng := rand.New(rand.NewPCG(9, 10))
			applyRandomOps(t, s, rng, 60)
			if mode != "wal" {
				if err := s.Checkpoint(ctx); err != nil {
					t.Fatal(err)
				}
			}
			if mode == "both" || mode == "autocheckpoint" {
				applyRandomOps(t, s, rng, 60)
			}
			want := dumpStore(t, s)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s2, err := Open(ctx, dir, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer s2.Close()
			sameDump(t, want, dumpStore(t, s2))
			if info, _ := s2.CollectionInfo("p"); info.Config.EmbeddingModel != "e5" {
				t.Fatalf("config lost: %+v", info.Config)
			}
			// The reopened store keeps working and stays consistent.
			applyRandomOps(t, s2, rng, 20)
			want = dumpStore(t, s2)
			s2.Close()
			s3, err := Open(ctx, dir, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer s3.Close()
			sameDump(t, want, dumpStore(t, s3))
		})
	}
}

// walWithRecords builds a store whose WAL holds a create and n one-point
// upserts, closes it and returns the directory and the record boundaries.
func walWithRecords(t *testing.T, n int) (dir string, bounds []int) {
	t.Helper()
	ctx := context.Background()
	dir = t.TempDir()
	s, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, "w", CollectionConfig{Dim: 2, Distance: Dot})
	for i := range n {
		if err := s.Upsert(ctx, "w", []Point{{ID: NumID(uint64(i)), Vector: []float32{float32(i), 1}}}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	data, err := os.ReadFile(filepath.Join(dir, walFile))
	if err != nil {
		t.Fatal(err)
	}
	bounds = []int{walHeaderSize}
	if _, err := scanWAL(data, func(walOp) error { return nil }); err != nil {
		t.Fatal(err)
	}
	for off := walHeaderSize; off < len(data); {
		n := int(uint32(data[off]) | uint32(data[off+1])<<8 | uint32(data[off+2])<<16 | uint32(data[off+3])<<24)
		off += 8 + n
		bounds = append(bounds, off)
	}
	return dir, bounds
}

func countPoints(t *testing.T, dir string) (int, error) {
	t.Helper()
	s, err := Open(context.Background(), dir, nil)
	if err != nil {
		return 0, err
	}
	defer s.Close()
	return s.Count(context.Background(), "w", nil)
}

// TestTornTail cuts the WAL at every byte of its last record (and pads a
// cut log with zeros, as a file system may after a crash): Open must drop
// only the torn record.
func TestTornTail(t *testing.T) {
	const n = 5
	dir, bounds := walWithRecords(t, n)
	path := filepath.Join(dir, walFile)
	orig, _ := os.ReadFile(path)
	last := bounds[len(bounds)-2]
	for cut := last; cut < len(orig); cut++ {
		for _, pad := range []int{0, 100} {
			data := append(slices.Clone(orig[:cut]), make([]byte, pad)...)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			// The zero padding may happen to complete the record (its last
			// bytes were zeros): then it is intact and kept.
			wantN, wantSize := n-1, last
			if len(data) >= len(orig) && bytes.Equal(data[:len(orig)], orig) {
				wantN, wantSize = n, len(orig)
			}
			got, err := countPoints(t, dir)
			if err != nil {
				t.Fatalf("cut %d pad %d: %v", cut, pad, err)
			}
			if got != wantN {
				t.Fatalf("cut %d pad %d: %d points, want %d", cut, pad, got, wantN)
			}
			// Open truncated the tail: the file now ends at the last good record.
			if st, _ := os.Stat(path); st.Size() != int64(wantSize) {
				t.Fatalf("cut %d pad %d: wal size %d after open, want %d", cut, pad, st.Size(), wantSize)
			}
		}
	}
	// A flipped bit in the last record is a torn tail too.
	data := slices.Clone(orig)
	data[len(data)-3] ^= 1
	os.WriteFile(path, data, 0o644)
	if got, err := countPoints(t, dir); err != nil || got != n-1 {
		t.Fatalf("corrupt last record: %d, %v", got, err)
	}
}

// TestCorruptMiddle flips a byte inside an acknowledged record that has
// records after it: Open must refuse with ErrCorrupt rather than drop data.
func TestCorruptMiddle(t *testing.T) {
	dir, bounds := walWithRecords(t, 5)
	path := filepath.Join(dir, walFile)
	data, _ := os.ReadFile(path)
	data[bounds[2]+10] ^= 0x40
	os.WriteFile(path, data, 0o644)
	if _, err := countPoints(t, dir); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("open with corrupt middle record: %v, want ErrCorrupt", err)
	}
}

// TestCorruptCheckpoint: a damaged checkpoint is refused, not half-loaded.
func TestCorruptCheckpoint(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, nil)
	mustCreate(t, s, "w", CollectionConfig{Dim: 2, Distance: Dot})
	s.Upsert(ctx, "w", []Point{{ID: NumID(1), Vector: []float32{1, 2}}})
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	s.Close()
	path := filepath.Join(dir, checkpointFile)
	data, _ := os.ReadFile(path)
	data[len(data)-10] ^= 1
	os.WriteFile(path, data, 0o644)
	if _, err := Open(ctx, dir, nil); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("open with corrupt checkpoint: %v", err)
	}
}

// TestCheckpointKeepsGraph checks that reopening from a checkpoint restores
// the HNSW graph as it was (no rebuild), also while tombstones exist.
func TestCheckpointKeepsGraph(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir, &Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	const dim = 96 // large enough for SQ8 codes
	mustCreate(t, s, "g", CollectionConfig{Dim: dim, Distance: Cosine, HNSW: HNSWConfig{FullScanThreshold: -1, M: 8}})
	rng := rand.New(rand.NewPCG(11, 12))
	var pts []Point
	for i := range 1500 {
		pts = append(pts, Point{ID: NumID(uint64(i)), Vector: randVec(rng, dim)})
	}
	if err := s.Upsert(ctx, "g", pts); err != nil {
		t.Fatal(err)
	}
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	before := s.colls["g"].graph
	queries := make([][]float32, 20)
	want := make([][]ScoredPoint, len(queries))
	for i := range queries {
		queries[i] = randVec(rng, dim)
		want[i], _ = s.Search(ctx, "g", SearchRequest{Vector: queries[i], Limit: 5})
	}
	s.Close()

	s2, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	after := s2.colls["g"].graph
	if !slices.Equal(before.levels, after.levels) || before.entry != after.entry || before.top != after.top {
		t.Fatal("graph shape differs after reopening")
	}
	for i := range before.levels {
		for l := 0; l <= int(before.levels[i]); l++ {
			if !slices.Equal(before.neighbors(uint32(i), l), after.neighbors(uint32(i), l)) {
				t.Fatalf("node %d level %d: links differ after reopening", i, l)
			}
		}
	}
	if !s2.colls["g"].vecs.quant {
		t.Fatal("SQ8 codes not restored")
	}
	for i, q := range queries {
		got, _ := s2.Search(ctx, "g", SearchRequest{Vector: q, Limit: 5})
		if len(got) != len(want[i]) {
			t.Fatalf("query %d: %d results, want %d", i, len(got), len(want[i]))
		}
		for j := range got {
			if got[j].ID != want[i][j].ID {
				t.Fatalf("query %d: result %d is %v, want %v", i, j, got[j].ID, want[i][j].ID)
			}
		}
	}
	// With a tombstone the graph is saved too, tombstone included.
	if _, err := s2.Delete(ctx, "g", []PointID{NumID(7)}); err != nil {
		t.Fatal(err)
	}
	if err := s2.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	s2.Close()
	s3, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	if info, _ := s3.CollectionInfo("g"); info.Points != 1499 || info.IndexedNodes != 1500 || info.Tombstones != 1 {
		t.Fatalf("after reopening with a tombstone: %+v", info)
	}
	for _, q := range queries {
		got, _ := s3.Search(ctx, "g", SearchRequest{Vector: q, Limit: 5})
		if len(got) != 5 || slices.ContainsFunc(got, func(p ScoredPoint) bool { return p.ID == NumID(7) }) {
			t.Fatalf("search after reopening with a tombstone: %+v", got)
		}
	}
}
