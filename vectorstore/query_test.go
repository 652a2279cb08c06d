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

func h(slot uint32) hit { return hit{slot: slot} }

// TestFuseRRF checks the formula against the worked example in Qdrant's
// own unit test of rrf_scoring (lib/segment/src/common/
// reciprocal_rank_fusion.rs): lists [2,1], [1,2,3], [5,3,1] give
// 1: 1.0833334, 2: 0.8333334, 3: 0.5833334, 5: 0.5.
func TestFuseRRF(t *testing.T) {
	got, err := fuseRRF([][]hit{{h(2), h(1)}, {h(1), h(2), h(3)}, {h(5), h(3), h(1)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []hit{{slot: 1, score: 1.0833334}, {slot: 2, score: 0.8333334}, {slot: 3, score: 0.5833334}, {slot: 5, score: 0.5}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i].slot != want[i].slot || math.Abs(float64(got[i].score-want[i].score)) > 1e-6 {
			t.Fatalf("rank %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	// Weights [3, 1]: the first list's second point beats the second's
	// first (same example as Qdrant's weighted test).
	got, _ = fuseRRF([][]hit{{h(1), h(2)}, {h(2), h(1)}}, &RRFParams{Weights: []float32{3, 1}})
	if got[0].slot != 2 || !(got[0].score > got[1].score) {
		t.Fatalf("weighted: %+v", got)
	}
	if _, err := fuseRRF([][]hit{{h(1)}}, &RRFParams{Weights: []float32{1, 2}}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("weights of the wrong length: %v", err)
	}
}

// TestFuseDBSF checks distribution-based fusion by hand: list scores
// 1, 2, 3 have mean 2 and sample deviation 1, so they map to
// (s - (2-3)) / 6 = 1/3, 1/2, 2/3; a single-point list scores 0.5.
func TestFuseDBSF(t *testing.T) {
	got := fuseDBSF([][]hit{{{slot: 7, score: 3}, {slot: 8, score: 2}, {slot: 9, score: 1}}, {{slot: 9, score: 100}}})
	want := map[uint32]float64{7: 2.0 / 3, 8: 0.5, 9: 1.0/3 + 0.5}
	for _, g := range got {
		if math.Abs(float64(g.score)-want[g.slot]) > 1e-6 {
			t.Fatalf("slot %d: %v, want %v", g.slot, g.score, want[g.slot])
		}
	}
	if got[0].slot != 9 || got[1].slot != 7 || got[2].slot != 8 {
		t.Fatalf("order %+v", got)
	}
}

// hybridStore has points with a dense vector "d" (Dot) and a sparse
// vector "s" (IDF), payload {"n": i, "even": bool}, and an integer index
// on n.
func hybridStore(t *testing.T) (*Store, map[PointID]Point) {
	ctx := context.Background()
	s, _ := openTemp(t, nil)
	mustCreate(t, s, "h", CollectionConfig{
		Vectors:       map[string]VectorParams{"d": {Size: 3, Distance: Dot}},
		SparseVectors: map[string]SparseVectorParams{"s": {Modifier: SparseModifierIDF}},
	})
	rng := rand.New(rand.NewPCG(3, 4))
	pts := map[PointID]Point{}
	var batch []Point
	for i := range 60 {
		p := Point{ID: NumID(uint64(i)), Vectors: map[string][]float32{"d": randVec(rng, 3)}, Payload: map[string]any{"n": float64(i), "even": i%2 == 0}}
		if i%3 != 0 {
			sv := SparseVector{}
			for d := range uint32(6) {
				if rng.IntN(2) == 0 {
					sv.Indices = append(sv.Indices, d)
					sv.Values = append(sv.Values, float32(rng.IntN(3)+1))
				}
			}
			if sv.Indices != nil {
				p.Sparse = map[string]SparseVector{"s": sv}
			}
		}
		pts[p.ID] = p
		batch = append(batch, p)
	}
	if err := s.Upsert(ctx, "h", batch); err != nil {
		t.Fatal(err)
	}
	if err := s.CreatePayloadIndex(ctx, "h", "n", PayloadIndexParams{Type: SchemaInteger}); err != nil {
		t.Fatal(err)
	}
	return s, pts
}

// sparseTruth scores q against every point by the IDF formula computed
// here independently.
func sparseTruth(pts map[PointID]Point, q SparseVector) map[PointID]float64 {
	N := 0
	df := map[uint32]int{}
	for _, p := range pts {
		if sv, ok := p.Sparse["s"]; ok {
			N++
			for _, d := range sv.Indices {
				df[d]++
			}
		}
	}
	out := map[PointID]float64{}
	for id, p := range pts {
		sv, ok := p.Sparse["s"]
		if !ok {
			continue
		}
		hitAny := false
		var sc float64
		for i, d := range q.Indices {
			for j, e := range sv.Indices {
				if d == e {
					n := float64(df[d])
					idf := math.Log(1 + (float64(N)-n+0.5)/(n+0.5))
					sc += float64(q.Values[i]) * float64(sv.Values[j]) * idf
					hitAny = true
				}
			}
		}
		if hitAny {
			out[id] = sc
		}
	}
	return out
}

func TestQuerySparseIDF(t *testing.T) {
	ctx := context.Background()
	s, pts := hybridStore(t)
	q := SparseVector{Indices: []uint32{4, 1}, Values: []float32{1, 2}}
	got, err := s.Query(ctx, "h", QueryRequest{Query: &Query{Nearest: &VectorInput{Sparse: &q}}, Using: "s", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	truth := sparseTruth(pts, q)
	if len(got) != len(truth) {
		t.Fatalf("%d hits, want %d (points sharing a dimension)", len(got), len(truth))
	}
	for i, g := range got {
		if math.Abs(float64(g.Score)-truth[g.ID]) > 1e-4 {
			t.Fatalf("point %v: score %v, want %v", g.ID, g.Score, truth[g.ID])
		}
		if i > 0 && g.Score > got[i-1].Score {
			t.Fatal("not sorted")
		}
	}
}

func TestQueryHybridPrefetch(t *testing.T) {
	ctx := context.Background()
	s, _ := hybridStore(t)
	dq := []float32{0.3, -0.2, 0.9}
	sq := SparseVector{Indices: []uint32{0, 2, 5}, Values: []float32{1, 1, 1}}
	dense, err := s.Query(ctx, "h", QueryRequest{Query: &Query{Nearest: &VectorInput{Dense: dq}}, Using: "d", Limit: 20, Params: SearchParams{Exact: true}})
	if err != nil {
		t.Fatal(err)
	}
	sparse, err := s.Query(ctx, "h", QueryRequest{Query: &Query{Nearest: &VectorInput{Sparse: &sq}}, Using: "s", Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	pre := []Prefetch{
		{Query: &Query{Nearest: &VectorInput{Dense: dq}}, Using: "d", Limit: 20, Params: SearchParams{Exact: true}},
		{Query: &Query{Nearest: &VectorInput{Sparse: &sq}}, Using: "s", Limit: 20},
	}
	fused, err := s.Query(ctx, "h", QueryRequest{Prefetch: pre, Query: &Query{Fusion: FusionRRF}, Limit: 5, With: With{WithPayload: true}})
	if err != nil {
		t.Fatal(err)
	}
	// The same fusion computed from the two result lists.
	toHits := func(sp []ScoredPoint) []hit {
		var out []hit
		for _, p := range sp {
			out = append(out, hit{slot: uint32(p.ID.Num()), score: p.Score})
		}
		return out
	}
	want, _ := fuseRRF([][]hit{toHits(dense), toHits(sparse)}, nil)
	for i := range fused {
		if fused[i].ID != NumID(uint64(want[i].slot)) || math.Abs(float64(fused[i].Score-want[i].score)) > 1e-6 || fused[i].Payload == nil {
			t.Fatalf("rrf rank %d: %+v, want slot %d score %v", i, fused[i], want[i].slot, want[i].score)
		}
	}
	wantD := fuseDBSF([][]hit{toHits(dense), toHits(sparse)})
	fusedD, err := s.Query(ctx, "h", QueryRequest{Prefetch: pre, Query: &Query{Fusion: FusionDBSF}, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	for i := range fusedD {
		if fusedD[i].ID != NumID(uint64(wantD[i].slot)) {
			t.Fatalf("dbsf rank %d: %v, want %d", i, fusedD[i].ID, wantD[i].slot)
		}
	}
	// The outer filter applies to the prefetches; nested prefetch with a
	// re-scoring nearest query returns only prefetched points.
	even := &Filter{Must: []Condition{{Key: "even", Match: &Match{Value: true}}}}
	res, err := s.Query(ctx, "h", QueryRequest{Prefetch: []Prefetch{{Prefetch: pre, Query: &Query{Fusion: FusionRRF}, Limit: 10}}, Query: &Query{Nearest: &VectorInput{Dense: dq}}, Using: "d", Filter: even, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 {
		t.Fatal("no results")
	}
	for i, r := range res {
		if r.ID.Num()%2 != 0 {
			t.Fatalf("odd point %v passed the outer filter", r.ID)
		}
		if i > 0 && r.Score > res[i-1].Score {
			t.Fatal("re-scored results not sorted by the dense score")
		}
	}
	// A score threshold on a prefetch.
	th := float32(0.5)
	res, err = s.Query(ctx, "h", QueryRequest{Prefetch: []Prefetch{{Query: &Query{Nearest: &VectorInput{Dense: dq}}, Using: "d", ScoreThreshold: &th, Limit: 50, Params: SearchParams{Exact: true}}}, Query: &Query{Fusion: FusionRRF}, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range dense {
		if d.Score >= th {
			n++
		}
	}
	if len(res) != min(n, 50) && n <= 20 {
		t.Fatalf("threshold: %d results, %d dense scores over it", len(res), n)
	}
}

func TestQueryByIDRecommendOrderBy(t *testing.T) {
	ctx := context.Background()
	s, pts := hybridStore(t)
	id := NumID(5)
	res, err := s.Query(ctx, "h", QueryRequest{Query: &Query{Nearest: &VectorInput{ID: &id}}, Using: "d", Limit: 3, Params: SearchParams{Exact: true}})
	if err != nil {
		t.Fatal(err)
	}
	direct, _ := s.Search(ctx, "h", SearchRequest{Vector: pts[id].Vectors["d"], Using: "d", Limit: 4, Params: SearchParams{Exact: true}})
	if slices.ContainsFunc(res, func(p ScoredPoint) bool { return p.ID == id }) {
		t.Fatal("query by id returned the point itself")
	}
	var wantIDs []PointID
	for _, d := range direct {
		if d.ID != id {
			wantIDs = append(wantIDs, d.ID)
		}
	}
	if !slices.Equal(hitIDs(res), wantIDs[:3]) {
		t.Fatalf("by id %v, by its vector %v", hitIDs(res), wantIDs)
	}
	// Recommend average_vector equals a nearest query on 2·avg(pos) − avg(neg).
	p1, p2, n1 := NumID(1), NumID(2), NumID(4)
	rec, err := s.Query(ctx, "h", QueryRequest{Query: &Query{Recommend: &Recommend{Positive: []VectorInput{{ID: &p1}, {ID: &p2}}, Negative: []VectorInput{{ID: &n1}}}}, Using: "d", Limit: 5, Params: SearchParams{Exact: true}})
	if err != nil {
		t.Fatal(err)
	}
	q := make([]float32, 3)
	for i := range q {
		ap := (pts[p1].Vectors["d"][i] + pts[p2].Vectors["d"][i]) / 2
		q[i] = ap + ap - pts[n1].Vectors["d"][i]
	}
	manual, _ := s.Search(ctx, "h", SearchRequest{Vector: q, Using: "d", Limit: 8, Params: SearchParams{Exact: true}})
	var wantRec []PointID
	for _, m := range manual {
		if m.ID != p1 && m.ID != p2 && m.ID != n1 && len(wantRec) < 5 {
			wantRec = append(wantRec, m.ID)
		}
	}
	if !slices.Equal(hitIDs(rec), wantRec) {
		t.Fatalf("recommend %v, want %v", hitIDs(rec), wantRec)
	}
	// best_score: a point equal to a positive example scores highest.
	best, err := s.Query(ctx, "h", QueryRequest{Query: &Query{Recommend: &Recommend{Positive: []VectorInput{{Dense: pts[NumID(9)].Vectors["d"]}}, Strategy: RecommendBestScore}}, Using: "d", Limit: 60})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(best); i++ {
		if best[i].Score > best[i-1].Score {
			t.Fatal("best_score results not sorted")
		}
	}
	// order_by n descending from 40, only even points.
	start := 40.0
	ob, err := s.Query(ctx, "h", QueryRequest{Query: &Query{OrderBy: &OrderBy{Key: "n", Desc: true, StartFrom: &start}}, Filter: &Filter{Must: []Condition{{Key: "even", Match: &Match{Value: true}}}}, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(hitIDs(ob), []PointID{NumID(40), NumID(38), NumID(36)}) || ob[0].OrderValue == nil || *ob[0].OrderValue != 40 {
		t.Fatalf("order_by: %+v", ob)
	}
	if _, err := s.Query(ctx, "h", QueryRequest{Query: &Query{OrderBy: &OrderBy{Key: "even"}}}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("order_by without a range index: %v", err)
	}
	// No query: id order, score 0.
	all, err := s.Query(ctx, "h", QueryRequest{Limit: 3, Offset: 2})
	if err != nil || !slices.Equal(hitIDs(all), []PointID{NumID(2), NumID(3), NumID(4)}) {
		t.Fatalf("no query: %v %v", all, err)
	}
	for _, bad := range []QueryRequest{
		{Query: &Query{Fusion: FusionRRF}},
		{Query: &Query{Fusion: "max"}, Prefetch: []Prefetch{{}}},
		{Query: &Query{Nearest: &VectorInput{Dense: []float32{1, 2}}}, Using: "d"},
		{Query: &Query{Nearest: &VectorInput{Dense: []float32{1, 2, 3}}}, Using: "s"},
		{Query: &Query{Nearest: &VectorInput{Dense: []float32{1, 2, 3}}}, Using: "zz"},
		{Prefetch: []Prefetch{{}}},
	} {
		if _, err := s.Query(ctx, "h", bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("%+v: err = %v, want ErrInvalid", bad, err)
		}
	}
}

// TestQueryDiscoverContext checks discovery and context scores by hand on
// 1-dimensional Dot vectors, where the similarity is the product.
func TestQueryDiscoverContext(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, nil)
	mustCreate(t, s, "x", CollectionConfig{Dim: 1, Distance: Dot})
	var pts []Point
	for i, v := range []float32{-2, -1, 0.5, 1, 3} {
		pts = append(pts, Point{ID: NumID(uint64(i)), Vector: []float32{v}})
	}
	if err := s.Upsert(ctx, "x", pts); err != nil {
		t.Fatal(err)
	}
	pair := ContextPair{Positive: VectorInput{Dense: []float32{1}}, Negative: VectorInput{Dense: []float32{-1}}}
	// Discover with target 2: a point x has sims x·1 vs x·(-1) (rank +1
	// when x > 0, else -1) and target sim t = 2x.
	res, err := s.Query(ctx, "x", QueryRequest{Query: &Query{Discover: &Discover{Target: VectorInput{Dense: []float32{2}}, Context: []ContextPair{pair}}}, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	want := func(x float64) float64 {
		rank := -1.0
		if x > -x {
			rank = 1
		}
		tt := 2 * x
		return rank + 0.5*(tt/(1+math.Abs(tt))+1)
	}
	vals := []float64{-2, -1, 0.5, 1, 3}
	if len(res) != 5 || res[0].ID != NumID(4) {
		t.Fatalf("discover: %+v", res)
	}
	for _, r := range res {
		if math.Abs(float64(r.Score)-want(vals[r.ID.Num()])) > 1e-6 {
			t.Fatalf("discover point %v: %v, want %v", r.ID, r.Score, want(vals[r.ID.Num()]))
		}
	}
	// Context: d = min(x - (-x) - ε, 0), score d/(1+|d|): 0 for x > 0.
	res, err = s.Query(ctx, "x", QueryRequest{Query: &Query{Context: []ContextPair{pair}}, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		x := vals[r.ID.Num()]
		d := math.Min(2*x-1.1920929e-07, 0)
		if w := d / (1 + math.Abs(d)); math.Abs(float64(r.Score)-w) > 1e-6 {
			t.Fatalf("context point %v: %v, want %v", r.ID, r.Score, w)
		}
	}
	if res[len(res)-1].ID != NumID(0) {
		t.Fatalf("context: the most negative point should rank last: %+v", res)
	}
}

// TestQuerySparseRecommend checks recommend on a sparse vector against
// scores computed by hand: average_vector (2·avg(pos) − avg(neg)),
// best_score and sum_scores, with the example points left out.
func TestQuerySparseRecommend(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, nil)
	mustCreate(t, s, "r", CollectionConfig{SparseVectors: map[string]SparseVectorParams{"w": {}}})
	sv := func(kv ...float32) SparseVector {
		var v SparseVector
		for i := 0; i < len(kv); i += 2 {
			v.Indices = append(v.Indices, uint32(kv[i]))
			v.Values = append(v.Values, kv[i+1])
		}
		return v
	}
	vecs := map[uint64]SparseVector{
		1: sv(1, 1, 2, 1), // positive example
		2: sv(3, 1),       // negative example
		3: sv(1, 2),
		4: sv(2, 1, 3, 3),
		5: sv(3, 1, 4, 5),
		6: sv(9, 1), // shares nothing with the examples
	}
	var pts []Point
	for id, v := range vecs {
		pts = append(pts, Point{ID: NumID(id), Sparse: map[string]SparseVector{"w": v}})
	}
	if err := s.Upsert(ctx, "r", pts); err != nil {
		t.Fatal(err)
	}
	pos, neg := []VectorInput{{ID: ptr(NumID(1))}}, []VectorInput{{ID: ptr(NumID(2))}}
	for _, tc := range []struct {
		strategy RecommendStrategy
		want     map[uint64]float32
	}{
		// query 2·(1:1, 2:1) − (3:1) = (1:2, 2:2, 3:−1)
		{RecommendAverageVector, map[uint64]float32{3: 4, 4: -1, 5: -1}},
		// best: sim to pos vs neg; 3: pos 2, neg 0 → 2; 4: pos 1, neg 3 → −9; 5: pos 0, neg 1 → −1
		{RecommendBestScore, map[uint64]float32{3: 2, 4: -9, 5: -1}},
		{RecommendSumScores, map[uint64]float32{3: 2, 4: -2, 5: -1}},
	} {
		res, err := s.Query(ctx, "r", QueryRequest{Using: "w", Query: &Query{Recommend: &Recommend{Positive: pos, Negative: neg, Strategy: tc.strategy}}})
		if err != nil {
			t.Fatalf("%s: %v", tc.strategy, err)
		}
		got := map[uint64]float32{}
		for _, h := range res {
			got[h.ID.Num()] = h.Score
		}
		if len(got) != len(tc.want) {
			t.Fatalf("%s: %v, want %v", tc.strategy, got, tc.want)
		}
		for id, w := range tc.want {
			if g, ok := got[id]; !ok || math.Abs(float64(g-w)) > 1e-5 {
				t.Fatalf("%s: %v, want %v", tc.strategy, got, tc.want)
			}
		}
		for i := 1; i < len(res); i++ {
			if res[i].Score > res[i-1].Score {
				t.Fatalf("%s: not best first: %v", tc.strategy, res)
			}
		}
	}
}

// TestQueryMMRAndSample: MMR with diversity 0 is the nearest order; with
// a high diversity the near-duplicate of the best point comes after a
// farther but different one; random samples are the filtered points in
// varying order, and over prefetches shuffle their union.
func TestQueryMMRAndSample(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, nil)
	mustCreate(t, s, "m", CollectionConfig{Dim: 2, Distance: Cosine})
	pts := []Point{
		{ID: NumID(1), Vector: []float32{1, 0.25}, Payload: map[string]any{"k": 1.0}}, // best
		{ID: NumID(2), Vector: []float32{1, 0.2}, Payload: map[string]any{"k": 1.0}},  // near-duplicate of 1
		{ID: NumID(3), Vector: []float32{0.2, 1}, Payload: map[string]any{"k": 1.0}},  // as relevant as 2, different
		{ID: NumID(4), Vector: []float32{-1, 0}},
	}
	if err := s.Upsert(ctx, "m", pts); err != nil {
		t.Fatal(err)
	}
	q := []float32{1, 1}
	ids := func(req QueryRequest) []uint64 {
		t.Helper()
		res, err := s.Query(ctx, "m", req)
		if err != nil {
			t.Fatal(err)
		}
		var out []uint64
		for _, r := range res {
			out = append(out, r.ID.Num())
		}
		return out
	}
	near := ids(QueryRequest{Query: &Query{Nearest: &VectorInput{Dense: q}}, Limit: 3})
	zero := float32(0)
	if got := ids(QueryRequest{Query: &Query{Nearest: &VectorInput{Dense: q}, MMR: &MMR{Diversity: &zero}}, Limit: 3}); !slices.Equal(got, near) {
		t.Fatalf("mmr diversity 0: %v, nearest %v", got, near)
	}
	high := float32(0.9)
	if got := ids(QueryRequest{Query: &Query{Nearest: &VectorInput{Dense: q}, MMR: &MMR{Diversity: &high, CandidatesLimit: 3}}, Limit: 2}); !slices.Equal(got, []uint64{1, 3}) {
		t.Fatalf("mmr diversity 0.9: %v, want [1 3]", got)
	}
	// The same through a prefetch (re-scoring path).
	pre := []Prefetch{{Query: &Query{Nearest: &VectorInput{Dense: q}}, Limit: 3}}
	if got := ids(QueryRequest{Prefetch: pre, Query: &Query{Nearest: &VectorInput{Dense: q}, MMR: &MMR{Diversity: &high, CandidatesLimit: 3}}, Limit: 2}); !slices.Equal(got, []uint64{1, 3}) {
		t.Fatalf("mmr over a prefetch: %v, want [1 3]", got)
	}
	if _, err := s.Query(ctx, "m", QueryRequest{Query: &Query{MMR: &MMR{}}}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("mmr without nearest: %v", err)
	}
	// Samples.
	orders := map[string]bool{}
	f := &Filter{Must: []Condition{{Key: "k", Match: &Match{Value: 1.0}}}}
	for range 30 {
		got := ids(QueryRequest{Query: &Query{Sample: SampleRandom}, Filter: f})
		if sorted := slices.Sorted(slices.Values(got)); !slices.Equal(sorted, []uint64{1, 2, 3}) {
			t.Fatalf("sample: %v", got)
		}
		orders[fmt.Sprint(got)] = true
		got = ids(QueryRequest{Prefetch: []Prefetch{{Limit: 2}}, Query: &Query{Sample: SampleRandom}, Offset: 1})
		if len(got) != 1 || got[0] > 2 {
			t.Fatalf("sample over a prefetch with offset: %v", got)
		}
	}
	if len(orders) < 2 {
		t.Fatalf("30 samples all in one order: %v", orders)
	}
	if _, err := s.Query(ctx, "m", QueryRequest{Query: &Query{Sample: "first"}}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("unknown sample: %v", err)
	}
}

// TestQuerySparseIDFCorpus follows Qdrant's test_sparse_idf_corpus: the
// idf parameter takes the statistics of a corpus filter (or the whole
// collection), independent of the query's own filter; an empty corpus
// weighs every dimension ln 2; dense vectors refuse the parameter.
func TestQuerySparseIDFCorpus(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, nil)
	mustCreate(t, s, "c", CollectionConfig{Vectors: map[string]VectorParams{"dense": {Size: 2, Distance: Dot}},
		SparseVectors: map[string]SparseVectorParams{"text": {Modifier: SparseModifierIDF}}})
	layout := []struct {
		tenant string
		dims   []uint32
	}{{"a", []uint32{0, 1}}, {"a", []uint32{0}}, {"b", []uint32{0, 1, 2}}, {"b", []uint32{1}}}
	var pts []Point
	for i, l := range layout {
		sv := SparseVector{Indices: l.dims, Values: make([]float32, len(l.dims))}
		for j := range sv.Values {
			sv.Values[j] = 1
		}
		pts = append(pts, Point{ID: NumID(uint64(i)), Vectors: map[string][]float32{"dense": {1, 0}}, Sparse: map[string]SparseVector{"text": sv}, Payload: map[string]any{"tenant": l.tenant}})
	}
	if err := s.Upsert(ctx, "c", pts); err != nil {
		t.Fatal(err)
	}
	idf := func(n, df float64) float64 { return math.Log((n-df+0.5)/(df+0.5) + 1) }
	tenant := func(v string) *Filter { return &Filter{Must: []Condition{{Key: "tenant", Match: &Match{Value: v}}}} }
	q := &Query{Nearest: &VectorInput{Sparse: &SparseVector{Indices: []uint32{0, 1, 2}, Values: []float32{1, 1, 1}}}}
	scores := func(p *IDFParams, f *Filter) map[uint64]float64 {
		t.Helper()
		res, err := s.Query(ctx, "c", QueryRequest{Query: q, Using: "text", Params: SearchParams{IDF: p}, Filter: f})
		if err != nil {
			t.Fatal(err)
		}
		out := map[uint64]float64{}
		for _, r := range res {
			out[r.ID.Num()] = float64(r.Score)
		}
		return out
	}
	near := func(got map[uint64]float64, want map[uint64]float64) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%v, want %v", got, want)
		}
		for id, w := range want {
			if math.Abs(got[id]-w) > 1e-5*max(1, w) {
				t.Fatalf("%v, want %v", got, want)
			}
		}
	}
	g := [3]float64{idf(4, 3), idf(4, 3), idf(4, 1)}
	global := map[uint64]float64{0: g[0] + g[1], 1: g[0], 2: g[0] + g[1] + g[2], 3: g[1]}
	near(scores(nil, nil), global)
	near(scores(&IDFParams{}, nil), global)
	a := [3]float64{idf(2, 2), idf(2, 1), idf(2, 0)}
	near(scores(&IDFParams{Corpus: tenant("a")}, nil), map[uint64]float64{0: a[0] + a[1], 1: a[0], 2: a[0] + a[1] + a[2], 3: a[1]})
	// The query's filter does not move the corpus.
	near(scores(&IDFParams{Corpus: tenant("a")}, tenant("b")), map[uint64]float64{2: a[0] + a[1] + a[2], 3: a[1]})
	ln2 := idf(0, 0)
	near(scores(&IDFParams{Corpus: tenant("missing")}, nil), map[uint64]float64{0: 2 * ln2, 1: ln2, 2: 3 * ln2, 3: ln2})
	var p IDFParams
	if err := json.Unmarshal([]byte(`{"corpus": {"must": [{"key": "tenant", "match": {"value": "a"}}]}}`), &p); err != nil || p.Corpus == nil {
		t.Fatalf("decode: %+v %v", p, err)
	}
	if _, err := s.Query(ctx, "c", QueryRequest{Query: &Query{Nearest: &VectorInput{Dense: []float32{1, 0}}}, Using: "dense", Params: SearchParams{IDF: &p}}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("idf on a dense vector: %v", err)
	}
}
