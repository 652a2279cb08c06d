package vectorstore

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
)

// TestConcurrentReadersAndWriter runs searches, scrolls, counts and gets
// while one goroutine upserts (with parallel graph inserts), deletes and
// checkpoints. Run with -race to check the locking.
func TestConcurrentReadersAndWriter(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, &Options{NoSync: true, CheckpointBytes: 256 << 10})
	const dim = 16
	mustCreate(t, s, "c", CollectionConfig{Dim: dim, Distance: Cosine, HNSW: HNSWConfig{FullScanThreshold: 100, M: 8, EfConstruction: 32}})
	var stop atomic.Bool
	var wg sync.WaitGroup
	var reads atomic.Int64
	for r := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(r), 99))
			for !stop.Load() {
				q := randVec(rng, dim)
				res, err := s.Search(ctx, "c", SearchRequest{Vector: q, Limit: 5, With: With{WithPayload: true},
					Filter: &Filter{MustNot: []Condition{{Key: "k", Match: &Match{Value: 3}}}}})
				if err != nil {
					t.Error(err)
					return
				}
				for _, p := range res {
					if p.Payload["k"] == 3.0 {
						t.Error("filter violated")
					}
				}
				if _, err := s.Scroll(ctx, "c", ScrollRequest{Limit: 20}); err != nil {
					t.Error(err)
				}
				if _, err := s.Count(ctx, "c", nil); err != nil {
					t.Error(err)
				}
				reads.Add(1)
			}
		}()
	}
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range 30 {
		var pts []Point
		for j := range 100 {
			id := uint64(rng.IntN(1500))
			pts = append(pts, Point{ID: NumID(id), Vector: randVec(rng, dim), Payload: map[string]any{"k": (i + j) % 5}})
		}
		if err := s.Upsert(ctx, "c", pts); err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 {
			var ids []PointID
			for range 40 {
				ids = append(ids, NumID(uint64(rng.IntN(1500))))
			}
			if _, err := s.Delete(ctx, "c", ids); err != nil {
				t.Fatal(err)
			}
		}
	}
	stop.Store(true)
	wg.Wait()
	t.Logf("%d read rounds during the writes", reads.Load())
	// After the dust settles the index agrees with the exact scan on
	// self-queries.
	page, _ := s.Scroll(ctx, "c", ScrollRequest{Limit: 1 << 20, With: With{WithVector: true}})
	miss := 0
	for _, p := range page.Points {
		res, _ := s.Search(ctx, "c", SearchRequest{Vector: p.Vector, Limit: 1})
		if len(res) == 0 || res[0].ID != p.ID {
			miss++
		}
	}
	if miss > len(page.Points)/50 {
		t.Fatalf("%d of %d points are not their own nearest neighbour", miss, len(page.Points))
	}
}

// TestConcurrentNamed is TestConcurrentReadersAndWriter for the structures
// added with named vectors: hybrid queries, indexed filters and reads of
// named vectors race a writer that upserts, deletes (compacting), edits
// payloads, changes indexes, config and aliases, and checkpoints. Run with
// -race.
func TestConcurrentNamed(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, &Options{NoSync: true, CheckpointBytes: 128 << 10})
	cfg := namedCfg()
	cfg.HNSW = HNSWConfig{FullScanThreshold: 50, M: 8, EfConstruction: 32}
	mustCreate(t, s, "n", cfg)
	if err := s.CreatePayloadIndex(ctx, "n", "i", PayloadIndexParams{Type: SchemaInteger}); err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var wg sync.WaitGroup
	for r := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(r), 7))
			sq := SparseVector{Indices: []uint32{1, 3}, Values: []float32{1, 1}}
			for !stop.Load() {
				pre := []Prefetch{
					{Query: &Query{Nearest: &VectorInput{Dense: randVec(rng, 4)}}, Using: "image", Limit: 10},
					{Query: &Query{Nearest: &VectorInput{Sparse: &sq}}, Using: "words", Limit: 10},
				}
				if _, err := s.Query(ctx, "alias-n", QueryRequest{Prefetch: pre, Query: &Query{Fusion: FusionRRF}, With: With{WithVector: true, WithPayload: true}}); err != nil && !errors.Is(err, ErrNotFound) {
					t.Error(err)
					return
				}
				f := &Filter{Must: []Condition{{Key: "i", Range: &Range{LT: ptr(float64(rng.IntN(20)))}}}}
				if _, err := s.Count(ctx, "n", f); err != nil {
					t.Error(err)
					return
				}
				if _, err := s.Get(ctx, "n", []PointID{NumID(uint64(rng.IntN(200)))}, With{WithVector: true}); err != nil {
					t.Error(err)
					return
				}
				s.CollectionInfo("n")
			}
		}()
	}
	rng := rand.New(rand.NewPCG(5, 5))
	for round := range 40 {
		if err := s.Upsert(ctx, "n", namedPoints(rng, 60, uint64(rng.IntN(200)))); err != nil {
			t.Fatal(err)
		}
		var del []PointID
		for range 30 {
			del = append(del, NumID(uint64(rng.IntN(260))))
		}
		if _, err := s.Delete(ctx, "n", del); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdatePayload(ctx, "n", PayloadOp{Filter: &Filter{Must: []Condition{{Key: "i", Range: &Range{GTE: ptr(30.0)}}}}, Set: map[string]any{"x": round}}); err != nil {
			t.Fatal(err)
		}
		switch round % 4 {
		case 0:
			if err := s.UpdateAliases(ctx, []AliasAction{{Create: &CreateAlias{Collection: "n", Alias: "alias-n"}}}); err != nil {
				t.Fatal(err)
			}
		case 1:
			if err := s.CreatePayloadIndex(ctx, "n", "x", PayloadIndexParams{Type: SchemaInteger}); err != nil {
				t.Fatal(err)
			}
		case 2:
			if err := s.UpdateCollection(ctx, "n", CollectionUpdate{HNSW: &HNSWConfig{EfSearch: 20 + round}, SparseVectors: map[string]SparseVectorParams{"words": {Modifier: SparseModifierNone}}}); err != nil {
				t.Fatal(err)
			}
		case 3:
			if err := s.UpdateAliases(ctx, []AliasAction{{Delete: &DeleteAlias{Alias: "alias-n"}}}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.DeletePayloadIndex(ctx, "n", "x"); err != nil {
				t.Fatal(err)
			}
		}
	}
	stop.Store(true)
	wg.Wait()
}
