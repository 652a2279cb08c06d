package rag

import (
	"context"
	"fmt"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"

	"github.com/gaianet-go/gaianet/embedding"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// TestRetrieveRealComponents indexes chunks with the BERT conformance model
// into the embedded vector store and checks that querying a chunk's exact
// text returns that chunk first, with and without fusion.
func TestRetrieveRealComponents(t *testing.T) {
	path := sharedtest.Model(t, "bert-f16.gguf")
	ctx := context.Background()
	emb, _, err := embedding.Open(path, embedding.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer emb.Close()
	store, err := vectorstore.Open(ctx, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.CreateCollection(ctx, "kb", vectorstore.CollectionConfig{Dim: emb.Dim(), Distance: vectorstore.Cosine}); err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"GaiaNet nodes serve AI agents over an OpenAI-compatible API.",
		"Paris is the capital of France.",
		"The weather in Singapore is hot and humid all year.",
		"A domain load-balances requests across many nodes.",
		"Embeddings map text to vectors for similarity search.",
	}
	vecs, _, err := emb.Embed(ctx, texts)
	if err != nil {
		t.Fatal(err)
	}
	bm, err := NewBM25(DefaultBM25Config())
	if err != nil {
		t.Fatal(err)
	}
	var points []vectorstore.Point
	for i, text := range texts {
		id := vectorstore.NumID(uint64(i + 1))
		points = append(points, vectorstore.Point{ID: id, Vector: vecs[i],
			Payload: map[string]any{PayloadText: text, PayloadFile: fmt.Sprintf("doc%d.md", i)}})
		bm.Add(id.String(), text)
	}
	if err := store.Upsert(ctx, "kb", points); err != nil {
		t.Fatal(err)
	}
	r := &Retriever{Embedder: emb, Vectors: store, Keywords: map[string]KeywordIndex{"kb": bm}}
	for _, fusion := range []Fusion{FusionNone, FusionHybrid, FusionRRF} {
		for i, text := range texts {
			got, err := r.Retrieve(ctx, Query{Text: text, Collections: []string{"kb"}, Limit: 3, Fusion: fusion})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 || got[0].Text != text || got[0].Source != fmt.Sprintf("doc%d.md", i) {
				t.Errorf("fusion %q, query %q: got %+v", fusion, text, got)
			}
		}
	}
	// A threshold above every score returns nothing; an unknown collection is an error.
	got, err := r.Retrieve(ctx, Query{Text: "unrelated words entirely", Collections: []string{"kb"}, Limit: 3, Threshold: 1.01})
	if err != nil || len(got) != 0 {
		t.Errorf("threshold: %v %v", got, err)
	}
	if _, err := r.Retrieve(ctx, Query{Text: "x", Collections: []string{"missing"}}); err == nil {
		t.Error("missing collection: no error")
	}
}
