//go:build llamaref

// Differential test against llama.cpp (the llamaref tool in ../shared/tools).
// It is an investigation aid, not part of the normal suite:
//
//	go test -tags llamaref -run 'TestLlamaref$' ./tokenizer/ [-args -n 2000 -seed 7 -vocab qwen2-bpe -save]
//	go test -tags llamaref -run TestLlamarefLarge ./tokenizer/
//
// -save appends the disagreeing cases, with llama.cpp's answers, to
// testdata/<vocab>.jsonl so that TestConformance keeps them.
package tokenizer

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

var (
	refN    = flag.Int("n", 500, "random strings per vocabulary")
	refSeed = flag.Uint64("seed", 1, "random seed")
	refSave = flag.Bool("save", false, "append disagreements to testdata/<vocab>.jsonl")
	refOnly = flag.String("vocab", "", "only this vocabulary")
)

var fuzzPieces = []string{
	"a", "Z", "hello", "World", "IT", "x", "q", "é", "É", "ß", "Ж", "ж", "Σ", "中", "文", "ア", "の", "한", "국",
	"0", "7", "12", "12345", "٣", "½", "²", "Ⅻ", "𝟘", "१",
	" ", " ", "  ", "   ", "\t", "\n", "\r", "\r\n", "\n\n", " \n", "\u00a0", "\u2003", "\u3000", "\u0085", "\u2028", "\u000b", "\u000c",
	"'", "'s", "'S", "'ll", "'LL", "'re", "'Ve", "'d", "'m", "'t", "'x",
	".", ",", "!", "?", "-", "_", "(", ")", "[", "]", "{", "}", "<", ">", "=", "+", "$", "^", "|", "~", "`", "@", "#", "%", "&", "*", "/", "\\", ":", ";", "\"",
	"\u0301", "\u0308", "\u094d", "\u0947", "\u0000", "\u001f", "\u007f", "\u200b", "\u200d", "\ufeff", "\ue000", "\u0378", "\U000e0001",
	"🙂", "👍🏽", "🇸🇬", "€", "©", "™", "✓", "→", "…", "—", "“", "”", "«", "‘",
	"<|im_start|>", "<|im_end|>", "<|eot_id|>", "<|begin_of_text|>", "<|endoftext|>", "</s>", "<s>", "<unk>",
	"[CLS]", "[SEP]", "[UNK]", "[MASK]", "<tool_call>", "<|fim_prefix|>", "<|start_header_id|>", "▁", "Ġ",
	"func", "return", "the", "The", "ing", "tion", "http://", "www", ".com", "don't", "I'm",
}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	n := 1 + r.IntN(12)
	if r.IntN(4) == 0 {
		n += r.IntN(60)
	}
	for i := 0; i < n; i++ {
		b.WriteString(fuzzPieces[r.IntN(len(fuzzPieces))])
	}
	return b.String()
}

var refVariants = []refVariant{
	{"llama3-default", "llama3-bpe", map[string]any{"tokenizer.ggml.pre": "default"}},
	{"llama3-gpt2", "llama3-bpe", map[string]any{"tokenizer.ggml.pre": "gpt-2"}},
	{"llama3-addbos", "llama3-bpe", map[string]any{"tokenizer.ggml.add_bos_token": true, "tokenizer.ggml.add_eos_token": true}},
	{"qwen2-unknownpre", "qwen2-bpe", map[string]any{"tokenizer.ggml.pre": "no-such-pre"}},
	{"llama3-starcoder", "llama3-bpe", map[string]any{"tokenizer.ggml.pre": "starcoder"}},
	{"llama3-smollm", "llama3-bpe", map[string]any{"tokenizer.ggml.pre": "smollm"}},
	{"llama3-falcon", "llama3-bpe", map[string]any{"tokenizer.ggml.pre": "falcon"}},
	{"llama3-tekken", "llama3-bpe", map[string]any{"tokenizer.ggml.pre": "tekken"}},
	{"qwen2-phi3", "qwen2-bpe", map[string]any{"general.name": "phi3-test"}},
	{"qwen2-gpt4o", "qwen2-bpe", map[string]any{"tokenizer.ggml.pre": "gpt-4o"}},
	{"llama3-deepseek-llm", "llama3-bpe", map[string]any{"tokenizer.ggml.pre": "deepseek-llm"}},
	{"llama3-deepseek-v3", "llama3-bpe", map[string]any{"tokenizer.ggml.pre": "deepseek-v3"}},
	{"qwen2-deepseek-llm", "qwen2-bpe", map[string]any{"tokenizer.ggml.pre": "deepseek-llm"}},
	{"qwen2-deepseek-v3", "qwen2-bpe", map[string]any{"tokenizer.ggml.pre": "deepseek-v3"}},
	{"qwen2-exaone", "qwen2-bpe", map[string]any{"tokenizer.ggml.pre": "exaone"}},
	{"qwen2-deepseek-coder", "qwen2-bpe", map[string]any{"tokenizer.ggml.pre": "deepseek-coder"}},
	{"llama2-noprefix", "llama2-spm", map[string]any{"tokenizer.ggml.add_space_prefix": false, "tokenizer.ggml.add_eos_token": true}},
}

