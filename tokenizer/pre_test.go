package tokenizer

import (
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
)

// preRefNames are the pre-tokenizers checked against llama.cpp on the
// Llama 3 vocabulary with tokenizer.ggml.pre replaced: those of GaiaNet's
// presets that the shared vocabularies do not cover (DeepSeek V2.5
// "deepseek-llm", Llama 4 "llama4", gpt-oss "gpt-4o", EXAONE 3.5 "exaone",
// Mistral Small 3 "tekken", StableLM 2 "stablelm2") and DeepSeek V3/R1's
// "deepseek-v3" and DeepSeek Coder's "deepseek-coder". testdata/pre/<name>.jsonl holds llama.cpp's answers for the
// texts of testdata/pre/texts.json plus random ones; regenerate with
//
//	go test -tags llamaref -run TestLlamarefPre ./tokenizer/
var preRefNames = []string{"deepseek-llm", "deepseek-v3", "deepseek-coder", "llama4", "gpt-4o", "exaone", "tekken", "stablelm2"}

// preBase is the vocabulary the pre-tokenizer references use.
const preBase = "llama3-bpe"

// preMeta is a vocabulary's metadata with tokenizer.ggml.pre replaced.
type preMeta struct {
	Metadata
	pre string
}

func (m preMeta) String(key string) (string, bool) {
	if key == "tokenizer.ggml.pre" {
		return m.pre, true
	}
	return m.Metadata.String(key)
}

// loadPreVariant returns the base vocabulary with pre-tokenizer pre.
func loadPreVariant(t testing.TB, pre string) *Tokenizer {
	t.Helper()
	f, err := gguf.Open(filepath.Join(sharedDir(t), "conformance", "vocab", preBase+".gguf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tk, err := FromGGUF(preMeta{f.Metadata, pre})
	if err != nil {
		t.Fatal(err)
	}
	if tk.PreTokenizer() != pre {
		t.Fatalf("pre-tokenizer %q, want %q", tk.PreTokenizer(), pre)
	}
	return tk
}

// TestPreTokenizerReferences compares token ids, ids with special tokens
// and decoded text with llama.cpp's, exactly, for every case of every
// pre-tokenizer in preRefNames.
func TestPreTokenizerReferences(t *testing.T) {
	for _, pre := range preRefNames {
		t.Run(pre, func(t *testing.T) {
			tk := loadPreVariant(t, pre)
			cases := readCases(t, filepath.Join("testdata", "pre", pre+".jsonl"))
			if len(cases) < 200 {
				t.Fatalf("only %d cases", len(cases))
			}
			bad := 0
			for i, c := range cases {
				if msg := tk.Check(c); msg != "" {
					if bad++; bad <= 10 {
						t.Errorf("%s.jsonl:%d: %s", pre, i+1, msg)
					}
				}
			}
			if bad > 0 {
				t.Errorf("%d of %d cases disagree with llama.cpp", bad, len(cases))
			}
		})
	}
}

// FuzzPreTokenizers runs every pre-tokenizer's passes on arbitrary text and
// checks that each segmentation is a partition: ends strictly increasing,
// the last one at the end of the text. It needs no vocabulary.
func FuzzPreTokenizers(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Add("~abc ~\u00e9 x\u2126y\n\n  \u3000中文123456 'll ÉCOLE")
	tab := classTable()
	f.Fuzz(func(t *testing.T, s string) {
		var c cpText
		c.reset(s, tab, nil)
		for name, p := range preTokenizers {
			ends := []int32{int32(len(c.cps))}
			for i, pass := range p.passes {
				next := pass(&c, ends, nil)
				prev := int32(0)
				for _, e := range next {
					if e <= prev && len(c.cps) > 0 {
						t.Fatalf("%s pass %d on %q: ends %v not increasing", name, i, s, next)
					}
					prev = e
				}
				if len(c.cps) > 0 && (len(next) == 0 || next[len(next)-1] != int32(len(c.cps))) {
					t.Fatalf("%s pass %d on %q: ends %v do not end at %d", name, i, s, next, len(c.cps))
				}
				ends = next
			}
		}
	})
}
