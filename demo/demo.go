package demo

import (
	"embed"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

// File names the demo writes into a node's base directory.
const (
	ChatFile      = "demo-chat.gguf"
	EmbeddingFile = "demo-embedding.gguf"
	KBDir         = "demo-kb"
)

// Knowledge holds the demo knowledge base documents (Markdown).
//
//go:embed kb/*.md
var Knowledge embed.FS

// byteUnicode is GPT-2's reversible map from bytes to printable runes, which
// byte-level BPE vocabularies are written in.
func byteUnicode() [256]rune {
	var m [256]rune
	n := 0
	for b := 0; b < 256; b++ {
		if (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF) {
			m[b] = rune(b)
		} else {
			m[b] = rune(256 + n)
			n++
		}
	}
	return m
}

// tensors builds random weights; matrices are Q8_0, vectors F32.
type tensors struct {
	rng *rand.Rand
	out []gguf.WriteTensor
	err error
}

func (t *tensors) matrix(name string, rows, cols int, scale float64) {
	v := make([]float32, rows*cols)
	for i := range v {
		v[i] = float32(t.rng.NormFloat64() * scale)
	}
	data := make([]byte, gguf.TypeQ8_0.RowSize(cols)*rows)
	for r := 0; r < rows; r++ {
		rs := gguf.TypeQ8_0.RowSize(cols)
		if err := kernels.Quantize(gguf.TypeQ8_0, v[r*cols:(r+1)*cols], data[r*rs:(r+1)*rs]); err != nil && t.err == nil {
			t.err = err
		}
	}
	t.out = append(t.out, gguf.WriteTensor{Name: name, Dims: []uint64{uint64(cols), uint64(rows)}, Type: gguf.TypeQ8_0, Data: data})
}

func (t *tensors) vector(name string, n int, value float32, noise float64) {
	data := make([]byte, 4*n)
	for i := 0; i < n; i++ {
		x := value + float32(t.rng.NormFloat64()*noise)
		binary.LittleEndian.PutUint32(data[4*i:], math.Float32bits(x))
	}
	t.out = append(t.out, gguf.WriteTensor{Name: name, Dims: []uint64{uint64(n)}, Type: gguf.TypeF32, Data: data})
}

// chatML is the template written into the demo chat model.
const chatML = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"

// WriteChatModel writes the demo chat model: llama architecture, byte-level
// BPE vocabulary (256 byte tokens and ChatML's special tokens), 2 layers of
// width 64, random weights from seed.
func WriteChatModel(path string, seed uint64) error {
	const (
		dim, layers, heads, kvHeads, ffn = 64, 2, 4, 2, 128
	)
	bu := byteUnicode()
	tokens := make([]string, 0, 259)
	types := make([]int32, 0, 259)
	for b := 0; b < 256; b++ {
		tokens = append(tokens, string(bu[b]))
		types = append(types, 1)
	}
	for _, s := range []string{"<|endoftext|>", "<|im_start|>", "<|im_end|>"} {
		tokens = append(tokens, s)
		types = append(types, 3)
	}
	vocab := len(tokens)
	md := gguf.NewMetadata(
		gguf.KV{Key: "general.architecture", Value: "llama"},
		gguf.KV{Key: "general.name", Value: "GaiaNet demo chat (random weights)"},
		gguf.KV{Key: "llama.context_length", Value: uint32(2048)},
		gguf.KV{Key: "llama.embedding_length", Value: uint32(dim)},
		gguf.KV{Key: "llama.block_count", Value: uint32(layers)},
		gguf.KV{Key: "llama.feed_forward_length", Value: uint32(ffn)},
		gguf.KV{Key: "llama.attention.head_count", Value: uint32(heads)},
		gguf.KV{Key: "llama.attention.head_count_kv", Value: uint32(kvHeads)},
		gguf.KV{Key: "llama.rope.dimension_count", Value: uint32(dim / heads)},
		gguf.KV{Key: "llama.rope.freq_base", Value: float32(10000)},
		gguf.KV{Key: "llama.attention.layer_norm_rms_epsilon", Value: float32(1e-5)},
		gguf.KV{Key: "llama.vocab_size", Value: uint32(vocab)},
		gguf.KV{Key: "tokenizer.ggml.model", Value: "gpt2"},
		gguf.KV{Key: "tokenizer.ggml.pre", Value: "qwen2"},
		gguf.KV{Key: "tokenizer.ggml.tokens", Value: gguf.NewArray(tokens)},
		gguf.KV{Key: "tokenizer.ggml.token_type", Value: gguf.NewArray(types)},
		gguf.KV{Key: "tokenizer.ggml.merges", Value: gguf.NewArray([]string{})},
		gguf.KV{Key: "tokenizer.ggml.bos_token_id", Value: uint32(256)},
		gguf.KV{Key: "tokenizer.ggml.eos_token_id", Value: uint32(258)},
		gguf.KV{Key: "tokenizer.ggml.add_bos_token", Value: false},
		gguf.KV{Key: "tokenizer.chat_template", Value: chatML},
	)
	t := &tensors{rng: rand.New(rand.NewPCG(seed, 1))}
	t.matrix("token_embd.weight", vocab, dim, 1)
	t.vector("output_norm.weight", dim, 1, 0.1)
	t.matrix("output.weight", vocab, dim, 0.5)
	kvDim := dim / heads * kvHeads
	for i := 0; i < layers; i++ {
		p := fmt.Sprintf("blk.%d.", i)
		t.vector(p+"attn_norm.weight", dim, 1, 0.1)
		t.matrix(p+"attn_q.weight", dim, dim, 0.2)
		t.matrix(p+"attn_k.weight", kvDim, dim, 0.2)
		t.matrix(p+"attn_v.weight", kvDim, dim, 0.2)
		t.matrix(p+"attn_output.weight", dim, dim, 0.2)
		t.vector(p+"ffn_norm.weight", dim, 1, 0.1)
		t.matrix(p+"ffn_gate.weight", ffn, dim, 0.2)
		t.matrix(p+"ffn_up.weight", ffn, dim, 0.2)
		t.matrix(p+"ffn_down.weight", dim, ffn, 0.2)
	}
	if t.err != nil {
		return fmt.Errorf("demo: chat model: %w", t.err)
	}
	return gguf.WriteFile(path, md, t.out)
}

// WriteEmbeddingModel writes the demo embedding model: BERT architecture,
// a WordPiece vocabulary of letters, digits and punctuation (words are
// spelled out), 2 layers of width 64, mean pooling, random weights.
func WriteEmbeddingModel(path string, seed uint64) error {
	const dim, layers, heads, ffn, ctx = 64, 2, 4, 128, 512
	tokens := []string{"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"}
	types := []int32{3, 2, 3, 3, 3}
	var chars []string
	for c := 'a'; c <= 'z'; c++ {
		chars = append(chars, string(c))
	}
	for c := '0'; c <= '9'; c++ {
		chars = append(chars, string(c))
	}
	for _, c := range "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" {
		chars = append(chars, string(c))
	}
	// GGUF writes WordPiece vocabularies as llama.cpp converts them:
	// word-initial pieces start with "▁", continuations ("##x") are bare.
	for _, c := range chars {
		tokens = append(tokens, "\u2581"+c)
		types = append(types, 1)
	}
	for _, c := range chars {
		tokens = append(tokens, c)
		types = append(types, 1)
	}
	vocab := len(tokens)
	md := gguf.NewMetadata(
		gguf.KV{Key: "general.architecture", Value: "bert"},
		gguf.KV{Key: "general.name", Value: "GaiaNet demo embedding (random weights)"},
		gguf.KV{Key: "bert.context_length", Value: uint32(ctx)},
		gguf.KV{Key: "bert.embedding_length", Value: uint32(dim)},
		gguf.KV{Key: "bert.block_count", Value: uint32(layers)},
		gguf.KV{Key: "bert.feed_forward_length", Value: uint32(ffn)},
		gguf.KV{Key: "bert.attention.head_count", Value: uint32(heads)},
		gguf.KV{Key: "bert.attention.layer_norm_epsilon", Value: float32(1e-12)},
		gguf.KV{Key: "bert.attention.causal", Value: false},
		gguf.KV{Key: "bert.pooling_type", Value: uint32(1)},
		gguf.KV{Key: "tokenizer.ggml.model", Value: "bert"},
		gguf.KV{Key: "tokenizer.ggml.tokens", Value: gguf.NewArray(tokens)},
		gguf.KV{Key: "tokenizer.ggml.token_type", Value: gguf.NewArray(types)},
		gguf.KV{Key: "tokenizer.ggml.padding_token_id", Value: uint32(0)},
		gguf.KV{Key: "tokenizer.ggml.unknown_token_id", Value: uint32(1)},
		gguf.KV{Key: "tokenizer.ggml.cls_token_id", Value: uint32(2)},
		gguf.KV{Key: "tokenizer.ggml.bos_token_id", Value: uint32(2)},
		gguf.KV{Key: "tokenizer.ggml.eos_token_id", Value: uint32(3)},
		gguf.KV{Key: "tokenizer.ggml.seperator_token_id", Value: uint32(3)},
		gguf.KV{Key: "tokenizer.ggml.mask_token_id", Value: uint32(4)},
	)
	t := &tensors{rng: rand.New(rand.NewPCG(seed, 2))}
	t.matrix("token_embd.weight", vocab, dim, 1)
	t.vector("token_types.weight", 2*dim, 0, 0.1)
	t.matrix("position_embd.weight", ctx, dim, 0.1)
	t.vector("token_embd_norm.weight", dim, 1, 0)
	t.vector("token_embd_norm.bias", dim, 0, 0)
	for i := 0; i < layers; i++ {
		p := fmt.Sprintf("blk.%d.", i)
		for _, n := range []string{"attn_q", "attn_k", "attn_v", "attn_output"} {
			t.matrix(p+n+".weight", dim, dim, 0.2)
			t.vector(p+n+".bias", dim, 0, 0.02)
		}
		t.vector(p+"attn_output_norm.weight", dim, 1, 0)
		t.vector(p+"attn_output_norm.bias", dim, 0, 0)
		t.matrix(p+"ffn_up.weight", ffn, dim, 0.2)
		t.vector(p+"ffn_up.bias", ffn, 0, 0.02)
		t.matrix(p+"ffn_down.weight", dim, ffn, 0.2)
		t.vector(p+"ffn_down.bias", dim, 0, 0.02)
		t.vector(p+"layer_output_norm.weight", dim, 1, 0)
		t.vector(p+"layer_output_norm.bias", dim, 0, 0)
	}
	if t.err != nil {
		return fmt.Errorf("demo: embedding model: %w", t.err)
	}
	// The token-type table is 2 rows of dim values.
	for i := range t.out {
		if t.out[i].Name == "token_types.weight" {
			t.out[i].Dims = []uint64{dim, 2}
		}
	}
	return gguf.WriteFile(path, md, t.out)
}

// WriteModels writes both demo models into dir and returns their paths.
func WriteModels(dir string) (chat, emb string, err error) {
	chat, emb = filepath.Join(dir, ChatFile), filepath.Join(dir, EmbeddingFile)
	if err := WriteChatModel(chat, 1); err != nil {
		return "", "", err
	}
	if err := WriteEmbeddingModel(emb, 2); err != nil {
		return "", "", err
	}
	return chat, emb, nil
}
