package vectorstore

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

// optionalPoints makes n points of dimension dim of which those with i%3
// == 0 lack the unnamed vector (some of those carry a sparse vector
// instead when sparse is set).
func optionalPoints(rng *rand.Rand, n, dim int, sparse bool) []Point {
	pts := make([]Point, n)
	for i := range pts {
		p := Point{ID: NumID(uint64(i)), Payload: map[string]any{"i": float64(i)}}
		if i%3 != 0 {
			p.Vector = randVec(rng, dim)
		} else if sparse && i%2 == 0 {
			p.Sparse = map[string]SparseVector{"s": {Indices: []uint32{uint32(i % 7)}, Values: []float32{1}}}
		}
		pts[i] = p
	}
	return pts
}

// bruteUnnamed returns the ids of the k points with the largest dot
// product with q among those that have the unnamed vector.
func bruteUnnamed(pts map[PointID]Point, q []float32, k int) []PointID {
	type sc struct {
		id PointID
		d  float32
	}
	var all []sc
	for _, p := range pts {
		if p.Vector != nil {
			all = append(all, sc{p.ID, dot(q, p.Vector)})
		}
	}
	slices.SortFunc(all, func(a, b sc) int {
		if a.d != b.d {
			if a.d > b.d {
				return -1
			}
			return 1
		}
		return a.id.Compare(b.id)
	})
	var out []PointID
	for _, s := range all[:min(k, len(all))] {
		out = append(out, s.id)
	}
	return out
}

