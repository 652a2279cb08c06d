package vectorstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func openTemp(t *testing.T, opts *Options) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

func mustCreate(t *testing.T, s *Store, name string, cfg CollectionConfig) {
	t.Helper()
	if err := s.CreateCollection(context.Background(), name, cfg); err != nil {
		t.Fatal(err)
	}
}

func randVec(rng *rand.Rand, dim int) []float32 {
	v := make([]float32, dim)
	for i := range v {
		v[i] = float32(rng.NormFloat64())
	}
	return v
}

func TestCollectionLifecycle(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, nil)
	mustCreate(t, s, "b", CollectionConfig{Dim: 4, Distance: Cosine, EmbeddingModel: "m1", Metadata: map[string]string{"k": "v"}})
	mustCreate(t, s, "a", CollectionConfig{Dim: 3, Distance: "euclid"})
	if err := s.CreateCollection(ctx, "a", CollectionConfig{Dim: 3, Distance: Dot}); !errors.Is(err, ErrExists) {
		t.Fatalf("duplicate create: %v", err)
	}
	for _, bad := range []struct {
		name string
		cfg  CollectionConfig
	}{
		{"", CollectionConfig{Dim: 3, Distance: Dot}},
		{"x/y", CollectionConfig{Dim: 3, Distance: Dot}},
		{"x", CollectionConfig{Dim: 0, Distance: Dot}},
		{"x", CollectionConfig{Dim: 3, Distance: "Hamming"}},
		{"x", CollectionConfig{Dim: 3, Distance: Dot, HNSW: HNSWConfig{M: 1}}},
	} {
		if err := s.CreateCollection(ctx, bad.name, bad.cfg); !errors.Is(err, ErrInvalid) {
			t.Errorf("create %q %+v: %v, want ErrInvalid", bad.name, bad.cfg, err)
		}
	}
	if got := s.ListCollections(); !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("list = %v", got)
	}
	info, err := s.CollectionInfo("b")
	if err != nil {
		t.Fatal(err)
	}
	if info.Config.Dim != 4 || info.Config.Distance != Cosine || info.Config.EmbeddingModel != "m1" || info.Config.Metadata["k"] != "v" || info.Points != 0 {
		t.Fatalf("info = %+v", info)
	}
	if info, _ := s.CollectionInfo("a"); info.Config.Distance != Euclid || info.Config.HNSW.M != 16 {
		t.Fatalf("defaults not filled: %+v", info.Config)
	}
	if ok, err := s.DeleteCollection(ctx, "a"); !ok || err != nil {
		t.Fatalf("delete: %v %v", ok, err)
	}
	if ok, _ := s.DeleteCollection(ctx, "a"); ok {
		t.Fatal("second delete reported existing")
	}
	if _, err := s.CollectionInfo("a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("info of deleted: %v", err)
	}
	if err := s.Upsert(ctx, "a", nil); !errors.Is(err, ErrNotFound) {
		t.Fatalf("upsert into deleted: %v", err)
	}
}

