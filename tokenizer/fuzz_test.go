package tokenizer

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// fuzzSeeds returns the seed strings in testdata/fuzz-seeds.jsonl.
func fuzzSeeds(f *testing.F) []string {
	file, err := os.Open(filepath.Join("testdata", "fuzz-seeds.jsonl"))
	if err != nil {
		f.Fatal(err)
	}
	defer file.Close()
	var out []string
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		var s string
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			f.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// fuzzVocabs returns the tokenizers to fuzz: the conformance vocabularies
// when ../shared is present, and a tiny SentencePiece one always.
func fuzzVocabs(f *testing.F) map[string]*Tokenizer {
	out := map[string]*Tokenizer{}
	tiny, err := FromGGUF(tinySPM())
	if err != nil {
		f.Fatal(err)
	}
	out["tiny-spm"] = tiny
	if sharedtest.Root() != "" {
		for _, name := range vocabNames {
			out[name] = loadVocab(f, name)
		}
		// Every pre-tokenizer scanner, on the Llama 3 vocabulary.
		for _, pre := range []string{"default", "gpt-2", "qwen2", "starcoder", "falcon", "tekken", "gpt-4o", "deepseek-llm", "deepseek-v3", "deepseek-coder"} {
			v := *out["llama3-bpe"]
			bm := *v.bpe
			bm.pre = lookupPreTokenizer(pre)
			v.bpe, v.cache, v.ignoreMerges = &bm, newWordCache(), bm.pre.ignoreMerges
			out["llama3-bpe/"+pre] = &v
		}
	}
	return out
}

// FuzzEncode checks that Encode never panics, that every id is in range,
// and that byte-level BPE and SentencePiece with byte fallback are lossless:
// the pieces of Encode(s) of valid UTF-8 spell s again (SentencePiece: without the space
// its encoding adds, for text without "▁" or user-defined tokens; BPE: for
// valid UTF-8, which it requires).
func FuzzEncode(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	vocabs := fuzzVocabs(f)
	f.Fuzz(func(t *testing.T, s string) {
		for name, tk := range vocabs {
			ids := tk.Encode(s, false, false)
			special := tk.Encode(s, true, true)
			for _, id := range append(ids, special...) {
				if id < 0 || int(id) >= tk.VocabSize() {
					t.Fatalf("%s: Encode(%q) has id %d out of range", name, s, id)
				}
			}
			if n := tk.CountTokens(s); n != len(ids) {
				t.Fatalf("%s: CountTokens(%q) = %d, want %d", name, s, n, len(ids))
			}
			_ = tk.Decode(special)
			var raw []byte
			for _, id := range ids {
				raw = append(raw, tk.TokenBytes(id)...)
			}
			var streamed strings.Builder
			d := tk.NewStreamDecoder(false)
			for _, id := range ids {
				streamed.WriteString(d.Next(id))
			}
			streamed.WriteString(d.Flush())
			switch {
			case tk.Kind() == KindBPE && utf8.ValidString(s):
				if string(raw) != s {
					t.Fatalf("%s: pieces of %q spell %q", name, s, raw)
				}
				if streamed.String() != s {
					t.Fatalf("%s: stream of %q is %q", name, s, streamed.String())
				}
			case tk.Kind() == KindSPM && utf8.ValidString(s) && !strings.Contains(s, "<tool>") && !strings.Contains(s, "▁"):
				if got := tk.Decode(ids); got != s {
					t.Fatalf("%s: Decode(Encode(%q)) = %q", name, s, got)
				}
				if streamed.String() != s {
					t.Fatalf("%s: stream of %q is %q", name, s, streamed.String())
				}
				// As a continuation, the pieces spell s itself (no space
				// prefix): what fast-forward of forced text relies on.
				var cont []byte
				for _, id := range tk.AppendEncodeContinuation(nil, s) {
					cont = append(cont, tk.TokenBytes(id)...)
				}
				if string(cont) != s {
					t.Fatalf("%s: continuation pieces of %q spell %q", name, s, cont)
				}
			}
		}
	})
}