// TestOptionalUnnamedVector: points may lack the unnamed vector, as in
// Qdrant's fixtures (a collection with an unnamed and a sparse vector
// whose points carry one or the other). Searches skip them, reads return
// no vector for them, and that holds through WAL replay, checkpoints,
// compaction and payload updates, with the index and the exact scan.
// checkThroughReopen runs check on s, then closes it and runs check again
// after a reopen (WAL replay) and after a checkpoint and another reopen. It
// returns the last store, which t's cleanup closes.
func checkThroughReopen(t *testing.T, s *Store, dir string, check func(*Store, string)) *Store {
	t.Helper()
	ctx := context.Background()
	check(s, "live")
	for _, stage := range []string{"after replay", "after checkpoint"} {
		s.Close()
		var err error
		if s, err = Open(ctx, dir, nil); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		check(s, stage)
		if err := s.Checkpoint(ctx); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestOptionalUnnamedVector(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		sparse bool
		full   int
	}{
		{"plain/index", false, -1},
		{"plain/exact", false, 0},
		{"sparse/index", true, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, dir := openTemp(t, nil)
			cfg := CollectionConfig{Dim: 8, Distance: Dot, HNSW: HNSWConfig{FullScanThreshold: tc.full, Seed: 1}}
			if tc.sparse {
				cfg.SparseVectors = map[string]SparseVectorParams{"s": {}}
			}
			mustCreate(t, s, "o", cfg)
			rng := rand.New(rand.NewPCG(7, 7))
			pts := optionalPoints(rng, 600, 8, tc.sparse)
			if err := s.Upsert(ctx, "o", pts); err != nil {
				t.Fatal(err)
			}
			model := map[PointID]Point{}
			for _, p := range pts {
				model[p.ID] = p
			}
			// Replace some points: one gains a vector, one loses it.
			gain := Point{ID: NumID(0), Vector: randVec(rng, 8)}
			lose := Point{ID: NumID(1)}
			if err := s.Upsert(ctx, "o", []Point{gain, lose}); err != nil {
				t.Fatal(err)
			}
			model[gain.ID], model[lose.ID] = gain, lose
			// Delete enough points to trigger a compaction.
			var del []PointID
			for i := uint64(300); i < 500; i++ {
				del = append(del, NumID(i))
				delete(model, NumID(i))
			}
			if _, err := s.Delete(ctx, "o", del); err != nil {
				t.Fatal(err)
			}
			queries := make([][]float32, 20)
			for i := range queries {
				queries[i] = randVec(rng, 8)
			}
			check := func(s *Store, stage string) {
				t.Helper()
				hitsIn := 0
				for _, q := range queries {
					exact, err := s.Search(ctx, "o", SearchRequest{Vector: q, Limit: 10, Params: SearchParams{Exact: true}})
					if err != nil {
						t.Fatal(err)
					}
					if got, want := hitIDs(exact), bruteUnnamed(model, q, 10); !slices.Equal(got, want) {
						t.Fatalf("%s: exact search %v, want %v", stage, got, want)
					}
					approx, err := s.Search(ctx, "o", SearchRequest{Vector: q, Limit: 10})
					if err != nil {
						t.Fatal(err)
					}
					for _, h := range approx {
						if model[h.ID].Vector == nil {
							t.Fatalf("%s: search returned %v, which has no vector", stage, h.ID)
						}
						if slices.Contains(hitIDs(exact), h.ID) {
							hitsIn++
						}
					}
				}
				if r := float64(hitsIn) / float64(10*len(queries)); r < 0.95 {
					t.Fatalf("%s: recall %.3f", stage, r)
				}
				recs, err := s.Get(ctx, "o", []PointID{NumID(0), NumID(1), NumID(2), NumID(3)}, With{WithVector: true})
				if err != nil || len(recs) != 4 {
					t.Fatalf("%s: get %v %v", stage, recs, err)
				}
				for _, r := range recs {
					if want := model[r.ID].Vector; (want == nil) != (r.Vector == nil) || (want != nil && !slices.Equal(r.Vector, want)) {
						t.Fatalf("%s: point %v vector %v, want %v", stage, r.ID, r.Vector, want)
					}
					if r.Version == 0 {
						t.Fatalf("%s: point %v has version 0", stage, r.ID)
					}
				}
				if recs[0].Version <= recs[3].Version {
					t.Fatalf("%s: the rewritten point 0 has version %d, the older point 3 %d", stage, recs[0].Version, recs[3].Version)
				}
				if n, _ := s.Count(ctx, "o", nil); n != len(model) {
					t.Fatalf("%s: count %d, want %d", stage, n, len(model))
				}
				// has_vector "" selects the points with the unnamed vector.
				want := 0
				for _, p := range model {
					if p.Vector != nil {
						want++
					}
				}
				if n, _ := s.Count(ctx, "o", &Filter{Must: []Condition{{HasVector: ptr("")}}}); n != want {
					t.Fatalf("%s: has_vector count %d, want %d", stage, n, want)
				}
			}
			// A payload update keeps the vectors (and their absence).
			if _, err := s.UpdatePayload(ctx, "o", PayloadOp{IDs: []PointID{NumID(1), NumID(2)}, Set: map[string]any{"x": 1.0}}); err != nil {
				t.Fatal(err)
			}
			before, _ := s.Get(ctx, "o", []PointID{NumID(1), NumID(2), NumID(5)}, With{WithVector: true, WithPayload: true})
			s3 := checkThroughReopen(t, s, dir, check)
			after, _ := s3.Get(ctx, "o", []PointID{NumID(1), NumID(2), NumID(5)}, With{WithVector: true, WithPayload: true})
			if !slices.EqualFunc(before, after, func(a, b Record) bool {
				return a.Version == b.Version && slices.Equal(a.Vector, b.Vector)
			}) {
				t.Fatalf("records changed across reopen: %+v vs %+v", before, after)
			}
		})
	}
}