func TestPointsCRUD(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, nil)
	mustCreate(t, s, "c", CollectionConfig{Dim: 2, Distance: Dot})
	u, _ := ParsePointID("550e8400-e29b-41d4-a716-446655440000")
	pts := []Point{
		{ID: NumID(3), Vector: []float32{1, 0}, Payload: map[string]any{"source": "a.md", "n": 1}},
		{ID: NumID(1), Vector: []float32{0, 1}, Payload: map[string]any{"source": "b.md", "n": 2}},
		{ID: u, Vector: []float32{1, 1}, Payload: map[string]any{"source": "a.md", "n": 3}},
		{ID: NumID(2), Vector: []float32{-1, 0}},
	}
	if err := s.Upsert(ctx, "c", pts); err != nil {
		t.Fatal(err)
	}
	if err := s.Upsert(ctx, "c", []Point{{ID: NumID(9), Vector: []float32{1}}}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("wrong dim: %v", err)
	}
	if err := s.Upsert(ctx, "c", []Point{{ID: NumID(9), Vector: []float32{1, float32(math.NaN())}}}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("NaN: %v", err)
	}
	pts[0].Vector[0] = 100 // the store must have copied
	recs, err := s.Get(ctx, "c", []PointID{NumID(3), NumID(77), u, NumID(3)}, With{WithPayload: true, WithVector: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].ID != NumID(3) || recs[1].ID != u {
		t.Fatalf("get = %+v", recs)
	}
	if !slices.Equal(recs[0].Vector, []float32{1, 0}) || recs[0].Payload["source"] != "a.md" || recs[0].Payload["n"] != 1.0 {
		t.Fatalf("get rec = %+v", recs[0])
	}
	recs[0].Payload["source"] = "mutated"
	recs, _ = s.Get(ctx, "c", []PointID{NumID(3)}, With{})
	if recs[0].Payload != nil || recs[0].Vector != nil {
		t.Fatalf("get without payload/vector = %+v", recs[0])
	}
	recs, _ = s.Get(ctx, "c", []PointID{NumID(3)}, With{WithPayload: true})
	if recs[0].Payload["source"] != "a.md" {
		t.Fatal("caller mutation reached the store")
	}

	// Scroll: ordered by id, numbers before UUIDs, paged.
	var order []PointID
	var off *PointID
	for range 10 {
		page, err := s.Scroll(ctx, "c", ScrollRequest{Offset: off, Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page.Points {
			order = append(order, r.ID)
		}
		if page.NextOffset == nil {
			break
		}
		off = page.NextOffset
	}
	if want := []PointID{NumID(1), NumID(2), NumID(3), u}; !slices.Equal(order, want) {
		t.Fatalf("scroll order %v want %v", order, want)
	}
	f := &Filter{Must: []Condition{{Key: "source", Match: &Match{Value: "a.md"}}}}
	page, _ := s.Scroll(ctx, "c", ScrollRequest{Filter: f, Limit: 10})
	if len(page.Points) != 2 || page.Points[0].ID != NumID(3) || page.NextOffset != nil {
		t.Fatalf("filtered scroll %+v", page)
	}
	if n, _ := s.Count(ctx, "c", f); n != 2 {
		t.Fatalf("count filtered = %d", n)
	}
	if n, _ := s.Count(ctx, "c", nil); n != 4 {
		t.Fatalf("count = %d", n)
	}

	// Replace a point: new vector and payload.
	if err := s.Upsert(ctx, "c", []Point{{ID: NumID(3), Vector: []float32{0, -1}, Payload: map[string]any{"source": "c.md"}}}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Count(ctx, "c", f); n != 1 {
		t.Fatalf("count after replace = %d", n)
	}
	recs, _ = s.Get(ctx, "c", []PointID{NumID(3)}, With{WithVector: true})
	if !slices.Equal(recs[0].Vector, []float32{0, -1}) {
		t.Fatalf("replaced vector = %v", recs[0].Vector)
	}

	n, err := s.Delete(ctx, "c", []PointID{NumID(1), NumID(55)})
	if err != nil || n != 1 {
		t.Fatalf("delete = %d, %v", n, err)
	}
	n, err = s.DeleteByFilter(ctx, "c", f)
	if err != nil || n != 1 {
		t.Fatalf("delete by filter = %d, %v", n, err)
	}
	if n, _ := s.Count(ctx, "c", nil); n != 2 {
		t.Fatalf("count after deletes = %d", n)
	}
	res, _ := s.Search(ctx, "c", SearchRequest{Vector: []float32{1, 1}, Limit: 10})
	if len(res) != 2 || res[0].ID != NumID(3) && res[0].ID != NumID(2) {
		t.Fatalf("search after deletes = %+v", res)
	}
}

// TestScoreSemantics checks the score of each distance and the direction of
// the threshold, on the exact and the index path.
func TestScoreSemantics(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, nil)
	q := []float32{1, 2, 2} // |q| = 3
	pts := []Point{
		{ID: NumID(1), Vector: []float32{1, 2, 2}},
		{ID: NumID(2), Vector: []float32{2, 0, 0}},
		{ID: NumID(3), Vector: []float32{0, 0, -3}},
	}
	type want struct {
		ids    []uint64
		scores []float32
	}
	cases := []struct {
		dist Distance
		all  want
		thr  float32
		kept int
	}{
		{Cosine, want{[]uint64{1, 2, 3}, []float32{1, 1.0 / 3, -2.0 / 3}}, 0.3, 2},
		{Dot, want{[]uint64{1, 2, 3}, []float32{9, 2, -6}}, 2, 2},
		{Euclid, want{[]uint64{1, 2, 3}, []float32{0, float32(math.Sqrt(1 + 4 + 4)), float32(math.Sqrt(1 + 4 + 25))}}, 3.5, 2},
	}
	for _, tc := range cases {
		for _, exact := range []bool{true, false} {
			name := fmt.Sprintf("%s-exact%v", tc.dist, exact)
			th := 0
			if !exact {
				th = -1
			}
			mustCreate(t, s, name, CollectionConfig{Dim: 3, Distance: tc.dist, HNSW: HNSWConfig{FullScanThreshold: th}})
			if err := s.Upsert(ctx, name, pts); err != nil {
				t.Fatal(err)
			}
			res, err := s.Search(ctx, name, SearchRequest{Vector: q, Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 3 {
				t.Fatalf("%s: %d results", name, len(res))
			}
			for i, r := range res {
				if r.ID.Num() != tc.all.ids[i] || math.Abs(float64(r.Score-tc.all.scores[i])) > 1e-5 {
					t.Fatalf("%s: result %d = %v %v, want %v %v", name, i, r.ID, r.Score, tc.all.ids[i], tc.all.scores[i])
				}
			}
			thr := tc.thr
			res, _ = s.Search(ctx, name, SearchRequest{Vector: q, Limit: 5, ScoreThreshold: &thr})
			if len(res) != tc.kept {
				t.Fatalf("%s: threshold %v kept %d, want %d", name, thr, len(res), tc.kept)
			}
			res, _ = s.Search(ctx, name, SearchRequest{Vector: q, Limit: 1, Offset: 1})
			if len(res) != 1 || res[0].ID.Num() != tc.all.ids[1] {
				t.Fatalf("%s: offset 1 = %+v", name, res)
			}
			if _, err := s.Search(ctx, name, SearchRequest{Vector: []float32{1}}); !errors.Is(err, ErrInvalid) {
				t.Fatalf("%s: wrong query dim: %v", name, err)
			}
		}
	}
}

// TestFilteredSearch compares filtered index search and the exact path with
// a brute-force reference, for selective and broad filters.
func TestFilteredSearch(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, &Options{NoSync: true})
	const dim, n = 16, 3000
	rng := rand.New(rand.NewPCG(5, 6))
	mustCreate(t, s, "f", CollectionConfig{Dim: dim, Distance: Cosine, HNSW: HNSWConfig{FullScanThreshold: 200}})
	pts := make([]Point, n)
	for i := range pts {
		pts[i] = Point{ID: NumID(uint64(i)), Vector: randVec(rng, dim), Payload: map[string]any{"mod10": i % 10, "rare": i%300 == 0}}
	}
	if err := s.Upsert(ctx, "f", pts); err != nil {
		t.Fatal(err)
	}
	for _, f := range []*Filter{
		{Must: []Condition{{Key: "rare", Match: &Match{Value: true}}}},                                                                                // 10 points: exact path
		{Must: []Condition{{Key: "mod10", Match: &Match{Any: []any{1, 2, 3, 4, 5}}}}},                                                                 // half: index path
		{MustNot: []Condition{{Key: "mod10", Range: &Range{GTE: ptr(1.0)}}}, Should: []Condition{{HasID: []PointID{NumID(0), NumID(10), NumID(11)}}}}, // ids 0 and 10
	} {
		cf, _ := compileFilter(f)
		for qi := range 20 {
			q := randVec(rng, dim)
			res, err := s.Search(ctx, "f", SearchRequest{Vector: q, Limit: 10, Filter: f})
			if err != nil {
				t.Fatal(err)
			}
			exact, _ := s.Search(ctx, "f", SearchRequest{Vector: q, Limit: 10, Filter: f, Params: SearchParams{Exact: true}})
			for _, r := range res {
				if !cf.matches(r.ID, pts[r.ID.Num()].Payload2()) {
					t.Fatalf("result %v does not match the filter", r.ID)
				}
			}
			hits := 0
			set := map[PointID]bool{}
			for _, e := range exact {
				set[e.ID] = true
			}
			for _, r := range res {
				if set[r.ID] {
					hits++
				}
			}
			if len(exact) > 0 && float64(hits)/float64(len(exact)) < 0.8 {
				t.Fatalf("query %d: filtered recall %d/%d", qi, hits, len(exact))
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }

// Payload2 returns the payload as the store holds it (JSON round trip).
func (p Point) Payload2() map[string]any {
	b, _ := json.Marshal(p.Payload)
	var m map[string]any
	json.Unmarshal(b, &m)
	return m
}

// TestCompaction deletes and replaces enough points to trigger a rebuild
// and checks every surviving point is still found.
func TestCompaction(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, &Options{NoSync: true})
	const dim, n = 8, 1000
	rng := rand.New(rand.NewPCG(7, 8))
	mustCreate(t, s, "c", CollectionConfig{Dim: dim, Distance: Euclid, HNSW: HNSWConfig{FullScanThreshold: -1}})
	vecs := map[uint64][]float32{}
	var pts []Point
	for i := range n {
		v := randVec(rng, dim)
		vecs[uint64(i)] = v
		pts = append(pts, Point{ID: NumID(uint64(i)), Vector: v})
	}
	if err := s.Upsert(ctx, "c", pts); err != nil {
		t.Fatal(err)
	}
	var del []PointID
	for i := range n / 2 {
		del = append(del, NumID(uint64(2*i)))
		delete(vecs, uint64(2*i))
	}
	if _, err := s.Delete(ctx, "c", del); err != nil {
		t.Fatal(err)
	}
	info, _ := s.CollectionInfo("c")
	if info.Points != n/2 || info.Tombstones != 0 || info.IndexedNodes != n/2 {
		t.Fatalf("after compaction: %+v", info)
	}
	for id, v := range vecs {
		res, err := s.Search(ctx, "c", SearchRequest{Vector: v, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != 1 || res[0].ID.Num() != id || res[0].Score > 1e-6 {
			t.Fatalf("point %d: nearest = %+v", id, res)
		}
	}
}

// TestReplaceCollection checks that ReplaceCollection swaps a collection's
// whole content in one durable step and that a refused replacement changes
// nothing.
func TestReplaceCollection(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, nil)
	rng := rand.New(rand.NewPCG(1, 2))
	cfg := CollectionConfig{Dim: 4, Distance: Dot, EmbeddingModel: "m"}
	old := []Point{{ID: NumID(1), Vector: randVec(rng, 4)}, {ID: NumID(2), Vector: randVec(rng, 4)}}
	if _, err := s.ReplaceCollection(ctx, "kb", cfg, old); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		coll    string
		cfg     CollectionConfig
		points  []Point
		wantErr error
	}{
		{"bad name", "a/b", cfg, nil, ErrInvalid},
		{"bad config", "kb", CollectionConfig{Dim: 0, Distance: Dot}, nil, ErrInvalid},
		{"bad distance", "kb", CollectionConfig{Dim: 4, Distance: "Hamming"}, nil, ErrInvalid},
		{"wrong vector size", "kb", cfg, []Point{{ID: NumID(9), Vector: []float32{1}}}, ErrInvalid},
		{"other dimension", "kb", CollectionConfig{Dim: 8, Distance: Dot, EmbeddingModel: "m"}, nil, ErrMismatch},
		{"other model", "kb", CollectionConfig{Dim: 4, Distance: Dot, EmbeddingModel: "n"}, nil, ErrMismatch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.ReplaceCollection(ctx, tc.coll, tc.cfg, tc.points); !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if n, err := s.Count(ctx, "kb", nil); err != nil || n != 2 {
				t.Fatalf("after a refused replace: %d points, %v", n, err)
			}
		})
	}
	repl := []Point{{ID: NumID(7), Vector: randVec(rng, 4), Payload: map[string]any{"source": "x"}}}
	info, err := s.ReplaceCollection(ctx, "kb", cfg, repl)
	if err != nil || info.Points != 1 {
		t.Fatalf("replace: %+v %v", info, err)
	}
	// Durable without any further write: reopen and look.
	s.Close()
	s2, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	recs, err := s2.Get(ctx, "kb", []PointID{NumID(1), NumID(7)}, With{WithPayload: true})
	if err != nil || len(recs) != 1 || recs[0].ID != NumID(7) || recs[0].Payload["source"] != "x" {
		t.Fatalf("after reopen: %+v %v", recs, err)
	}
}
