package vectorstore_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"

	"github.com/gaianet-go/gaianet/vectorstore"
)

func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "kb")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	s, err := vectorstore.Open(ctx, dir, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	err = s.CreateCollection(ctx, "docs", vectorstore.CollectionConfig{
		Dim: 3, Distance: vectorstore.Cosine, EmbeddingModel: "nomic-embed-text-v1.5",
	})
	if err != nil {
		log.Fatal(err)
	}
	err = s.Upsert(ctx, "docs", []vectorstore.Point{
		{ID: vectorstore.NumID(1), Vector: []float32{1, 0, 0}, Payload: map[string]any{"source": "a.md"}},
		{ID: vectorstore.NumID(2), Vector: []float32{0, 1, 0}, Payload: map[string]any{"source": "b.md"}},
		{ID: vectorstore.NumID(3), Vector: []float32{1, 1, 0}, Payload: map[string]any{"source": "a.md"}},
	})
	if err != nil {
		log.Fatal(err)
	}

	// A filter in Qdrant's JSON form.
	var f vectorstore.Filter
	if err := json.Unmarshal([]byte(`{"must":[{"key":"source","match":{"value":"a.md"}}]}`), &f); err != nil {
		log.Fatal(err)
	}
	hits, err := s.Search(ctx, "docs", vectorstore.SearchRequest{
		Vector: []float32{0.9, 0.1, 0}, Limit: 2, Filter: &f,
		With: vectorstore.With{WithPayload: true},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range hits {
		fmt.Printf("%v %.3f %v\n", h.ID, h.Score, h.Payload["source"])
	}
	// Output:
	// 1 0.994 a.md
	// 3 0.781 a.md
}
