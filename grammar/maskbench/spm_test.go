package maskbench

import (
	"context"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/tokenizer"
)

// TestSentencePieceVocab runs a sample of the corpus with a SentencePiece
// vocabulary (Llama 2), whose tokenizer adds a space prefix to a text's
// start: instances are fed as the model writes them, after other text,
// so valid ones are accepted there as with a BPE vocabulary.
func TestSentencePieceVocab(t *testing.T) {
	dir, bpe := shared(t)
	spm, err := tokenizer.Load(sharedtest.Path(t, "conformance", "vocab", "llama2-spm.gguf"))
	if err != nil {
		t.Fatal(err)
	}
	files := subset(t, dir, 40)
	for _, tc := range []struct {
		name string
		tok  *tokenizer.Tokenizer
	}{{"llama3-bpe", bpe}, {"llama2-spm", spm}} {
		r, err := Run(context.Background(), dir, tc.tok, Options{Files: files})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d schemas, %d passed, %d validation errors of %d, %d invalidation errors of %d",
			tc.name, r.Schemas, r.Passed, r.ValidationErrors, r.ValidInstances, r.InvalidationErrors, r.InvalidInstances)
		if r.InvalidationErrors != 0 {
			t.Errorf("%s: %d invalid instances accepted", tc.name, r.InvalidationErrors)
		}
		if r.ValidationErrors*100 > r.ValidInstances*3 {
			t.Errorf("%s: %d of %d valid instances refused", tc.name, r.ValidationErrors, r.ValidInstances)
		}
	}
}