// TestUpdateDeleteVectors: UpdateVectors replaces only the vectors given
// (the others and the payload stay, bit for bit), DeleteVectors removes
// the vectors named, and both survive a reopen.
func TestUpdateDeleteVectors(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, nil)
	cfg := multiCfg(Cosine)
	cfg.Dim, cfg.Distance = 2, Cosine
	mustCreate(t, s, "u", cfg)
	sp := SparseVector{Indices: []uint32{1}, Values: []float32{2}}
	p1 := Point{ID: NumID(1), Vector: []float32{3, 4}, Vectors: map[string][]float32{"dense": {1, 2, 3, 4}},
		MultiVectors: map[string][][]float32{"multi": {{1, 0, 0, 0}, {0, 3, 4, 0}}}, Sparse: map[string]SparseVector{"sp": sp}, Payload: map[string]any{"k": "v"}}
	if err := s.Upsert(ctx, "u", []Point{p1, {ID: NumID(2), Vector: []float32{1, 0}}}); err != nil {
		t.Fatal(err)
	}
	get := func(s *Store, id uint64) Record {
		t.Helper()
		r, err := s.Get(ctx, "u", []PointID{NumID(id)}, With{WithPayload: true, WithVector: true})
		if err != nil || len(r) != 1 {
			t.Fatalf("get %d: %v %v", id, r, err)
		}
		return r[0]
	}
	before := get(s, 1)
	n, err := s.UpdateVectors(ctx, "u", []Point{{ID: NumID(1), Vectors: map[string][]float32{"dense": {0, 0, 0, 5}}}})
	if err != nil || n != 1 {
		t.Fatalf("update: %d %v", n, err)
	}
	after := get(s, 1)
	if !slices.Equal(after.Vectors["dense"], []float32{0, 0, 0, 5}) {
		t.Fatalf("dense not updated: %v", after.Vectors)
	}
	if !slices.Equal(after.Vector, before.Vector) || !slices.EqualFunc(after.MultiVectors["multi"], before.MultiVectors["multi"], slices.Equal[[]float32]) ||
		!after.Sparse["sp"].equal(sp) || after.Payload["k"] != "v" || after.Version <= before.Version {
		t.Fatalf("update changed more than asked: %+v -> %+v", before, after)
	}
	if _, err := s.UpdateVectors(ctx, "u", []Point{{ID: NumID(9), Vector: []float32{1, 1}}}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("update of a missing point: %v", err)
	}
	if _, err := s.DeleteVectors(ctx, "u", []PointID{NumID(1)}, nil, []string{"nope"}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("delete of an unknown vector: %v", err)
	}
	n, err = s.DeleteVectors(ctx, "u", []PointID{NumID(1), NumID(2)}, nil, []string{"", "multi"})
	if err != nil || n != 2 {
		t.Fatalf("delete: %d %v", n, err)
	}
	for _, st := range []*Store{s, nil} {
		if st == nil {
			s.Close()
			var err error
			if st, err = Open(ctx, dir, nil); err != nil {
				t.Fatal(err)
			}
			defer st.Close()
		}
		r1, r2 := get(st, 1), get(st, 2)
		if r1.Vector != nil || r1.MultiVectors != nil || r2.Vector != nil || !slices.Equal(r1.Vectors["dense"], []float32{0, 0, 0, 5}) || !r1.Sparse["sp"].equal(sp) {
			t.Fatalf("after delete: %+v %+v", r1, r2)
		}
		if hits, _ := st.Search(ctx, "u", SearchRequest{Vector: []float32{1, 0}}); len(hits) != 0 {
			t.Fatalf("search finds points without the vector: %v", hits)
		}
	}
}

