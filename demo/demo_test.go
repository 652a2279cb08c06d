package demo

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/embedding"
	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/tokenizer"
)

// TestDemoModelsRun writes both demo models and runs them: the chat model
// generates, the embedding model embeds, and both tokenizers round-trip.
func TestDemoModelsRun(t *testing.T) {
	dir := t.TempDir()
	chat, emb, err := WriteModels(dir)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.Load(chat, engine.Options{CtxSize: 256})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	tok, err := tokenizer.FromGGUF(eng.Metadata())
	if err != nil {
		t.Fatal(err)
	}
	text := "<|im_start|>user\nhello, world ✓<|im_end|>\n"
	ids := tok.Encode(text, true, true)
	// Decoding drops control tokens, as llama.cpp's detokenizer does.
	if got := tok.Decode(ids); got != "user\nhello, world ✓\n" {
		t.Errorf("chat tokenizer round trip: %q", got)
	}
	n := 0
	res, err := eng.Generate(context.Background(), engine.Request{Prompt: ids, MaxTokens: 8}, func(engine.Token) error { n++; return nil })
	if err != nil || res.GeneratedTokens == 0 {
		t.Fatalf("generate: %+v %v", res, err)
	}

	m, etok, err := embedding.Open(emb, embedding.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ids := etok.Encode("Hello, node!", true, false); len(ids) < 5 || ids[0] != 2 || ids[len(ids)-1] != 3 {
		t.Errorf("embedding tokenizer: %v", ids)
	}
	defer m.Close()
	vecs, _, err := m.Embed(context.Background(), []string{"knowledge base", "knowledge base", "something else"})
	if err != nil || len(vecs[0]) != 64 {
		t.Fatalf("embed: %v", err)
	}
	var same, diff float32
	for i := range vecs[0] {
		same += vecs[0][i] * vecs[1][i]
		diff += vecs[0][i] * vecs[2][i]
	}
	if same < 0.9999 || diff > 0.9999 {
		t.Errorf("cosines: same text %v, different text %v", same, diff)
	}
	if _, err := filepath.Glob(filepath.Join(dir, "*.gguf")); err != nil {
		t.Fatal(err)
	}
}
