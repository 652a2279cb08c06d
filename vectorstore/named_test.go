package vectorstore

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// namedCfg is a collection in the shape of Qdrant's test fixtures: no
// unnamed vector, two named dense vectors and a sparse one.
func namedCfg() CollectionConfig {
	return CollectionConfig{
		Vectors: map[string]VectorParams{
			"image": {Size: 4, Distance: Dot},
			"text":  {Size: 3, Distance: Manhattan},
		},
		SparseVectors: map[string]SparseVectorParams{"words": {Modifier: SparseModifierIDF}},
		HNSW:          HNSWConfig{FullScanThreshold: -1},
	}
}

// namedPoints makes n points carrying random subsets of namedCfg's vectors.
func namedPoints(rng *rand.Rand, n int, from uint64) []Point {
	pts := make([]Point, n)
	for i := range pts {
		p := Point{ID: NumID(from + uint64(i)), Vectors: map[string][]float32{}, Sparse: map[string]SparseVector{}, Payload: map[string]any{"i": float64(i)}}
		if rng.IntN(4) != 0 {
			p.Vectors["image"] = randVec(rng, 4)
		}
		if rng.IntN(3) != 0 {
			p.Vectors["text"] = randVec(rng, 3)
		}
		if rng.IntN(2) != 0 {
			sv := SparseVector{}
			for d := range uint32(8) {
				if rng.IntN(3) == 0 {
					sv.Indices = append(sv.Indices, 7-d) // unsorted on purpose
					sv.Values = append(sv.Values, float32(rng.IntN(5)+1))
				}
			}
			if sv.Indices != nil {
				p.Sparse["words"] = sv
			}
		}
		pts[i] = p
	}
	return pts
}

func TestNamedVectorsValidation(t *testing.T) {
	s, _ := openTemp(t, nil)
	ctx := context.Background()
	mustCreate(t, s, "n", namedCfg())
	bad := []struct {
		name string
		p    Point
	}{
		{"unnamed vector", Point{ID: NumID(1), Vector: []float32{1, 2, 3, 4}}},
		{"unknown name", Point{ID: NumID(1), Vectors: map[string][]float32{"nope": {1}}}},
		{"wrong size", Point{ID: NumID(1), Vectors: map[string][]float32{"image": {1, 2}}}},
		{"sparse as dense", Point{ID: NumID(1), Vectors: map[string][]float32{"words": {1}}}},
		{"dense as sparse", Point{ID: NumID(1), Sparse: map[string]SparseVector{"image": {Indices: []uint32{1}, Values: []float32{1}}}}},
		{"duplicate index", Point{ID: NumID(1), Sparse: map[string]SparseVector{"words": {Indices: []uint32{1, 1}, Values: []float32{1, 2}}}}},
		{"length mismatch", Point{ID: NumID(1), Sparse: map[string]SparseVector{"words": {Indices: []uint32{1}, Values: []float32{1, 2}}}}},
		{"NaN", Point{ID: NumID(1), Vectors: map[string][]float32{"text": {1, float32(math.NaN()), 0}}}},
	}
	for _, b := range bad {
		if err := s.Upsert(ctx, "n", []Point{b.p}); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", b.name, err)
		}
	}
	for _, cfg := range []CollectionConfig{
		{Vectors: map[string]VectorParams{"": {Size: 3, Distance: Dot}}},
		{Vectors: map[string]VectorParams{"a": {Size: 0, Distance: Dot}}},
		{Vectors: map[string]VectorParams{"a": {Size: 3, Distance: "Hamming"}}},
		{Vectors: map[string]VectorParams{"a": {Size: 3, Distance: Dot}}, SparseVectors: map[string]SparseVectorParams{"a": {}}},
		{SparseVectors: map[string]SparseVectorParams{"a": {Modifier: "bm25"}}},
		{Distance: Dot},
	} {
		if err := s.CreateCollection(ctx, "bad", cfg); !errors.Is(err, ErrInvalid) {
			t.Errorf("create %+v: err = %v, want ErrInvalid", cfg, err)
		}
	}
	if _, err := s.Search(ctx, "n", SearchRequest{Vector: []float32{1, 2, 3, 4}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("search of the missing unnamed vector: %v", err)
	}
}

// bruteNamed returns the ids of the k best points for q on vector name by
// direct computation over pts (the last write of each id wins).
func bruteNamed(pts map[PointID]Point, name string, d Distance, q []float32, k int) []PointID {
	type hit struct {
		id    PointID
		score float64
	}
	var hits []hit
	for id, p := range pts {
		v, ok := p.Vectors[name]
		if !ok {
			continue
		}
		var sc float64
		for i := range v {
			switch d {
			case Dot:
				sc += float64(v[i]) * float64(q[i])
			case Manhattan:
				sc -= math.Abs(float64(v[i]) - float64(q[i]))
			}
		}
		hits = append(hits, hit{id, sc})
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if a.score > b.score {
			return -1
		}
		if a.score < b.score {
			return 1
		}
		return a.id.Compare(b.id)
	})
	var out []PointID
	for i := 0; i < k && i < len(hits); i++ {
		out = append(out, hits[i].id)
	}
	return out
}

