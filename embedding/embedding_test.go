package embedding

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

type refCase struct {
	Text      string    `json:"text"`
	Tokens    []int32   `json:"tokens"`
	Embedding []float64 `json:"embedding"`
}

func cosine(a []float32, b []float64) float64 {
	var dot, na, nb float64
	for i := range a {
		dot += float64(a[i]) * b[i]
		na += float64(a[i]) * float64(a[i])
		nb += b[i] * b[i]
	}
	return dot / math.Sqrt(na*nb)
}

// TestReferenceEmbeddings compares pooled embeddings of the reference token
// sequences with llama.cpp's, one forward pass per text and all texts in one
// batched pass.
func TestReferenceEmbeddings(t *testing.T) {
	dir := sharedtest.Conformance(t)
	for _, tt := range []struct {
		name string
		min  float64
	}{{"bert-f16", 0.999}, {"bert-q8_0", 0.995}} {
		t.Run(tt.name, func(t *testing.T) {
			var ref struct {
				NEmbd int       `json:"n_embd"`
				Cases []refCase `json:"cases"`
			}
			b, err := os.ReadFile(filepath.Join(dir, "embeddings", tt.name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &ref); err != nil {
				t.Fatal(err)
			}
			m, err := Load(filepath.Join(dir, "models", tt.name+".gguf"), nil, Options{Raw: true})
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			if m.Dim() != ref.NEmbd {
				t.Fatalf("dim %d, want %d", m.Dim(), ref.NEmbd)
			}
			var seqs [][]int32
			for _, c := range ref.Cases {
				seqs = append(seqs, c.Tokens)
			}
			batched, err := m.EmbedTokens(context.Background(), seqs)
			if err != nil {
				t.Fatal(err)
			}
			worst := 1.0
			for i, c := range ref.Cases {
				one, err := m.EmbedTokens(context.Background(), [][]int32{c.Tokens})
				if err != nil {
					t.Fatal(err)
				}
				worst = min(worst, cosine(one[0], c.Embedding))
				if cs := cosine(one[0], c.Embedding); cs < tt.min {
					t.Errorf("%q: cosine %.5f < %.3f", c.Text, cs, tt.min)
				}
				if cs := cosine(batched[i], c.Embedding); cs < tt.min {
					t.Errorf("%q batched: cosine %.5f < %.3f", c.Text, cs, tt.min)
				}
			}
			t.Logf("%d cases, worst cosine %.6f", len(ref.Cases), worst)
		})
	}
}

func TestNormalizeAndTruncate(t *testing.T) {
	dir := sharedtest.Conformance(t)
	m, err := Load(filepath.Join(dir, "models", "bert-f16.gguf"), nil, Options{MaxTokens: 8})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	long := []int32{101, 2054, 2003, 1996, 3007, 1997, 2605, 1029, 2054, 2003, 102}
	v, err := m.EmbedTokens(context.Background(), [][]int32{long})
	if err != nil {
		t.Fatal(err)
	}
	var ss float64
	for _, x := range v[0] {
		ss += float64(x) * float64(x)
	}
	if math.Abs(ss-1) > 1e-5 {
		t.Errorf("norm² = %v, want 1", ss)
	}
	want, _ := m.EmbedTokens(context.Background(), [][]int32{{101, 2054, 2003, 1996, 3007, 1997, 2605, 102}})
	if c := cosine(v[0], f64(want[0])); c < 0.99999 {
		t.Errorf("truncated input differs from its first 7 tokens + [SEP]: cosine %v", c)
	}

	strict, err := Load(filepath.Join(dir, "models", "bert-f16.gguf"), nil, Options{MaxTokens: 8, RejectLong: true})
	if err != nil {
		t.Fatal(err)
	}
	defer strict.Close()
	if _, err := strict.EmbedTokens(context.Background(), [][]int32{long}); err == nil || !strings.Contains(err.Error(), "11 tokens") {
		t.Errorf("long input: %v", err)
	}
	if _, err := strict.EmbedTokens(context.Background(), [][]int32{{101, 999999}}); err == nil {
		t.Error("out-of-vocabulary token accepted")
	}
	if _, err := strict.EmbedTokens(context.Background(), [][]int32{{}}); err == nil {
		t.Error("empty input accepted")
	}
	if _, _, err := strict.Embed(context.Background(), []string{"x"}); err == nil {
		t.Error("Embed without a tokenizer succeeded")
	}
}

func f64(v []float32) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}