func TestLlamaref(t *testing.T) {
	shared := sharedDir(t)
	ref := sharedtest.Path(t, "tools", "llamaref")
	type target struct{ name, model string }
	var targets []target
	for _, name := range vocabNames {
		targets = append(targets, target{name, filepath.Join(shared, "conformance", "vocab", name+".gguf")})
	}
	vdir := t.TempDir()
	for _, v := range refVariants {
		targets = append(targets, target{v.name, writeVariant(t, shared, vdir, v)})
	}
	for _, tg := range targets {
		name := tg.name
		if *refOnly != "" && name != *refOnly {
			continue
		}
		t.Run(name, func(t *testing.T) {
			tk, err := Load(tg.model)
			if err != nil {
				t.Fatal(err)
			}
			r := rand.New(rand.NewPCG(*refSeed, uint64(len(name))))
			texts := make([]string, *refN)
			for i := range texts {
				texts[i] = randomText(r)
			}
			dir := t.TempDir()
			in, out := filepath.Join(dir, "in.json"), filepath.Join(dir, "out.jsonl")
			data, _ := json.Marshal(texts)
			if err := os.WriteFile(in, data, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(ref, "tok", tg.model, in, out)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("llamaref: %v\n%s", err, msg)
			}
			cases := readCases(t, out)
			var bad []ConformanceCase
			for _, c := range cases {
				if msg := tk.Check(c); msg != "" {
					if len(bad) < 20 {
						t.Error(msg)
					}
					bad = append(bad, c)
				}
			}
			t.Logf("%d cases, %d disagree", len(cases), len(bad))
			if *refSave && len(bad) > 0 {
				f, err := os.OpenFile(filepath.Join("testdata", name+".jsonl"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				for _, c := range bad {
					line, _ := json.Marshal(c)
					fmt.Fprintf(f, "%s\n", line)
				}
			}
		})
	}
}

// TestLlamarefLarge compares the 1 MB benchmark text with llama.cpp and
// reports llamaref's wall time (which includes loading the vocabulary).
func TestLlamarefLarge(t *testing.T) {
	shared := sharedDir(t)
	ref := filepath.Join(shared, "tools", "llamaref")
	text := mixedText(1 << 20)
	for _, name := range vocabNames {
		t.Run(name, func(t *testing.T) {
			tk := loadVocab(t, name)
			dir := t.TempDir()
			in, out := filepath.Join(dir, "in.json"), filepath.Join(dir, "out.jsonl")
			data, _ := json.Marshal([]string{text})
			if err := os.WriteFile(in, data, 0o644); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			if msg, err := exec.Command(ref, "tok", filepath.Join(shared, "conformance", "vocab", name+".gguf"), in, out).CombinedOutput(); err != nil {
				t.Fatalf("llamaref: %v\n%s", err, msg)
			}
			refTime := time.Since(start)
			start = time.Now()
			ids := tk.Encode(text, false, false)
			ourTime := time.Since(start)
			cases := readCases(t, out)
			if msg := tk.Check(cases[0]); msg != "" {
				t.Errorf("%.300s", msg)
			}
			t.Logf("%d tokens; llamaref (load + 2 tokenize + detokenize) %v, Encode %v", len(ids), refTime, ourTime)
		})
	}
}

// TestLlamarefPre writes testdata/pre/<name>.jsonl for every pre-tokenizer
// of preRefNames: llama.cpp's answers, on the Llama 3 vocabulary with
// tokenizer.ggml.pre replaced, for testdata/pre/texts.json and 250 random
// texts (seed -seed).
func TestLlamarefPre(t *testing.T) {
	shared := sharedDir(t)
	ref := sharedtest.Path(t, "tools", "llamaref")
	var texts []string
	raw, err := os.ReadFile(filepath.Join("testdata", "pre", "texts.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &texts); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(*refSeed, 14))
	for range 250 {
		texts = append(texts, randomText(r))
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	data, _ := json.Marshal(texts)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, pre := range preRefNames {
		if *refOnly != "" && pre != *refOnly {
			continue
		}
		model := writeVariant(t, shared, dir, refVariant{pre, preBase, map[string]any{"tokenizer.ggml.pre": pre}})
		out := filepath.Join("testdata", "pre", pre+".jsonl")
		if msg, err := exec.Command(ref, "tok", model, in, out).CombinedOutput(); err != nil {
			t.Fatalf("llamaref %s: %v\n%s", pre, err, msg)
		}
		t.Logf("%s: %d texts", pre, len(readCases(t, out)))
	}
}
