package qdrant_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gaianet-go/gaianet/vectorstore"
	"github.com/gaianet-go/gaianet/vectorstore/qdrant"
)

// ExampleOpen stores two points in an external Qdrant and searches them.
// It needs a Qdrant server at localhost:6334, so it is compiled, not run.
func ExampleOpen() {
	ctx := context.Background()
	s, err := qdrant.Open(ctx, "http://localhost:6334", "", nil)
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	cfg := vectorstore.CollectionConfig{Dim: 2, Distance: vectorstore.Cosine, EmbeddingModel: "my-model"}
	if err := s.CreateCollection(ctx, "docs", cfg); err != nil {
		log.Fatal(err)
	}
	err = s.Upsert(ctx, "docs", []vectorstore.Point{
		{ID: vectorstore.NumID(1), Vector: []float32{1, 0}, Payload: map[string]any{"source": "east"}},
		{ID: vectorstore.NumID(2), Vector: []float32{0, 1}, Payload: map[string]any{"source": "north"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	hits, err := s.Search(ctx, "docs", vectorstore.SearchRequest{Vector: []float32{0.9, 0.1}, Limit: 1,
		With: vectorstore.With{WithPayload: true}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(hits[0].Payload["source"])
}
