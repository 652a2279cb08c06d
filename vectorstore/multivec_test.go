package vectorstore

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// multiCfg is a collection like Qdrant's full fixture: a dense vector, a
// multi-vector and a sparse vector, all named.
func multiCfg(d Distance) CollectionConfig {
	return CollectionConfig{
		Vectors: map[string]VectorParams{
			"dense": {Size: 4, Distance: Dot},
			"multi": {Size: 4, Distance: d, MultiVector: &MultiVectorConfig{Comparator: MaxSim}},
		},
		SparseVectors: map[string]SparseVectorParams{"sp": {}},
	}
}

// refMaxSim is MaxSim computed independently, in float64: for each query
// vector the best similarity (cosine on the raw vectors, the dot product,
// or minus the Euclidean / Manhattan distance) over the point's vectors,
// summed; for Euclid and Manhattan the sum of the smallest distances.
func refMaxSim(d Distance, q, doc [][]float32) float64 {
	var sum float64
	for _, qv := range q {
		best := math.Inf(-1)
		for _, dv := range doc {
			var dotp, nq, nd, l2, l1 float64
			for i := range qv {
				a, b := float64(qv[i]), float64(dv[i])
				dotp += a * b
				nq += a * a
				nd += b * b
				l2 += (a - b) * (a - b)
				l1 += math.Abs(a - b)
			}
			var sim float64
			switch d {
			case Cosine:
				sim = dotp / math.Sqrt(nq*nd)
			case Dot:
				sim = dotp
			case Euclid:
				sim = -math.Sqrt(l2)
			case Manhattan:
				sim = -l1
			}
			best = max(best, sim)
		}
		sum += best
	}
	if !d.HigherIsBetter() {
		return -sum
	}
	return sum
}

func multiPoints(rng *rand.Rand, n int) []Point {
	pts := make([]Point, n)
	for i := range pts {
		p := Point{ID: NumID(uint64(i)), Vectors: map[string][]float32{"dense": randVec(rng, 4)}}
		if i%5 != 0 { // every fifth point has no multi-vector
			mv := make([][]float32, 1+rng.IntN(4))
			for j := range mv {
				mv[j] = randVec(rng, 4)
			}
			p.MultiVectors = map[string][][]float32{"multi": mv}
		}
		pts[i] = p
	}
	return pts
}

// TestMultiVectorMaxSim checks MaxSim scores and order against the float64
// reference for each distance, through Query (nearest, prefetch re-scoring)
// and Search, and that the vectors read back whole, before and after WAL
// replay, a checkpoint and a compaction.
func TestMultiVectorMaxSim(t *testing.T) {
	ctx := context.Background()
	for _, d := range []Distance{Cosine, Dot, Euclid, Manhattan} {
		t.Run(string(d), func(t *testing.T) {
			s, dir := openTemp(t, nil)
			mustCreate(t, s, "m", multiCfg(d))
			rng := rand.New(rand.NewPCG(3, uint64(len(d))))
			pts := multiPoints(rng, 200)
			if err := s.Upsert(ctx, "m", pts); err != nil {
				t.Fatal(err)
			}
			model := map[PointID]Point{}
			for _, p := range pts {
				model[p.ID] = p
			}
			var del []PointID
			for i := uint64(100); i < 180; i++ {
				del = append(del, NumID(i))
				delete(model, NumID(i))
			}
			if _, err := s.Delete(ctx, "m", del); err != nil { // compacts
				t.Fatal(err)
			}
			q := [][]float32{randVec(rng, 4), randVec(rng, 4), randVec(rng, 4)}
			check := func(s *Store, stage string) {
				t.Helper()
				type ref struct {
					id PointID
					sc float64
				}
				var want []ref
				for _, p := range model {
					if mv := p.MultiVectors["multi"]; mv != nil {
						want = append(want, ref{p.ID, refMaxSim(d, q, mv)})
					}
				}
				sort.Slice(want, func(i, j int) bool {
					if d.HigherIsBetter() {
						return want[i].sc > want[j].sc
					}
					return want[i].sc < want[j].sc
				})
				got, err := s.Query(ctx, "m", QueryRequest{Query: &Query{Nearest: &VectorInput{Multi: q}}, Using: "multi", Limit: 10, With: With{WithVector: true}})
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != 10 {
					t.Fatalf("%s: %d results", stage, len(got))
				}
				for i, h := range got {
					if math.Abs(float64(h.Score)-want[i].sc) > 1e-4*max(1, math.Abs(want[i].sc)) {
						t.Fatalf("%s: result %d: %v score %v, want %v score %v", stage, i, h.ID, h.Score, want[i].id, want[i].sc)
					}
					mv := h.MultiVectors["multi"]
					orig := model[h.ID].MultiVectors["multi"]
					if len(mv) != len(orig) {
						t.Fatalf("%s: point %v reads %d vectors, has %d", stage, h.ID, len(mv), len(orig))
					}
					if d != Cosine && !slices.EqualFunc(mv, orig, slices.Equal[[]float32]) {
						t.Fatalf("%s: point %v reads %v, stored %v", stage, h.ID, mv, orig)
					}
				}
				// Prefetch on the dense vector, re-scored by MaxSim.
				pre, err := s.Query(ctx, "m", QueryRequest{
					Prefetch: []Prefetch{{Query: &Query{Nearest: &VectorInput{Dense: q[0]}}, Using: "dense", Limit: 50}},
					Query:    &Query{Nearest: &VectorInput{Multi: q}}, Using: "multi", Limit: 5,
				})
				if err != nil {
					t.Fatal(err)
				}
				for i := 1; i < len(pre); i++ {
					if (d.HigherIsBetter() && pre[i].Score > pre[i-1].Score) || (!d.HigherIsBetter() && pre[i].Score < pre[i-1].Score) {
						t.Fatalf("%s: re-scored results out of order: %v", stage, pre)
					}
				}
				// Search with one dense vector is MaxSim over a list of one.
				one, err := s.Search(ctx, "m", SearchRequest{Vector: q[1], Using: "multi", Limit: 3})
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range one {
					if w := refMaxSim(d, q[1:2], model[h.ID].MultiVectors["multi"]); math.Abs(float64(h.Score)-w) > 1e-4*max(1, math.Abs(w)) {
						t.Fatalf("%s: search score %v, want %v", stage, h.Score, w)
					}
				}
			}
			checkThroughReopen(t, s, dir, check)
		})
	}
}

