package tokenizer

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
)

// mapMeta is a Metadata backed by a map, for building small vocabularies.
type mapMeta map[string]any

func (m mapMeta) String(k string) (string, bool)      { v, ok := m[k].(string); return v, ok }
func (m mapMeta) Strings(k string) ([]string, bool)   { v, ok := m[k].([]string); return v, ok }
func (m mapMeta) Float32s(k string) ([]float32, bool) { v, ok := m[k].([]float32); return v, ok }
func (m mapMeta) Int32s(k string) ([]int32, bool)     { v, ok := m[k].([]int32); return v, ok }
func (m mapMeta) Bool(k string) (bool, bool)          { v, ok := m[k].(bool); return v, ok }
func (m mapMeta) Uint(k string) (uint64, bool) {
	switch v := m[k].(type) {
	case uint32:
		return uint64(v), true
	case uint64:
		return v, true
	}
	return 0, false
}

// tinySPM is a SentencePiece vocabulary small enough to reason about.
func tinySPM() mapMeta {
	tokens := []string{"<unk>", "<s>", "</s>"}
	types := []int32{2, 3, 3}
	for b := 0; b < 256; b++ {
		tokens = append(tokens, "<0x"+strings.ToUpper(string("0123456789abcdef"[b>>4]))+strings.ToUpper(string("0123456789abcdef"[b&15]))+">")
		types = append(types, 6)
	}
	words := []string{"▁", "a", "b", "c", "ab", "▁a", "▁ab", "bc", "▁abc", "<tool>"}
	scores := make([]float32, len(tokens))
	for i, w := range words {
		tokens = append(tokens, w)
		scores = append(scores, float32(i)) // longer pieces later, higher score
		if w == "<tool>" {
			types = append(types, 4)
		} else {
			types = append(types, 1)
		}
	}
	return mapMeta{
		"tokenizer.ggml.model":      "llama",
		"tokenizer.ggml.tokens":     tokens,
		"tokenizer.ggml.scores":     scores,
		"tokenizer.ggml.token_type": types,
	}
}

func TestFromGGUFErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(m mapMeta)
		want error
	}{
		{"no model", func(m mapMeta) { delete(m, "tokenizer.ggml.model") }, ErrMissing},
		{"unknown model", func(m mapMeta) { m["tokenizer.ggml.model"] = "t5x" }, ErrUnsupported},
		{"no tokens", func(m mapMeta) { delete(m, "tokenizer.ggml.tokens") }, ErrMissing},
		{"short scores", func(m mapMeta) { m["tokenizer.ggml.scores"] = []float32{1} }, ErrInvalid},
		{"short types", func(m mapMeta) { m["tokenizer.ggml.token_type"] = []int32{1} }, ErrInvalid},
		{"duplicate", func(m mapMeta) {
			toks := slices.Clone(m["tokenizer.ggml.tokens"].([]string))
			toks[len(toks)-1] = "a"
			m["tokenizer.ggml.tokens"] = toks
		}, ErrInvalid},
		{"gpt2 without merges", func(m mapMeta) { m["tokenizer.ggml.model"] = "gpt2" }, ErrMissing},
		{"phi-3 without its tokens", func(m mapMeta) { m["general.name"] = "Phi-3-mini" }, ErrInvalid},
		{"unimplemented pre", func(m mapMeta) {
			m["tokenizer.ggml.model"] = "gpt2"
			m["tokenizer.ggml.pre"] = "poro-chat"
			m["tokenizer.ggml.merges"] = []string{}
		}, ErrUnsupported},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := tinySPM()
			tc.edit(m)
			_, err := FromGGUF(m)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "tokenizer: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestTinySPM(t *testing.T) {
	tk, err := FromGGUF(tinySPM())
	if err != nil {
		t.Fatal(err)
	}
	id := func(s string) int32 {
		v, ok := tk.TokenID(s)
		if !ok {
			t.Fatalf("no token %q", s)
		}
		return v
	}
	tests := []struct {
		text                string
		addSpecial, special bool
		want                []int32
	}{
		{"", false, false, nil},
		{"", true, false, []int32{1}},
		{"abc", false, false, []int32{id("▁abc")}},
		{"abc", true, false, []int32{1, id("▁abc")}},
		// "z" is no token: byte fallback.
		{"az", false, false, []int32{id("▁a"), id("<0x7A>")}},
		// A user-defined token is recognised even without parseSpecial, and
		// the text after it gets a space prefix again.
		{"a<tool>b", false, false, []int32{id("▁a"), id("<tool>"), id("▁"), id("b")}},
		// Control tokens only with parseSpecial.
		{"</s>", false, true, []int32{2}},
		{"é", false, false, []int32{id("▁"), id("<0xC3>"), id("<0xA9>")}},
	}
	for _, tc := range tests {
		got := tk.Encode(tc.text, tc.addSpecial, tc.special)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Encode(%q, %v, %v) = %v, want %v", tc.text, tc.addSpecial, tc.special, got, tc.want)
		}
	}
	if got := tk.Decode(tk.Encode("ab cé", false, false)); got != "ab cé" {
		t.Errorf("round trip = %q", got)
	}
	// As llama.cpp: only the first token loses its leading space, and BOS
	// renders as nothing.
	if got := tk.Decode(tk.Encode("ab cé", true, false)); got != " ab cé" {
		t.Errorf("round trip with BOS = %q", got)
	}
	if tk.Kind() != KindSPM || tk.VocabSize() != 269 || tk.BOS() != 1 || tk.EOS() != 2 || tk.UNK() != 0 {
		t.Errorf("kind %v size %d bos %d eos %d unk %d", tk.Kind(), tk.VocabSize(), tk.BOS(), tk.EOS(), tk.UNK())
	}
	if !tk.EOG(2) || tk.EOG(1) {
		t.Error("EOG: want </s> only")
	}
	if tk.Type(0) != TypeUnknown || tk.Type(id("<0x41>")) != TypeByte || tk.Type(-1) != TypeUndefined {
		t.Error("Type")
	}
	if tk.Piece(id("▁ab")) != " ab" || tk.Piece(2) != "" || string(tk.SpecialPiece(2)) != "</s>" || tk.Text(id("▁ab")) != "▁ab" {
		t.Error("pieces")
	}
	if got := tk.CountTokens("abc abc"); got != 2 {
		t.Errorf("CountTokens = %d", got)
	}
}

