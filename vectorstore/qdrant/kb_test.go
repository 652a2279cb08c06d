package qdrant

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/embedding"
	"github.com/gaianet-go/gaianet/ingest"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/kb"
	"github.com/gaianet-go/gaianet/rag"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// TestKnowledgeBase runs the kb package on this Store: ingest a folder,
// re-ingest it unchanged, change a file, search, list and delete sources,
// with the conformance BERT model making real embeddings.
func TestKnowledgeBase(t *testing.T) {
	p := sharedtest.Model(t, "bert-f16.gguf")
	emb, tok, err := embedding.Open(p, embedding.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer emb.Close()
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		coll := collectionName(t, s) // the KB creates it
		k := &kb.KB{Store: s, Embedder: emb, ModelName: "bert-f16", Collection: coll,
			Chunker: ingest.Chunker{Counter: tok, Size: 64, Overlap: 8}}
		dir := t.TempDir()
		files := map[string]string{
			"guide.md":  "# Guide\n\nGaiaNet nodes answer from their owner's knowledge.\n\n## Install\n\nRun the init command first.\n",
			"notes.txt": "Plain text notes about vector stores and embeddings.",
			"faq.md":    "# FAQ\n\nA domain groups many nodes behind one name.\n",
		}
		for name, body := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		rep, err := k.Ingest(ctx, dir)
		if err != nil || rep.Added != 3 || rep.Chunks < 3 {
			t.Fatalf("ingest: %+v %v", rep, err)
		}
		rep, err = k.Ingest(ctx, dir)
		if err != nil || rep.Unchanged != 3 || rep.Added+rep.Replaced != 0 {
			t.Errorf("re-ingest: %+v %v", rep, err)
		}
		notes := filepath.Join(dir, "notes.txt")
		if err := os.WriteFile(notes, []byte("Completely new notes about snapshots."), 0o644); err != nil {
			t.Fatal(err)
		}
		rep, err = k.Ingest(ctx, notes)
		if err != nil || rep.Replaced != 1 {
			t.Errorf("changed file: %+v %v", rep, err)
		}
		srcs, err := k.Sources(ctx)
		if err != nil || len(srcs) != 3 || srcs[notes] != 1 {
			t.Errorf("sources %v %v", srcs, err)
		}
		// Every chunk is the best hit for its own text.
		page, err := s.Scroll(ctx, coll, vectorstore.ScrollRequest{Limit: 100, With: vectorstore.With{WithPayload: true}})
		if err != nil || len(page.Points) < 3 {
			t.Fatalf("scroll: %d points, %v", len(page.Points), err)
		}
		for _, pt := range page.Points {
			text, _ := pt.Payload[rag.PayloadText].(string)
			hits, err := k.Search(ctx, text, 2, 0)
			if err != nil || len(hits) == 0 || hits[0].Text != text || hits[0].Score < 0.99 {
				t.Errorf("search %q: %+v %v", text, hits, err)
			}
		}
		hits, err := k.Search(ctx, "Completely new notes about snapshots.", 1, 0.5)
		if err != nil || len(hits) != 1 || hits[0].Source != notes {
			t.Errorf("threshold search: %+v %v", hits, err)
		}
		info, err := s.CollectionInfo(coll)
		if err != nil || info.Config.EmbeddingModel != "bert-f16" || info.Config.Dim != emb.Dim() {
			t.Errorf("info %+v %v", info, err)
		}
		n, err := k.DeleteSource(ctx, filepath.Join(dir, "guide.md"))
		if err != nil || n == 0 {
			t.Errorf("delete source: %d %v", n, err)
		}
		srcs, _ = k.Sources(ctx)
		for src := range srcs {
			if strings.HasSuffix(src, "guide.md") {
				t.Errorf("guide.md still listed: %v", srcs)
			}
		}
	})
}
