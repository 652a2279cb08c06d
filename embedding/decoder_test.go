package embedding

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// writeQwen2Embedder writes a small gte-Qwen2-shaped embedding model: qwen2
// architecture (q/k/v biases, NeoX rope, tied output), last-token pooling,
// F32 random weights from a fixed seed, and the Llama 2 SentencePiece
// vocabulary of ../shared/conformance/vocab/llama2-spm.gguf. The bytes are
// the same on every run, so testdata/qwen2-last.json (made by
// `llamaref embed` from this file) stays its reference; the file's SHA-256
// is recorded there and checked.
func writeQwen2Embedder(t testing.TB, path string) {
	t.Helper()
	vocab, err := gguf.Open(sharedtest.Path(t, "conformance", "vocab", "llama2-spm.gguf"))
	if err != nil {
		t.Fatal(err)
	}
	defer vocab.Close()
	const (
		dim, layers, heads, kv, ffn, nv = 64, 2, 4, 2, 128, 32000
		hd                              = dim / heads
	)
	var md gguf.Metadata
	md.Set("general.architecture", "qwen2")
	md.Set("general.name", "qwen2 embedding test")
	md.Set("qwen2.block_count", uint32(layers))
	md.Set("qwen2.context_length", uint32(512))
	md.Set("qwen2.embedding_length", uint32(dim))
	md.Set("qwen2.feed_forward_length", uint32(ffn))
	md.Set("qwen2.attention.head_count", uint32(heads))
	md.Set("qwen2.attention.head_count_kv", uint32(kv))
	md.Set("qwen2.attention.layer_norm_rms_epsilon", float32(1e-6))
	md.Set("qwen2.rope.freq_base", float32(1e6))
	md.Set("qwen2.pooling_type", uint32(PoolLast))
	for _, e := range vocab.Metadata.KVs() {
		if strings.HasPrefix(e.Key, "tokenizer.") {
			md.Set(e.Key, e.Value)
		}
	}
	// add_eos makes llama.cpp append </s>, whose state is what
	// last-token pooling reads, as gte-Qwen2 appends <|endoftext|>.
	md.Set("tokenizer.ggml.add_eos_token", true)
	r := rand.New(rand.NewPCG(14, 2))
	var ts []gguf.WriteTensor
	add := func(name string, scale, offset float64, dims ...uint64) {
		n := uint64(1)
		for _, d := range dims {
			n *= d
		}
		b := make([]byte, 4*n)
		for i := range n {
			v := float32(offset + scale*(2*r.Float64()-1))
			binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(v))
		}
		ts = append(ts, gguf.WriteTensor{Name: name, Dims: dims, Type: gguf.TypeF32, Data: b})
	}
	add("token_embd.weight", 1, 0, dim, nv)
	add("output_norm.weight", 0.1, 1, dim)
	mat := func(name string, rows, cols uint64) { add(name, math.Sqrt(3/float64(cols)), 0, cols, rows) }
	for l := range layers {
		p := fmt.Sprintf("blk.%d.", l)
		add(p+"attn_norm.weight", 0.1, 1, dim)
		mat(p+"attn_q.weight", heads*hd, dim)
		mat(p+"attn_k.weight", kv*hd, dim)
		mat(p+"attn_v.weight", kv*hd, dim)
		add(p+"attn_q.bias", 0.1, 0, heads*hd)
		add(p+"attn_k.bias", 0.1, 0, kv*hd)
		add(p+"attn_v.bias", 0.1, 0, kv*hd)
		mat(p+"attn_output.weight", dim, heads*hd)
		add(p+"ffn_norm.weight", 0.1, 1, dim)
		mat(p+"ffn_gate.weight", ffn, dim)
		mat(p+"ffn_up.weight", ffn, dim)
		mat(p+"ffn_down.weight", dim, ffn)
	}
	if err := gguf.WriteFile(path, md, ts); err != nil {
		t.Fatal(err)
	}
}

// TestDecoderEmbeddingMatchesLlamaCpp checks last-token pooling of a qwen2
// decoder against llama.cpp's embeddings of the same file.
func TestDecoderEmbeddingMatchesLlamaCpp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "qwen2-emb.gguf")
	if out := os.Getenv("EMBEDDING_WRITE_QWEN2"); out != "" {
		// Developer hook: write the model for `llamaref embed`.
		path = out
	}
	writeQwen2Embedder(t, path)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	var ref struct {
		SHA256 string `json:"sha256"`
		NEmbd  int    `json:"n_embd"`
		Cases  []struct {
			Text      string    `json:"text"`
			Tokens    []int32   `json:"tokens"`
			Embedding []float64 `json:"embedding"`
		} `json:"cases"`
	}
	b, err := os.ReadFile("testdata/qwen2-last.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	if got := hex.EncodeToString(sum[:]); got != ref.SHA256 {
		t.Fatalf("generated model has SHA-256 %s, the reference was made from %s", got, ref.SHA256)
	}
	m, tok, err := Open(path, Options{Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if m.Pooling() != PoolLast || m.Architecture() != "qwen2" || m.Dim() != ref.NEmbd {
		t.Fatalf("pooling %v, arch %s, dim %d", m.Pooling(), m.Architecture(), m.Dim())
	}
	texts := make([]string, len(ref.Cases))
	for i, c := range ref.Cases {
		texts[i] = c.Text
		if got := tok.Encode(c.Text, true, false); fmt.Sprint(got) != fmt.Sprint(c.Tokens) {
			t.Errorf("case %d: tokens %v, want %v", i, got, c.Tokens)
		}
	}
	vecs, _, err := m.Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	worst := 1.0
	for i, c := range ref.Cases {
		cos := cosine(vecs[i], c.Embedding)
		worst = min(worst, cos)
		if cos < 0.999 {
			t.Errorf("case %d (%q): cosine %.6f < 0.999", i, c.Text, cos)
		}
	}
	t.Logf("%d texts, cosine min %.6f", len(ref.Cases), worst)
	// Normalized by default.
	m2, _, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer m2.Close()
	v2, _, err := m2.Embed(context.Background(), texts[:1])
	if err != nil {
		t.Fatal(err)
	}
	if n := math.Sqrt(float64(dot(v2[0], v2[0]))); math.Abs(n-1) > 1e-5 {
		t.Errorf("normalized vector has length %v", n)
	}
}

// TestDecoderChatModelRefused: a decoder without pooling_type is a chat
// model, not an embedding model.
func TestDecoderChatModelRefused(t *testing.T) {
	if _, _, err := Open(sharedtest.Model(t, "qwen2-spm-q6_k.gguf"), Options{}); !errors.Is(err, ErrUnsupported) {
		t.Fatalf("chat model opened as an embedding model: %v", err)
	}
	if !Supported("qwen2") || !Supported("nomic-bert") || Supported("mamba") {
		t.Error("Supported disagrees with the loaders")
	}
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