func TestVocabProperties(t *testing.T) {
	tests := []struct {
		vocab          string
		bos, eos       int32
		addBOS, addEOS bool
		eog            []string
		notEOG         []string
	}{
		{"llama2-spm", 1, 2, true, false, []string{"</s>"}, []string{"<s>", "<unk>"}},
		{"llama3-bpe", 128000, 128001, false, false, []string{"<|end_of_text|>", "<|eot_id|>"}, []string{"<|begin_of_text|>", "<|start_header_id|>"}},
		{"qwen2-bpe", 11, 151645, false, false, []string{"<|im_end|>", "<|endoftext|>", "<|fim_pad|>", "<|repo_name|>", "<|file_sep|>"}, []string{"<|im_start|>", "</s>"}},
		{"bert-wpm", 101, Null, true, false, nil, []string{"[CLS]", "[SEP]"}},
	}
	for _, tc := range tests {
		t.Run(tc.vocab, func(t *testing.T) {
			tk := loadVocab(t, tc.vocab)
			if tk.BOS() != tc.bos || tk.EOS() != tc.eos || tk.AddBOS() != tc.addBOS || tk.AddEOS() != tc.addEOS {
				t.Errorf("bos %d eos %d addBOS %v addEOS %v", tk.BOS(), tk.EOS(), tk.AddBOS(), tk.AddEOS())
			}
			for _, s := range tc.eog {
				if id, ok := tk.TokenID(s); !ok || !tk.EOG(id) {
					t.Errorf("%q (%d, %v) is not EOG", s, id, ok)
				}
			}
			for _, s := range tc.notEOG {
				if id, ok := tk.TokenID(s); ok && tk.EOG(id) {
					t.Errorf("%q is EOG", s)
				}
			}
			for _, id := range tk.EOGTokens() {
				if !tk.EOG(id) {
					t.Errorf("EOGTokens lists %d", id)
				}
			}
		})
	}
}

