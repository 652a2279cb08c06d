package conformance

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/tokenizer"
)

// familyVocab describes a vocabulary-only GGUF shaped like a chat family's
// SentencePiece tokenizer, derived from the Llama 2 vocabulary of
// ../shared/conformance/vocab/llama2-spm.gguf: the family's special tokens
// appended as control tokens and its tokenizer flags. The real vocabularies
// are not available here; these carry what the families change.
type familyVocab struct {
	name   string
	added  []string // appended from id 32000, as CONTROL tokens
	set    map[string]any
	eog    []string // tokens that must end generation
	notEOG []string
}

var familyVocabs = []familyVocab{
	{
		// Phi-3: Llama 2's vocabulary plus its chat tokens; EOS is
		// <|endoftext|>, <|end|> ends a turn.
		name: "phi3-spm",
		added: []string{"<|endoftext|>", "<|assistant|>", "<|placeholder1|>", "<|placeholder2|>", "<|placeholder3|>",
			"<|placeholder4|>", "<|system|>", "<|end|>", "<|placeholder5|>", "<|placeholder6|>", "<|user|>"},
		set:    map[string]any{"tokenizer.ggml.eos_token_id": uint32(32000), "tokenizer.ggml.padding_token_id": uint32(32000)},
		eog:    []string{"<|endoftext|>", "<|end|>"},
		notEOG: []string{"<|user|>", "<|assistant|>"},
	},
	{
		// Gemma: no space prefix, <start_of_turn>/<end_of_turn> turns.
		name:   "gemma-spm",
		added:  []string{"<start_of_turn>", "<end_of_turn>"},
		set:    map[string]any{"tokenizer.ggml.add_space_prefix": false},
		eog:    []string{"</s>", "<end_of_turn>"},
		notEOG: []string{"<start_of_turn>"},
	},
}

// chatTexts are texts in the families' chat formats.
var chatTexts = []string{
	"<|user|>\nWhat is the capital of France?<|end|>\n<|assistant|>\n",
	"<|system|>\nYou are a helpful assistant.<|end|>\n<|user|>\nHi<|end|>\n<|assistant|>\nHello! How can I help?<|end|>\n<|endoftext|>",
	"<start_of_turn>user\nWhat is the capital of France?<end_of_turn>\n<start_of_turn>model\n",
	"<bos><start_of_turn>user\nWrite a haiku.<end_of_turn>\n<start_of_turn>model\nLeaves fall<end_of_turn>",
	"Hello world", " Hello world", "  leading spaces", "\nnew line first", "Paris is the capital of France.",
}

func writeFamilyVocab(t testing.TB, v familyVocab, path string) {
	t.Helper()
	base, err := gguf.Open(sharedtest.Path(t, "conformance", "vocab", "llama2-spm.gguf"))
	if err != nil {
		t.Fatal(err)
	}
	defer base.Close()
	toks, _ := base.Metadata.Strings("tokenizer.ggml.tokens")
	scores, _ := base.Metadata.Float32s("tokenizer.ggml.scores")
	types, _ := base.Metadata.Int32s("tokenizer.ggml.token_type")
	if len(toks) != 32000 || len(scores) != len(toks) || len(types) != len(toks) {
		t.Fatalf("llama2-spm vocabulary: %d tokens, %d scores, %d types", len(toks), len(scores), len(types))
	}
	toks = append(append([]string(nil), toks...), v.added...)
	scores = append(scores[:len(scores):len(scores)], make([]float32, len(v.added))...)
	types = append(types[:len(types):len(types)], make([]int32, len(v.added))...)
	for i := 32000; i < len(types); i++ {
		types[i] = 3 // CONTROL
	}
	var md gguf.Metadata
	md.Set("general.architecture", "llama")
	md.Set("general.name", v.name)
	for _, e := range base.Metadata.KVs() {
		if strings.HasPrefix(e.Key, "tokenizer.") {
			md.Set(e.Key, e.Value)
		}
	}
	md.Set("llama.vocab_size", uint32(len(toks)))
	md.Set("tokenizer.ggml.tokens", gguf.NewArray(toks))
	md.Set("tokenizer.ggml.scores", gguf.NewArray(scores))
	md.Set("tokenizer.ggml.token_type", gguf.NewArray(types))
	for k, val := range v.set {
		md.Set(k, val)
	}
	if err := gguf.WriteFile(path, md, nil); err != nil {
		t.Fatal(err)
	}
}

// TestFamilyVocabularies checks the tokenizer against llama.cpp on
// Phi-3- and Gemma-shaped vocabularies (testdata/<name>.jsonl, made by
// `llamaref tok` from the file this test writes, whose SHA-256 is pinned
// in testdata/<name>.sha256), and
// their end-of-generation tokens.
func TestFamilyVocabularies(t *testing.T) {
	for _, v := range familyVocabs {
		t.Run(v.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), v.name+".gguf")
			if dir := os.Getenv("CONFORMANCE_WRITE_VOCABS"); dir != "" {
				// Developer hook: write the vocabularies and the texts
				// for `llamaref tok`.
				path = filepath.Join(dir, v.name+".gguf")
				writeTexts(t, filepath.Join(dir, "texts.json"))
			}
			writeFamilyVocab(t, v, path)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(raw)
			data := filepath.Join("testdata", v.name+".jsonl")
			want := pinnedSHA(t, filepath.Join("testdata", v.name+".sha256"))
			if got := hex.EncodeToString(sum[:]); got != want {
				t.Fatalf("vocabulary file has SHA-256 %s, %s was made from %s", got, data, want)
			}
			r := CheckTokenizer(context.Background(), Suite{Kind: "tokenizer", Name: v.name, Model: path, Data: data}, Tolerances{})
			t.Logf("%s: %s", v.name, r.Summary)
			if !r.Passed {
				t.Fatalf("%s: %s", r.Summary, r.Detail)
			}
			f, err := gguf.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			tok, err := tokenizer.FromGGUF(f.Metadata)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range v.eog {
				if id := single(t, tok, s); !tok.EOG(id) {
					t.Errorf("%s (%d) does not end generation", s, id)
				}
			}
			for _, s := range v.notEOG {
				if id := single(t, tok, s); tok.EOG(id) {
					t.Errorf("%s (%d) ends generation", s, id)
				}
			}
		})
	}
}

func single(t *testing.T, tok *tokenizer.Tokenizer, s string) int32 {
	t.Helper()
	ids := tok.Encode(s, false, true)
	if len(ids) != 1 {
		t.Fatalf("%q is not one special token: %v", s, ids)
	}
	return ids[0]
}

// pinnedSHA reads the SHA-256 (hex) of the file a reference was made
// from, stored beside it.
func pinnedSHA(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// writeTexts writes the texts of the family references: the chat texts
// and those of the shared Llama 2 tokenizer suite.
func writeTexts(t *testing.T, path string) {
	t.Helper()
	texts := append([]string(nil), chatTexts...)
	for line := range sharedtest.JSONLines(t, "conformance", "tokenizer", "llama2-spm.jsonl") {
		var l struct {
			Text *string `json:"text"`
		}
		if json.Unmarshal(line, &l) == nil && l.Text != nil {
			texts = append(texts, *l.Text)
		}
	}
	b, _ := json.Marshal(texts)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