func TestMultiVectorValidation(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, nil)
	mustCreate(t, s, "m", multiCfg(Dot))
	for name, p := range map[string]Point{
		"dense for multi": {ID: NumID(1), Vectors: map[string][]float32{"multi": {1, 2, 3, 4}}},
		"multi for dense": {ID: NumID(1), MultiVectors: map[string][][]float32{"dense": {{1, 2, 3, 4}}}},
		"empty list":      {ID: NumID(1), MultiVectors: map[string][][]float32{"multi": {}}},
		"wrong size":      {ID: NumID(1), MultiVectors: map[string][][]float32{"multi": {{1, 2, 3, 4}, {1, 2}}}},
		"NaN":             {ID: NumID(1), MultiVectors: map[string][][]float32{"multi": {{1, 2, 3, float32(math.NaN())}}}},
	} {
		if err := s.Upsert(ctx, "m", []Point{p}); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	if err := s.CreateCollection(ctx, "bad", CollectionConfig{Vectors: map[string]VectorParams{"x": {Size: 2, Distance: Dot, MultiVector: &MultiVectorConfig{Comparator: "sum"}}}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("unknown comparator: %v", err)
	}
	if err := s.Upsert(ctx, "m", []Point{{ID: NumID(1), MultiVectors: map[string][][]float32{"multi": {{1, 0, 0, 0}}}}}); err != nil {
		t.Fatal(err)
	}
	for name, q := range map[string]*Query{
		"recommend": {Recommend: &Recommend{Positive: []VectorInput{{ID: ptr(NumID(1))}}}},
		"sparse":    {Nearest: &VectorInput{Sparse: &SparseVector{Indices: []uint32{1}, Values: []float32{1}}}},
		"bad dim":   {Nearest: &VectorInput{Multi: [][]float32{{1, 2}}}},
	} {
		if _, err := s.Query(ctx, "m", QueryRequest{Query: q, Using: "multi"}); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	if _, err := s.Query(ctx, "m", QueryRequest{Query: &Query{Nearest: &VectorInput{Multi: [][]float32{{1, 2, 3, 4}}}}, Using: "dense"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("multi query on a dense vector: %v", err)
	}
}

// TestCreateDeleteVector adds named vectors to a collection with points and
// removes one, as Qdrant's vector CRUD does; the change holds through
// replay and checkpoints, and points can then carry the new vectors.
func TestCreateDeleteVector(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, nil)
	mustCreate(t, s, "c", CollectionConfig{Dim: 2, Distance: Dot, Vectors: map[string]VectorParams{"a": {Size: 3, Distance: Dot}}})
	if err := s.Upsert(ctx, "c", []Point{{ID: NumID(1), Vector: []float32{1, 0}, Vectors: map[string][]float32{"a": {1, 2, 3}}}, {ID: NumID(2), Vector: []float32{0, 1}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delete(ctx, "c", []PointID{NumID(2)}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteVector(ctx, "c", "a"); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateVector(ctx, "c", "a", &VectorParams{Size: 6, Distance: Dot}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateVector(ctx, "c", "sp", nil, &SparseVectorParams{Modifier: SparseModifierIDF}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateVector(ctx, "c", "sp", nil, &SparseVectorParams{}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("second create: %v", err)
	}
	if err := s.DeleteVector(ctx, "c", "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("delete of a missing vector: %v", err)
	}
	if err := s.Upsert(ctx, "c", []Point{{ID: NumID(3), Vectors: map[string][]float32{"a": {0, 0, 0, 0, 0, 1}}, Sparse: map[string]SparseVector{"sp": {Indices: []uint32{4}, Values: []float32{1}}}}}); err != nil {
		t.Fatal(err)
	}
	check := func(s *Store, stage string) {
		t.Helper()
		recs, err := s.Get(ctx, "c", []PointID{NumID(1), NumID(3)}, With{WithVector: true})
		if err != nil || len(recs) != 2 {
			t.Fatalf("%s: %v %v", stage, recs, err)
		}
		if recs[0].Vectors != nil || !slices.Equal(recs[0].Vector, []float32{1, 0}) {
			t.Fatalf("%s: point 1 %+v", stage, recs[0])
		}
		if !slices.Equal(recs[1].Vectors["a"], []float32{0, 0, 0, 0, 0, 1}) || len(recs[1].Sparse["sp"].Indices) != 1 {
			t.Fatalf("%s: point 3 %+v", stage, recs[1])
		}
		hits, err := s.Search(ctx, "c", SearchRequest{Vector: []float32{0, 0, 0, 0, 0, 1}, Using: "a"})
		if err != nil || len(hits) != 1 || hits[0].ID != NumID(3) {
			t.Fatalf("%s: search %v %v", stage, hits, err)
		}
		info, _ := s.CollectionInfo("c")
		if info.Config.Vectors["a"].Size != 6 || len(info.Config.SparseVectors) != 1 {
			t.Fatalf("%s: config %+v", stage, info.Config)
		}
	}
	checkThroughReopen(t, s, dir, check)
}