// TestLoadErrors builds broken models with the GGUF writer.
func TestLoadErrors(t *testing.T) {
	base := func() gguf.Metadata {
		return gguf.NewMetadata(
			gguf.KV{Key: "general.architecture", Value: "bert"},
			gguf.KV{Key: "bert.embedding_length", Value: uint32(32)},
			gguf.KV{Key: "bert.attention.head_count", Value: uint32(2)},
			gguf.KV{Key: "bert.block_count", Value: uint32(1)},
			gguf.KV{Key: "bert.feed_forward_length", Value: uint32(64)},
			gguf.KV{Key: "bert.context_length", Value: uint32(16)},
			gguf.KV{Key: "tokenizer.ggml.tokens", Value: gguf.NewArray([]string{"a", "b", "c", "d"})},
		)
	}
	f32 := func(name string, dims ...uint64) gguf.WriteTensor {
		n := uint64(4)
		for _, d := range dims {
			n *= d
		}
		return gguf.WriteTensor{Name: name, Dims: dims, Type: gguf.TypeF32, Data: make([]byte, n)}
	}
	good := []gguf.WriteTensor{f32("token_embd.weight", 32, 4), f32("position_embd.weight", 32, 16), f32("token_embd_norm.weight", 32)}
	for _, n := range []string{"attn_q", "attn_k", "attn_v", "attn_output"} {
		good = append(good, f32("blk.0."+n+".weight", 32, 32))
	}
	good = append(good, f32("blk.0.attn_output_norm.weight", 32), f32("blk.0.ffn_up.weight", 32, 64),
		f32("blk.0.ffn_down.weight", 64, 32), f32("blk.0.layer_output_norm.weight", 32))

	write := func(md gguf.Metadata, ts []gguf.WriteTensor) string {
		p := filepath.Join(t.TempDir(), "m.gguf")
		if err := gguf.WriteFile(p, md, ts); err != nil {
			t.Fatal(err)
		}
		return p
	}
	m, err := Load(write(base(), good), nil, Options{})
	if err != nil {
		t.Fatalf("valid tiny model: %v", err)
	}
	v, err := m.EmbedTokens(context.Background(), [][]int32{{0, 1, 2}})
	if err != nil || len(v[0]) != 32 {
		t.Fatalf("tiny model: %v", err)
	}
	m.Close()

	llama := base()
	llama.Set("general.architecture", "t5")
	noHeads := base()
	noHeads.Set("bert.attention.head_count", uint32(0))
	wrongShape := append([]gguf.WriteTensor(nil), good...)
	wrongShape[3] = f32("blk.0.attn_q.weight", 32, 16)
	for _, tt := range []struct {
		name string
		md   gguf.Metadata
		ts   []gguf.WriteTensor
		want string
	}{
		{"architecture", llama, good, `architecture "t5"`},
		{"metadata", noHeads, good, "head_count"},
		{"missing tensor", base(), good[:len(good)-1], `"blk.0.layer_output_norm.weight" is missing`},
		{"wrong shape", base(), wrongShape, `"blk.0.attn_q.weight" has shape [32 16], want [32 32]`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(write(tt.md, tt.ts), nil, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if tt.name == "architecture" && !errors.Is(err, ErrUnsupported) {
				t.Error("not ErrUnsupported")
			}
		})
	}
}

// wordTokenizer maps space-separated words "wN" to token N, adding 1 and 2
// around them as [CLS] and [SEP] when asked.
type wordTokenizer struct{}

