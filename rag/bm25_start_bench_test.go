package rag

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// BenchmarkBM25Start measures what a node's start spends on its keyword
// index (hybrid search) for a knowledge base of 100,000 chunks of 100-200
// words kept in the embedded store: every chunk is scrolled out of the store
// and indexed, as node.openKeywords does.
func BenchmarkBM25Start(b *testing.B) {
	const n, dim = 100_000, 8
	ctx := context.Background()
	dir := b.TempDir()
	store, err := vectorstore.Open(ctx, filepath.Join(dir, "store"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	if err := store.CreateCollection(ctx, "kb", vectorstore.CollectionConfig{Dim: dim, Distance: vectorstore.Cosine}); err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	docs := randomCorpus(r, n, 50000, 100, 200)
	batch := make([]vectorstore.Point, 0, 1000)
	i := 0
	for id, text := range docs {
		i++
		v := make([]float32, dim)
		for j := range v {
			v[j] = r.Float32() + 0.01
		}
		pid := vectorstore.NumID(uint64(i))
		batch = append(batch, vectorstore.Point{ID: pid, Vector: v, Payload: map[string]any{PayloadText: text, "doc": id}})
		if len(batch) == cap(batch) {
			if err := store.Upsert(ctx, "kb", batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if err := store.Upsert(ctx, "kb", batch); err != nil {
		b.Fatal(err)
	}
	b.Run(fmt.Sprintf("rebuild/chunks=%d", n), func(b *testing.B) {
		for b.Loop() {
			ix := newTestIndex(b, DefaultBM25Config(), nil)
			req := vectorstore.ScrollRequest{Limit: 1000, With: vectorstore.With{WithPayload: true}}
			count := 0
			for {
				page, err := store.Scroll(ctx, "kb", req)
				if err != nil {
					b.Fatal(err)
				}
				for _, p := range page.Points {
					text, _ := p.Payload[PayloadText].(string)
					ix.Add(p.ID.String(), text)
					count++
				}
				if page.NextOffset == nil {
					break
				}
				req.Offset = page.NextOffset
			}
			if count != n || ix.Len() != n {
				b.Fatalf("rebuilt %d of %d chunks", ix.Len(), n)
			}
		}
	})
}
