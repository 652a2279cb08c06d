package kb

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"

	"github.com/gaianet-go/gaianet/embedding"
	"github.com/gaianet-go/gaianet/ingest"
	"github.com/gaianet-go/gaianet/rag"
	"github.com/gaianet-go/gaianet/vectorstore"
)

func newKB(t *testing.T) *KB {
	t.Helper()
	p := sharedtest.Model(t, "bert-f16.gguf")
	emb, tok, err := embedding.Open(p, embedding.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emb.Close() })
	store, err := vectorstore.Open(context.Background(), t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return &KB{Store: store, Embedder: emb, ModelName: "bert-f16", Collection: "default",
		Chunker: ingest.Chunker{Counter: tok, Size: 64, Overlap: 8}}
}

// TestIngestFolderEveryType ingests a folder with every supported file type,
// re-ingests it unchanged, changes one file, and searches by exact text.
func TestIngestFolderEveryType(t *testing.T) {
	k := newKB(t)
	k.Parse.CSV = ingest.CSVGaiaNet // faq.csv is a csv_embed file: question, then the text to embed
	ctx := context.Background()
	dir := t.TempDir()
	files := map[string]string{
		"guide.md":  "# Guide\n\nGaiaNet nodes answer from their owner's knowledge.\n\n## Install\n\nRun the init command first.\n\n```sh\ngaianet init\n```\n",
		"notes.txt": "Plain text notes about vector stores and embeddings.",
		"faq.csv":   "What is a node?,node definition\nWhat is a domain?,domain definition\n",
		"page.html": "<html><head><script>evil()</script></head><body><nav>menu</nav><h1>Title</h1><p>Readable paragraph about domains.</p></body></html>",
	}
	for name, body := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	// A real PDF (the ingest package's sample) and a corrupt one, which is
	// reported by name while the rest continue.
	pdf, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "sample.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "paper.pdf"), pdf, 0o644)
	os.WriteFile(filepath.Join(dir, "broken.pdf"), []byte("%PDF-1.4 garbage"), 0o644)
	rep, err := k.Ingest(ctx, dir)
	if err == nil || !strings.Contains(err.Error(), "broken.pdf") {
		t.Errorf("corrupt PDF not reported: %v", err)
	}
	if rep.Added != 5 || rep.Failed != 1 || rep.Chunks < 6 {
		t.Fatalf("report %+v", rep)
	}
	// Unchanged re-ingest is a no-op.
	rep, _ = k.Ingest(ctx, dir)
	if rep.Unchanged != 5 || rep.Added != 0 || rep.Replaced != 0 {
		t.Errorf("re-ingest: %+v", rep)
	}
	// A changed file replaces its chunks.
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("Completely new notes."), 0o644)
	rep, _ = k.Ingest(ctx, filepath.Join(dir, "notes.txt"))
	if rep.Replaced != 1 {
		t.Errorf("changed file: %+v", rep)
	}
	srcs, err := k.Sources(ctx)
	if err != nil || srcs[filepath.Join(dir, "notes.txt")] != 1 || len(srcs) != 5 {
		t.Errorf("sources %v %v", srcs, err)
	}
	// Every chunk is found first when its exact text is the query (CSV rows
	// embed their second column, so they are queried by it below).
	page, err := k.Store.Scroll(ctx, k.Collection, vectorstore.ScrollRequest{Limit: 1000, With: vectorstore.With{WithPayload: true}})
	if err != nil || len(page.Points) < 6 {
		t.Fatalf("scroll: %d points, %v", len(page.Points), err)
	}
	for _, p := range page.Points {
		text, _ := p.Payload[rag.PayloadText].(string)
		if file, _ := p.Payload[rag.PayloadFile].(string); strings.HasSuffix(file, ".csv") {
			continue
		}
		hits, err := k.Search(ctx, text, 3, 0)
		if err != nil || len(hits) == 0 || hits[0].Text != text {
			t.Errorf("search %q: %+v %v", text, hits, err)
		}
	}
	// The PDF's text is searchable like any other chunk.
	hits, err := k.Search(ctx, "Page two explains the vector store.", 1, 0)
	if err != nil || len(hits) == 0 || !strings.HasSuffix(hits[0].Source, "paper.pdf") {
		t.Errorf("pdf chunk not found: %+v %v", hits, err)
	}
	// CSV: column 2 was embedded, so searching it finds column 1's text.
	hits, _ = k.Search(ctx, "domain definition", 1, 0)
	if len(hits) == 0 || hits[0].Text != "What is a domain?" {
		t.Errorf("csv embed column: %+v", hits)
	}
	n, err := k.DeleteSource(ctx, filepath.Join(dir, "guide.md"))
	if err != nil || n == 0 {
		t.Errorf("delete: %d %v", n, err)
	}
}

func TestNewChunker(t *testing.T) {
	for _, tt := range []struct{ maxTokens, size, wantSize, wantOverlap int }{
		{512, 0, ingest.DefaultChunkTokens, ingest.DefaultOverlapTokens},
		{512, 100, 100, 25},
		{128, 0, 126, 31},
		{8192, 1000, 1000, ingest.DefaultOverlapTokens},
	} {
		c := NewChunker(nil, tt.maxTokens, tt.size)
		if c.Size != tt.wantSize || c.Overlap != tt.wantOverlap {
			t.Errorf("NewChunker(max %d, size %d) = size %d overlap %d, want %d %d",
				tt.maxTokens, tt.size, c.Size, c.Overlap, tt.wantSize, tt.wantOverlap)
		}
	}
}