func TestCleanSpaces(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"a", "a"},
		{"hello , world !", "hello, world!"},
		{"  .", " ."},
		{"it 's he 'll we 're they 've I 'm don 't", "it's he 'll we're they've I'm don 't"},
		{"a ' b", "a'b"},
		{"a ' ' b", "a'' b"},
		{" 's", "'s"},
	}
	for _, tc := range tests {
		b := []byte(tc.in)
		if got := string(b[:cleanSpaces(b)]); got != tc.want {
			t.Errorf("cleanSpaces(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestStreamDecoder(t *testing.T) {
	for _, name := range []string{"llama2-spm", "llama3-bpe", "qwen2-bpe"} {
		t.Run(name, func(t *testing.T) {
			tk := loadVocab(t, name)
			text := "Hi 👨‍👩‍👧 café 日本語 🇸🇬!"
			ids := tk.Encode(text, false, false)
			d := tk.NewStreamDecoder(false)
			var got strings.Builder
			for _, id := range ids {
				s := d.Next(id)
				if !utf8Valid(s) {
					t.Errorf("chunk %q is not valid UTF-8", s)
				}
				got.WriteString(s)
			}
			got.WriteString(d.Flush())
			if got.String() != text {
				t.Errorf("streamed %q, want %q", got.String(), text)
			}
		})
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func TestCompletePrefix(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0}, {"a", 1}, {"\xe6", 0}, {"\xe6\x97", 0}, {"\xe6\x97\xa5", 3},
		{"a\xf0\x9f\x99", 1}, {"\xff", 1}, {"a\x80", 2}, {"\xc3\xa9\xc3", 2},
	}
	for _, tc := range tests {
		if got := completePrefix([]byte(tc.in)); got != tc.want {
			t.Errorf("completePrefix(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// TestConcurrentEncode runs Encode from several goroutines (run with -race)
// and checks that they agree with a sequential run.
func TestConcurrentEncode(t *testing.T) {
	text := mixedText(64 << 10)
	for _, name := range vocabNames {
		t.Run(name, func(t *testing.T) {
			tk := loadVocab(t, name)
			want := tk.Encode(text, true, true)
			errs := make(chan string, 4)
			for g := 0; g < 4; g++ {
				go func() {
					got := tk.Encode(text, true, true)
					if !slices.Equal(got, want) {
						errs <- "concurrent Encode differs"
						return
					}
					errs <- ""
				}()
			}
			for g := 0; g < 4; g++ {
				if msg := <-errs; msg != "" {
					t.Error(msg)
				}
			}
		})
	}
}

// TestBPESlowPath checks that the string-based BPE path, used for
// vocabularies whose merges leave the token set, agrees with the id-based
// one on the real vocabularies.
func TestBPESlowPath(t *testing.T) {
	shared := sharedDir(t)
	text := mixedText(32 << 10)
	for _, name := range []string{"llama3-bpe", "qwen2-bpe"} {
		t.Run(name, func(t *testing.T) {
			fast := loadVocab(t, name)
			f, err := gguf.Open(filepath.Join(shared, "conformance", "vocab", name+".gguf"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			merges, _ := f.Metadata.Strings("tokenizer.ggml.merges")
			slow := *fast
			bm := *fast.bpe
			bm.fast = false
			bm.buildRanks(merges)
			slow.bpe = &bm
			slow.cache = newWordCache()
			inputs := []string{text}
			for _, c := range readCases(t, filepath.Join(shared, "conformance", "tokenizer", name+".jsonl")) {
				inputs = append(inputs, c.Text)
			}
			for _, s := range inputs {
				if a, b := fast.Encode(s, true, true), slow.Encode(s, true, true); !slices.Equal(a, b) {
					t.Fatalf("%.80q: fast %v, slow %v", s, a[:min(len(a), 20)], b[:min(len(b), 20)])
				}
			}
		})
	}
}

// TestSPMWholeText checks that merging "▁" chunks separately (with the word
// cache) gives what merging the whole fragment at once, as llama.cpp does,
// gives.
func TestSPMWholeText(t *testing.T) {
	shared := sharedDir(t)
	chunked := loadVocab(t, "llama2-spm")
	if !chunked.spmChunks {
		t.Fatal("llama2-spm should allow chunking")
	}
	whole := *chunked
	whole.spmChunks = false
	whole.cache = newWordCache()
	inputs := []string{mixedText(32 << 10)}
	for _, c := range readCases(t, filepath.Join(shared, "conformance", "tokenizer", "llama2-spm.jsonl")) {
		inputs = append(inputs, c.Text)
	}
	for _, s := range inputs {
		if a, b := chunked.Encode(s, true, true), whole.Encode(s, true, true); !slices.Equal(a, b) {
			t.Fatalf("%.80q: chunked %v, whole %v", s, a[:min(len(a), 20)], b[:min(len(b), 20)])
		}
	}
}

// TestEncodeContinuation: text encoded as a continuation spells exactly
// that text (no SentencePiece space prefix), and for SentencePiece it is
// what llama.cpp gives with add_space_prefix false (the llama2-noprefix
// variant, checked against llama.cpp in TestLlamaref).
func TestEncodeContinuation(t *testing.T) {
	shared := sharedDir(t)
	noPrefix, err := Load(writeVariant(t, shared, t.TempDir(), refVariant{"noprefix", "llama2-spm", map[string]any{"tokenizer.ggml.add_space_prefix": false}}))
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{`{"name":"f","arguments":{"x":1}}`, ` {"a": [1, 2]}`, "a b  c\n\td", `"ünï"`, "", "}\n</tool_call>"}
	for _, name := range []string{"llama2-spm", "llama3-bpe", "qwen2-bpe"} {
		tk := loadVocab(t, name)
		for _, text := range texts {
			ids := tk.AppendEncodeContinuation(nil, text)
			var got []byte
			for _, id := range ids {
				got = append(got, tk.TokenBytes(id)...)
			}
			if string(got) != text {
				t.Errorf("%s %q: tokens spell %q", name, text, got)
			}
			if name == "llama2-spm" {
				if want := noPrefix.Encode(text, false, false); !slices.Equal(ids, want) {
					t.Errorf("%s %q: %v, llama.cpp without space prefix %v", name, text, ids, want)
				}
			} else if want := tk.Encode(text, false, false); !slices.Equal(ids, want) {
				t.Errorf("%s %q: %v, Encode %v", name, text, ids, want)
			}
		}
	}
}

// TestHarmonyEOG checks the end-of-generation set of gpt-oss's
// o200k_harmony control tokens, as llama.cpp builds it: <|return|> (the
// answer is done) and <|call|> (a tool call waits for its result) end
// generation; <|end|> only closes a message (the analysis channel before
// the final one), so generation goes on. A vocabulary with <|end|> but
// without the other two (Phi-3) keeps <|end|> as end of generation.
func TestHarmonyEOG(t *testing.T) {
	for _, tc := range []struct {
		name   string
		extra  []string
		eog    []string
		notEOG []string
	}{
		{"harmony", []string{"<|start|>", "<|channel|>", "<|message|>", "<|end|>", "<|return|>", "<|call|>"},
			[]string{"<|return|>", "<|call|>"}, []string{"<|end|>", "<|start|>", "<|channel|>", "<|message|>"}},
		{"phi-3 style", []string{"<|user|>", "<|assistant|>", "<|end|>"}, []string{"<|end|>"}, []string{"<|user|>", "<|assistant|>"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tinySPM()
			toks := m["tokenizer.ggml.tokens"].([]string)
			m["tokenizer.ggml.tokens"] = append(toks, tc.extra...)
			m["tokenizer.ggml.scores"] = append(m["tokenizer.ggml.scores"].([]float32), make([]float32, len(tc.extra))...)
			types := m["tokenizer.ggml.token_type"].([]int32)
			for range tc.extra {
				types = append(types, 3)
			}
			m["tokenizer.ggml.token_type"] = types
			tok, err := FromGGUF(m)
			if err != nil {
				t.Fatal(err)
			}
			id := func(s string) int32 {
				for i, x := range m["tokenizer.ggml.tokens"].([]string) {
					if x == s {
						return int32(i)
					}
				}
				t.Fatalf("no token %s", s)
				return -1
			}
			for _, s := range tc.eog {
				if !tok.EOG(id(s)) {
					t.Errorf("%s does not end generation", s)
				}
			}
			for _, s := range tc.notEOG {
				if tok.EOG(id(s)) {
					t.Errorf("%s ends generation", s)
				}
			}
		})
	}
}