func (wordTokenizer) Encode(text string, addSpecial, _ bool) []int32 {
	var ids []int32
	if addSpecial {
		ids = append(ids, 1)
	}
	for _, w := range strings.Fields(text) {
		var n int32
		for _, c := range strings.TrimPrefix(w, "w") {
			n = 10*n + c - '0'
		}
		ids = append(ids, n)
	}
	if addSpecial {
		ids = append(ids, 2)
	}
	return ids
}

// TestEmbedTruncation checks that Embed counts the tokens it processed
// (truncated inputs at their truncated length), that truncation keeps the
// closing special token and leaves the caller's slices alone, and that
// RejectLong rejects instead.
func TestEmbedTruncation(t *testing.T) {
	spec := nomicSpec{d: 32, heads: 2, layers: 1, ff: 48, vocab: 40, ctx: 32, eps: 1e-5, ropeBase: 1000, pooling: PoolMean, typ: gguf.TypeF32}
	ref := newNomicRef(spec, 9)
	path := filepath.Join(t.TempDir(), "nomic.gguf")
	if err := gguf.WriteFile(path, ref.metadata(), ref.tensors); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	long := "w5 w6 w7 w8 w9 w10 w11 w12 w13 w14" // 12 tokens with [CLS], [SEP]
	for _, tt := range []struct {
		name   string
		max    int
		texts  []string
		tokens int
	}{
		{"fits", 0, []string{long, "w3"}, 12 + 3},
		{"truncated", 8, []string{long, "w3"}, 8 + 3},
		{"all truncated", 4, []string{long, long, "w3 w4 w5"}, 4 + 4 + 4},
		{"exact", 12, []string{long}, 12},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Load(path, wordTokenizer{}, Options{MaxTokens: tt.max})
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			vecs, n, err := m.Embed(ctx, tt.texts)
			if err != nil {
				t.Fatal(err)
			}
			if n != tt.tokens {
				t.Errorf("Embed counted %d tokens, want %d", n, tt.tokens)
			}
			for i, text := range tt.texts {
				ids := wordTokenizer{}.Encode(text, true, false)
				orig := append([]int32(nil), ids...)
				if len(ids) > m.MaxTokens() {
					want, err := m.EmbedTokens(ctx, [][]int32{append(ids[:m.MaxTokens()-1:m.MaxTokens()-1], 2)})
					if err != nil {
						t.Fatal(err)
					}
					if c := cosine(vecs[i], f64(want[0])); c < 0.99999 {
						t.Errorf("text %d: truncated embedding differs from its first %d tokens + [SEP]: cosine %v", i, m.MaxTokens()-1, c)
					}
				}
				if _, err := m.EmbedTokens(ctx, [][]int32{ids}); err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(ids, orig) {
					t.Errorf("EmbedTokens modified its input: %v, was %v", ids, orig)
				}
			}
			strict, err := Load(path, wordTokenizer{}, Options{MaxTokens: tt.max, RejectLong: true})
			if err != nil {
				t.Fatal(err)
			}
			defer strict.Close()
			_, n, err = strict.Embed(ctx, tt.texts)
			if tooLong := tt.max > 0 && tt.max < 12; tooLong != (err != nil) {
				t.Errorf("RejectLong: error %v, n %d", err, n)
			}
		})
	}
}

func TestOpen(t *testing.T) {
	m, tok, err := Open(sharedtest.Model(t, "bert-f16.gguf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if ids := tok.Encode("hello", true, false); len(ids) != 3 || ids[0] != 101 || ids[2] != 102 {
		t.Errorf("tokenizer from the same file: %v", ids)
	}
	vecs, n, err := m.Embed(context.Background(), []string{"hello"})
	if err != nil || len(vecs) != 1 || n != 3 {
		t.Errorf("Embed: %d tokens, %v", n, err)
	}
	if _, _, err := Open(sharedtest.Model(t, "llama-spm-q8_0.gguf"), Options{}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("a chat model opened as an embedding model: %v", err)
	}
	if _, _, err := Open(filepath.Join(t.TempDir(), "missing.gguf"), Options{}); err == nil {
		t.Error("missing file opened")
	}
}