// TestConditionalWrites: update modes and update filters decide per point,
// and PayloadOp's Edit and RequireAll.
func TestConditionalWrites(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, nil)
	mustCreate(t, s, "c", CollectionConfig{Dim: 2, Distance: Dot})
	up := func(opts UpsertOptions, pts ...Point) int {
		t.Helper()
		n, err := s.UpsertWith(ctx, "c", pts, opts)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	pt := func(id uint64, x float32, ver float64) Point {
		return Point{ID: NumID(id), Vector: []float32{x, 0}, Payload: map[string]any{"v": ver}}
	}
	up(UpsertOptions{}, pt(1, 1, 5), pt(2, 1, 1))
	payloadV := func(id uint64) any {
		r, _ := s.Get(ctx, "c", []PointID{NumID(id)}, With{WithPayload: true})
		if len(r) == 0 {
			return nil
		}
		return r[0].Payload["v"]
	}
	if n := up(UpsertOptions{Mode: UpsertInsertOnly}, pt(1, 9, 9), pt(3, 9, 9)); n != 1 || payloadV(1) != 5.0 || payloadV(3) != 9.0 {
		t.Fatalf("insert_only: %d %v %v", n, payloadV(1), payloadV(3))
	}
	if n := up(UpsertOptions{Mode: UpsertUpdateOnly}, pt(2, 9, 7), pt(4, 9, 9)); n != 1 || payloadV(2) != 7.0 || payloadV(4) != nil {
		t.Fatalf("update_only: %d %v %v", n, payloadV(2), payloadV(4))
	}
	lt := func(x float64) *Filter { return &Filter{Must: []Condition{{Key: "v", Range: &Range{LT: &x}}}} }
	if n := up(UpsertOptions{Filter: lt(4)}, pt(1, 9, 4), pt(5, 9, 1)); n != 1 || payloadV(1) != 5.0 || payloadV(5) != 1.0 {
		t.Fatalf("update_filter not matching: %d %v %v", n, payloadV(1), payloadV(5))
	}
	if n := up(UpsertOptions{Filter: lt(6)}, pt(1, 9, 6)); n != 1 || payloadV(1) != 6.0 {
		t.Fatalf("update_filter matching: %d %v", n, payloadV(1))
	}
	if _, err := s.UpsertWith(ctx, "c", []Point{pt(1, 1, 1)}, UpsertOptions{Mode: "maybe"}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("unknown mode: %v", err)
	}
	// Vectors under a filter: point 1 (v 6) does not match v < 6.
	if n, err := s.UpdateVectorsWhere(ctx, "c", []Point{{ID: NumID(1), Vector: []float32{0, 3}}}, lt(6)); err != nil || n != 0 {
		t.Fatalf("vectors, filter not matching: %d %v", n, err)
	}
	if n, err := s.UpdateVectorsWhere(ctx, "c", []Point{{ID: NumID(1), Vector: []float32{0, 3}}}, lt(7)); err != nil || n != 1 {
		t.Fatalf("vectors, filter matching: %d %v", n, err)
	}
	// Edit and RequireAll.
	edit := func(old map[string]any) (map[string]any, error) {
		old["v"] = old["v"].(float64) + 100
		return old, nil
	}
	if _, err := s.UpdatePayload(ctx, "c", PayloadOp{IDs: []PointID{NumID(1), NumID(42)}, Edit: edit, RequireAll: true}); !errors.Is(err, ErrNotFound) || payloadV(1) != 6.0 {
		t.Fatalf("RequireAll with a missing id: %v, v %v", err, payloadV(1))
	}
	if n, err := s.UpdatePayload(ctx, "c", PayloadOp{IDs: []PointID{NumID(1), NumID(42)}, Edit: edit}); err != nil || n != 1 || payloadV(1) != 106.0 {
		t.Fatalf("edit: %d %v, v %v", n, err, payloadV(1))
	}
}

// TestNoPointHasTheUnnamedVector: a collection whose points all lack the
// unnamed vector has an empty graph, also once loaded from a checkpoint
// (whose graph entry is then an unlinked node).
func TestNoPointHasTheUnnamedVector(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, nil)
	mustCreate(t, s, "e", CollectionConfig{Dim: 2, Distance: Dot, SparseVectors: map[string]SparseVectorParams{"s": {}}, HNSW: HNSWConfig{FullScanThreshold: -1}})
	var pts []Point
	for i := range 50 {
		pts = append(pts, Point{ID: NumID(uint64(i)), Sparse: map[string]SparseVector{"s": {Indices: []uint32{1}, Values: []float32{1}}}})
	}
	if err := s.Upsert(ctx, "e", pts); err != nil {
		t.Fatal(err)
	}
	checkThroughReopen(t, s, dir, func(s *Store, stage string) {
		for _, exact := range []bool{false, true} {
			hits, err := s.Search(ctx, "e", SearchRequest{Vector: []float32{1, 1}, Params: SearchParams{Exact: exact}})
			if err != nil || len(hits) != 0 {
				t.Fatalf("%s exact=%v: %v %v", stage, exact, hits, err)
			}
		}
	})
}
