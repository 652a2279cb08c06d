package kb

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/embedding"
	"github.com/gaianet-go/gaianet/ingest"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// BenchmarkIngest measures end-to-end ingestion — parse, chunk with the
// embedding model's tokenizer, embed, upsert with the write-ahead log —
// of a folder of Markdown files into an empty collection, with the bert
// conformance model. It reports chunks/s.
func BenchmarkIngest(b *testing.B) {
	p := sharedtest.Model(b, "bert-f16.gguf")
	emb, tok, err := embedding.Open(p, embedding.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer emb.Close()
	dir := b.TempDir()
	sentence := "A GaiaNet node answers questions from its owner's knowledge, retrieved from an embedded vector store. "
	for i := 0; i < 20; i++ {
		var doc strings.Builder
		for s := 0; s < 8; s++ {
			fmt.Fprintf(&doc, "## Section %d\n\n%s\n\n", s, strings.Repeat(sentence, 6))
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc%02d.md", i)), []byte(doc.String()), 0o644)
	}
	ctx := context.Background()
	chunks := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		store, err := vectorstore.Open(ctx, b.TempDir(), nil)
		if err != nil {
			b.Fatal(err)
		}
		k := &KB{Store: store, Embedder: emb, ModelName: "bert-f16", Collection: "bench",
			Chunker: ingest.Chunker{Counter: tok, Size: 128, Overlap: 16}}
		b.StartTimer()
		rep, err := k.Ingest(ctx, dir)
		if err != nil {
			b.Fatal(err)
		}
		chunks += rep.Chunks
		b.StopTimer()
		store.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(chunks)/b.Elapsed().Seconds(), "chunks/s")
}
