package embedding_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gaianet-go/gaianet/embedding"
)

// Embedding a query with nomic-embed-text (which expects a task prefix).
// Inputs longer than MaxTokens are truncated; tokens counts what was
// embedded.
func Example() {
	const path = "nomic-embed-text-v1.5.f16.gguf"
	m, _, err := embedding.Open(path, embedding.Options{MaxTokens: 512})
	if err != nil {
		log.Fatal(err)
	}
	defer m.Close()
	vecs, tokens, err := m.Embed(context.Background(), []string{"search_query: What is GaiaNet?"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(vecs[0]) == m.Dim(), tokens > 0)
}
