package vectorstore

import (
	"fmt"
	"testing"
)

func buildCollectionDist(t testing.TB, data []float32, dim int, dist Distance, cfg HNSWConfig) *collection {
	t.Helper()
	cc := CollectionConfig{Dim: dim, Distance: dist, HNSW: cfg}
	if err := cc.Validate(); err != nil {
		t.Fatal(err)
	}
	c := newCollection("bench", cc)
	n := len(data) / dim
	pts := make([]Point, n)
	for i := range n {
		pts[i] = Point{ID: NumID(uint64(i)), Vector: data[i*dim : (i+1)*dim]}
	}
	pp, err := preparePoints(&c.cfg, pts)
	if err != nil {
		t.Fatal(err)
	}
	c.upsert(pp)
	return c
}

// recallAt10 compares HNSW results with the exact scan for each query.
func recallAt10(t testing.TB, c *collection, queries []float32, ef int) float64 {
	t.Helper()
	dim := c.cfg.Dim
	hit, total := 0, 0
	for i := 0; i+dim <= len(queries); i += dim {
		q := queries[i : i+dim]
		approx, err := c.search(&SearchRequest{Vector: q, Limit: 10, Params: SearchParams{HNSWEf: ef}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		exact, err := c.search(&SearchRequest{Vector: q, Limit: 10, Params: SearchParams{Exact: true}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := map[PointID]bool{}
		for _, e := range exact {
			want[e.ID] = true
		}
		for _, a := range approx {
			if want[a.ID] {
				hit++
			}
		}
		total += len(exact)
	}
	return float64(hit) / float64(total)
}

// TestRecall builds the index on a few thousand embedding-like vectors and
// fails if recall@10 against the exact scan drops below 0.95, for each
// distance and with and without SQ8 codes.
func TestRecall(t *testing.T) {
	const dim, n, nq = 768, 3000, 200
	gen := newEmbeddingGen(42, dim, 32)
	data := gen.batch(n)
	queries := gen.batch(nq)
	for _, tc := range []struct {
		dist  Distance
		quant bool
	}{
		{Cosine, true},
		{Euclid, true},
		{Cosine, false},
	} {
		t.Run(fmt.Sprintf("%s/sq8=%v", tc.dist, tc.quant), func(t *testing.T) {
			if testing.Short() && !tc.quant {
				t.Skip("short")
			}
			c := buildCollectionDist(t, data, dim, tc.dist, HNSWConfig{FullScanThreshold: -1, Seed: 1, NoQuantization: !tc.quant})
			if c.vecs.quant != tc.quant {
				t.Fatalf("quantized = %v", c.vecs.quant)
			}
			r := recallAt10(t, c, queries, 0)
			t.Logf("recall@10 = %.4f (n=%d, default ef)", r, n)
			if r < 0.95 {
				t.Fatalf("recall@10 = %.4f < 0.95", r)
			}
		})
	}
}

// TestSearchAllocs checks that a search in steady state allocates only its
// result slice: scratch space comes from the pool.
func TestSearchAllocs(t *testing.T) {
	const dim, n = 128, 3000
	gen := newEmbeddingGen(3, dim, 16)
	c := buildCollectionDist(t, gen.batch(n), dim, Cosine, HNSWConfig{FullScanThreshold: -1})
	q := gen.batch(1)
	req := &SearchRequest{Vector: q, Limit: 10}
	for _, exact := range []bool{false, true} {
		req.Params.Exact = exact
		c.search(req, nil) // warm the pool
		allocs := testing.AllocsPerRun(200, func() {
			if _, err := c.search(req, nil); err != nil {
				t.Fatal(err)
			}
		})
		if allocs > 1 {
			t.Errorf("exact=%v: %.1f allocations per search, want at most 1 (the results)", exact, allocs)
		}
	}
}