func hitIDs(hits []ScoredPoint) []PointID {
	out := make([]PointID, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}

func TestNamedVectorsSearchAndPersist(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, nil)
	mustCreate(t, s, "n", namedCfg())
	rng := rand.New(rand.NewPCG(1, 2))
	truth := map[PointID]Point{}
	for round := range 3 {
		pts := namedPoints(rng, 300, uint64(round*150)) // overlapping ids: replacements
		if err := s.Upsert(ctx, "n", pts); err != nil {
			t.Fatal(err)
		}
		for _, p := range pts {
			truth[p.ID] = p
		}
	}
	var del []PointID
	for id := range truth {
		if rng.IntN(5) == 0 {
			del = append(del, id)
		}
	}
	if _, err := s.Delete(ctx, "n", del); err != nil {
		t.Fatal(err)
	}
	for _, id := range del {
		delete(truth, id)
	}
	check := func(s *Store, when string) {
		t.Helper()
		for _, tc := range []struct {
			name string
			d    Distance
			dim  int
		}{{"image", Dot, 4}, {"text", Manhattan, 3}} {
			for range 5 {
				q := randVec(rng, tc.dim)
				got, err := s.Search(ctx, "n", SearchRequest{Vector: q, Using: tc.name, Limit: 5, Params: SearchParams{Exact: true}})
				if err != nil {
					t.Fatal(err)
				}
				if want := bruteNamed(truth, tc.name, tc.d, q, 5); !slices.Equal(hitIDs(got), want) {
					t.Fatalf("%s: %s exact search = %v, want %v", when, tc.name, hitIDs(got), want)
				}
				if tc.d == Manhattan && len(got) > 1 && got[0].Score > got[1].Score {
					t.Fatalf("%s: Manhattan scores not ascending: %v", when, got)
				}
			}
		}
		recs, err := s.Get(ctx, "n", slices.Collect(func(yield func(PointID) bool) {
			for id := range truth {
				if !yield(id) {
					return
				}
			}
		}), With{WithVector: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != len(truth) {
			t.Fatalf("%s: got %d records, want %d", when, len(recs), len(truth))
		}
		for _, r := range recs {
			p := truth[r.ID]
			if len(r.Vectors) != len(p.Vectors) || len(r.Sparse) != len(p.Sparse) || r.Vector != nil {
				t.Fatalf("%s: point %v has vectors %v sparse %v, want %v %v", when, r.ID, r.Vectors, r.Sparse, p.Vectors, p.Sparse)
			}
			if v, ok := p.Vectors["image"]; ok && !slices.Equal(r.Vectors["image"], v) {
				t.Fatalf("%s: point %v image vector %v, want %v", when, r.ID, r.Vectors["image"], v)
			}
			if sv, ok := p.Sparse["words"]; ok {
				want, _ := normalizeSparse(sv)
				if !r.Sparse["words"].equal(want) {
					t.Fatalf("%s: point %v sparse %v, want %v", when, r.ID, r.Sparse["words"], want)
				}
			}
		}
		one, _ := s.Get(ctx, "n", []PointID{recs[0].ID}, With{WithVector: true, VectorNames: []string{"text"}})
		for n := range one[0].Vectors {
			if n != "text" {
				t.Fatalf("%s: VectorNames [text] returned %q", when, n)
			}
		}
	}
	check(s, "live")
	before := dumpStore(t, s)
	s.Close()
	s2, err := Open(ctx, dir, nil) // from the WAL
	if err != nil {
		t.Fatal(err)
	}
	sameDump(t, before, dumpStore(t, s2))
	check(s2, "after WAL replay")
	if err := s2.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	s2.Close()
	s3, err := Open(ctx, dir, nil) // from the checkpoint
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	sameDump(t, before, dumpStore(t, s3))
	check(s3, "after checkpoint")
	// Compaction renumbers slots: named vectors must follow.
	c, _ := s3.collection("n")
	s3.writeMu.Lock()
	c.compact()
	s3.writeMu.Unlock()
	sameDump(t, before, dumpStore(t, s3))
	check(s3, "after compaction")
}

func TestUnnamedPlusNamed(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, nil)
	cfg := CollectionConfig{Dim: 2, Distance: Euclid, Vectors: map[string]VectorParams{"x": {Size: 2, Distance: Cosine}}}
	mustCreate(t, s, "m", cfg)
	if err := s.Upsert(ctx, "m", []Point{{ID: NumID(1), Vector: []float32{0, 0}, Vectors: map[string][]float32{"x": {3, 4}}}, {ID: NumID(2), Vector: []float32{1, 1}}}); err != nil {
		t.Fatal(err)
	}
	// A payload-only change keeps the point's named vector.
	if err := s.Upsert(ctx, "m", []Point{{ID: NumID(1), Vector: []float32{0, 0}, Vectors: map[string][]float32{"x": {0.6, 0.8}}, Payload: map[string]any{"a": "b"}}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Search(ctx, "m", SearchRequest{Vector: []float32{1, 0}, Using: "x", With: With{WithPayload: true}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != NumID(1) || math.Abs(float64(got[0].Score)-0.6) > 1e-6 || got[0].Payload["a"] != "b" {
		t.Fatalf("search x = %+v", got)
	}
	got, _ = s.Search(ctx, "m", SearchRequest{Vector: []float32{1, 1}})
	if len(got) != 2 || got[0].ID != NumID(2) || got[0].Score != 0 {
		t.Fatalf("search unnamed = %+v", got)
	}
	s.Close()
	s2, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, _ = s2.Search(ctx, "m", SearchRequest{Vector: []float32{1, 0}, Using: "x"})
	if len(got) != 1 || got[0].ID != NumID(1) {
		t.Fatalf("after reopen: search x = %+v", got)
	}
}

// TestNamedVectorIndexRecall checks that a named vector's own HNSW graph
// (not the exact scan) finds the true neighbours, also after the graph is
// rebuilt from a checkpoint.
func TestNamedVectorIndexRecall(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, &Options{NoSync: true})
	cfg := CollectionConfig{Dim: 4, Distance: Euclid, Vectors: map[string]VectorParams{"e": {Size: 24, Distance: Cosine}}, HNSW: HNSWConfig{FullScanThreshold: -1}}
	mustCreate(t, s, "r", cfg)
	rng := rand.New(rand.NewPCG(11, 12))
	var pts []Point
	for i := range 3000 {
		p := Point{ID: NumID(uint64(i)), Vector: randVec(rng, 4)}
		if i%4 != 0 { // a quarter of the points lack the named vector
			p.Vectors = map[string][]float32{"e": randVec(rng, 24)}
		}
		pts = append(pts, p)
	}
	if err := s.Upsert(ctx, "r", pts); err != nil {
		t.Fatal(err)
	}
	recall := func(s *Store) float64 {
		found, total := 0, 0
		for range 50 {
			q := randVec(rng, 24)
			approx, err := s.Search(ctx, "r", SearchRequest{Vector: q, Using: "e", Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			exact, _ := s.Search(ctx, "r", SearchRequest{Vector: q, Using: "e", Limit: 10, Params: SearchParams{Exact: true}})
			for _, e := range exact {
				total++
				if slices.ContainsFunc(approx, func(a ScoredPoint) bool { return a.ID == e.ID }) {
					found++
				}
				if e.ID.Num()%4 == 0 {
					t.Fatalf("point %v has no vector e but was returned", e.ID)
				}
			}
		}
		return float64(found) / float64(total)
	}
	if r := recall(s); r < 0.9 {
		t.Fatalf("recall@10 of the named vector's index %.3f", r)
	}
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if r := recall(s2); r < 0.9 {
		t.Fatalf("recall@10 after reload %.3f", r)
	}
}

// TestNamedGraphPersisted: a checkpoint (format 5) stores the named
// vectors' HNSW graphs, and Open installs them as they were rather than
// building new ones: same links, same search results.
func TestNamedGraphPersisted(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, nil)
	mustCreate(t, s, "g", namedCfg())
	rng := rand.New(rand.NewPCG(4, 4))
	if err := s.Upsert(ctx, "g", namedPoints(rng, 1500, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delete(ctx, "g", []PointID{NumID(3), NumID(4)}); err != nil {
		t.Fatal(err)
	}
	// Mark the graphs in a way no build reproduces (node 5 loses its
	// layer-0 links), so that only a stored graph comes back so.
	c, _ := s.collection("g")
	c.mu.Lock()
	for _, ds := range c.dense {
		ds.graph.cnt0[5] = 0
	}
	c.mu.Unlock()
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	graphs := func(s *Store) map[string]*hnswGraph {
		c, _ := s.collection("g")
		out := map[string]*hnswGraph{}
		for _, ds := range c.dense {
			out[ds.name] = ds.graph
		}
		return out
	}
	search := func(s *Store) [][]PointID {
		var out [][]PointID
		for i := range 20 {
			hits, err := s.Search(ctx, "g", SearchRequest{Vector: randVec(rand.New(rand.NewPCG(uint64(i), 1)), 4), Using: "image", Params: SearchParams{HNSWEf: 16}})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, hitIDs(hits))
		}
		return out
	}
	before, beforeHits := graphs(s), search(s)
	s.Close()
	s2, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	after := graphs(s2)
	for name, g := range before {
		a := after[name]
		if len(g.levels) == 0 || a.cnt0[5] != 0 || !slices.Equal(g.levels, a.levels) || !slices.Equal(g.links0, a.links0) || !slices.Equal(g.cnt0, a.cnt0) ||
			g.entry != a.entry || g.top != a.top || !slices.EqualFunc(g.upper, a.upper, slices.Equal[[]uint32]) {
			t.Fatalf("vector %q: graph not as stored", name)
		}
	}
	if got := search(s2); !slices.EqualFunc(got, beforeHits, slices.Equal[[]PointID]) {
		t.Fatalf("searches differ after reopen")
	}
}
