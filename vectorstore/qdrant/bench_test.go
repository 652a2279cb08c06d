package qdrant

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// BenchmarkPointsToProto measures the client-side encoding of an upsert
// batch: 256 chunks of 768 dimensions with kb-shaped payloads.
func BenchmarkPointsToProto(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	pts := make([]vectorstore.Point, 256)
	for i := range pts {
		pts[i] = vectorstore.Point{ID: vectorstore.NumID(uint64(i)), Vector: randVec(r, 768), Payload: map[string]any{
			"source": strings.Repeat("word ", 100), "file": "docs/guide.md", "hash": "0123456789abcdef", "index": i}}
	}
	b.SetBytes(int64(len(pts) * 768 * 4))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pointsToProto(pts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchStandin measures one search round trip through the real
// client and gRPC over loopback to the stand-in server (1000 points, 384
// dimensions, 5 hits with payload): the client's overhead plus the
// stand-in's, not Qdrant's speed.
func BenchmarkSearchStandin(b *testing.B) {
	_, url := startFake(b, "")
	ctx := context.Background()
	s, err := Open(ctx, url, "", nil)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.CreateCollection(ctx, "bench", vectorstore.CollectionConfig{Dim: 384, Distance: vectorstore.Cosine}); err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	pts := testPoints(r, 1000, 384)
	if err := s.Upsert(ctx, "bench", pts); err != nil {
		b.Fatal(err)
	}
	q := randVec(r, 384)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Search(ctx, "bench", vectorstore.SearchRequest{Vector: q, Limit: 5, With: vectorstore.With{WithPayload: true}}); err != nil {
			b.Fatal(err)
		}
	}
}
