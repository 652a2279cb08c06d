package embedding

import (
	"errors"
	"fmt"
	"math"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

// Pooling is how token states become one vector.
type Pooling int

// Pooling types, numbered as llama.cpp's <arch>.pooling_type.
const (
	PoolNone Pooling = 0
	PoolMean Pooling = 1
	PoolCLS  Pooling = 2
	PoolLast Pooling = 3
)

func (p Pooling) String() string {
	switch p {
	case PoolMean:
		return "mean"
	case PoolCLS:
		return "cls"
	case PoolLast:
		return "last"
	}
	return "none"
}

// ErrUnsupported marks a model this package cannot run.
var ErrUnsupported = errors.New("embedding: unsupported model")

// linear is a weight matrix (rows×cols, GGUF bytes) with an optional bias.
type linear struct {
	typ  gguf.TensorType
	w    []byte
	rows int
	cols int
	bias []float32
}

type layer struct {
	q, k, v, qkv, o   linear
	attnNorm, attnB   []float32
	up, gate, down    linear
	outNorm, outNorm2 []float32
}

// hparams are an encoder's hyperparameters.
type hparams struct {
	arch     string
	nEmbd    int
	nHead    int
	nLayer   int
	nFF      int
	nCtx     int
	eps      float32
	pooling  Pooling
	ropeBase float32 // nomic-bert only
	nRot     int     // nomic-bert: rotated dimensions of each head (even)
}

// weights binds tensors of a GGUF file. Every slice of GGUF bytes aliases the
// file's mapping.
type weights struct {
	tokEmbd   linear // rows = vocab, cols = nEmbd
	typeEmbd  []float32
	posEmbd   linear // rows = nCtx (bert only)
	embdNorm  []float32
	embdNormB []float32
	layers    []layer
}

// binder looks up tensors and records the first problem.
type binder struct {
	f   *gguf.File
	err error
}

func (b *binder) fail(format string, args ...any) {
	if b.err == nil {
		b.err = fmt.Errorf("embedding: "+format, args...)
	}
}

// matrix binds a rows×cols matrix; optional reports absence as nil.
func (b *binder) matrix(name string, rows, cols int, optional bool) linear {
	t, ok := b.f.Tensor(name)
	if !ok {
		if !optional {
			b.fail("tensor %q is missing", name)
		}
		return linear{}
	}
	if len(t.Dims) > 2 || t.Dim(0) != cols || t.Dim(1) != rows {
		b.fail("tensor %q has shape %v, want [%d %d]", name, t.Dims, cols, rows)
		return linear{}
	}
	if !kernels.Supported(t.Type) {
		b.fail("tensor %q has type %s, which the engine cannot compute", name, t.Type)
		return linear{}
	}
	return linear{typ: t.Type, w: b.f.TensorData(t), rows: rows, cols: cols}
}

// vector reads a 1-D tensor of n values into float32.
func (b *binder) vector(name string, n int, optional bool) []float32 {
	t, ok := b.f.Tensor(name)
	if !ok {
		if !optional {
			b.fail("tensor %q is missing", name)
		}
		return nil
	}
	if t.Elements() != uint64(n) {
		b.fail("tensor %q has shape %v, want [%d]", name, t.Dims, n)
		return nil
	}
	out := make([]float32, n)
	if err := kernels.Dequantize(t.Type, b.f.TensorData(t), out); err != nil {
		b.fail("tensor %q: %v", name, err)
		return nil
	}
	return out
}

// linearWithBias binds name.weight and, when present, name.bias.
func (b *binder) linearWithBias(name string, rows, cols int, optional bool) linear {
	l := b.matrix(name+".weight", rows, cols, optional)
	l.bias = b.vector(name+".bias", rows, true)
	return l
}

func readHparams(md gguf.Metadata) (hparams, error) {
	h := hparams{arch: md.Architecture()}
	switch h.arch {
	case "bert", "nomic-bert":
	case "":
		return h, fmt.Errorf("%w: general.architecture is missing", ErrUnsupported)
	default:
		return h, fmt.Errorf("%w: architecture %q (supported: bert, nomic-bert)", ErrUnsupported, h.arch)
	}
	get := func(key string, dst *int) {
		if v, ok := md.ArchUint(key); ok && v > 0 && v < 1<<24 {
			*dst = int(v)
		}
	}
	get("embedding_length", &h.nEmbd)
	get("attention.head_count", &h.nHead)
	get("block_count", &h.nLayer)
	get("feed_forward_length", &h.nFF)
	get("context_length", &h.nCtx)
	for name, v := range map[string]int{"embedding_length": h.nEmbd, "attention.head_count": h.nHead,
		"block_count": h.nLayer, "feed_forward_length": h.nFF, "context_length": h.nCtx} {
		if v == 0 {
			return h, fmt.Errorf("embedding: metadata %s.%s is missing or invalid", h.arch, name)
		}
	}
	if h.nEmbd%h.nHead != 0 {
		return h, fmt.Errorf("embedding: embedding length %d is not a multiple of %d heads", h.nEmbd, h.nHead)
	}
	h.eps = 1e-12
	if e, ok := md.ArchFloat("attention.layer_norm_epsilon"); ok && e > 0 {
		h.eps = float32(e)
	}
	h.pooling = PoolMean
	if p, ok := md.ArchUint("pooling_type"); ok {
		h.pooling = Pooling(p)
	}
	switch h.pooling {
	case PoolMean, PoolCLS, PoolLast:
	default:
		return h, fmt.Errorf("%w: pooling type %d (supported: mean, cls, last)", ErrUnsupported, h.pooling)
	}
	h.ropeBase = 10000
	if b, ok := md.ArchFloat("rope.freq_base"); ok && b > 0 && !math.IsInf(b, 0) {
		h.ropeBase = float32(b)
	}
	// As in llama.cpp, rope turns whole heads unless the file says
	// otherwise.
	headDim := h.nEmbd / h.nHead
	h.nRot = headDim
	if r, ok := md.ArchUint("rope.dimension_count"); ok && h.arch == "nomic-bert" {
		if r == 0 || r > uint64(headDim) || r%2 != 0 {
			return h, fmt.Errorf("embedding: metadata %s.rope.dimension_count %d is invalid for heads of %d", h.arch, r, headDim)
		}
		h.nRot = int(r)
	}
	return h, nil
}

func bindWeights(f *gguf.File, h hparams) (*weights, error) {
	b := &binder{f: f}
	toks, _ := f.Metadata.Strings("tokenizer.ggml.tokens")
	nVocab := len(toks)
	if t, ok := f.Tensor("token_embd.weight"); ok && nVocab == 0 {
		nVocab = t.Dim(1)
	}
	d := h.nEmbd
	w := &weights{}
	w.tokEmbd = b.matrix("token_embd.weight", nVocab, d, false)
	if t, ok := f.Tensor("token_types.weight"); ok {
		// Only type 0 is used: GaiaNet embeds single segments.
		all := b.vector("token_types.weight", int(t.Elements()), false)
		if len(all) >= d {
			w.typeEmbd = all[:d]
		}
	}
	if h.arch == "bert" {
		w.posEmbd = b.matrix("position_embd.weight", h.nCtx, d, false)
	}
	w.embdNorm = b.vector("token_embd_norm.weight", d, false)
	w.embdNormB = b.vector("token_embd_norm.bias", d, true)
	w.layers = make([]layer, h.nLayer)
	for i := range w.layers {
		l := &w.layers[i]
		p := fmt.Sprintf("blk.%d.", i)
		if _, fused := f.Tensor(p + "attn_qkv.weight"); fused {
			l.qkv = b.linearWithBias(p+"attn_qkv", 3*d, d, false)
		} else {
			l.q = b.linearWithBias(p+"attn_q", d, d, false)
			l.k = b.linearWithBias(p+"attn_k", d, d, false)
			l.v = b.linearWithBias(p+"attn_v", d, d, false)
		}
		l.o = b.linearWithBias(p+"attn_output", d, d, false)
		l.attnNorm = b.vector(p+"attn_output_norm.weight", d, false)
		l.attnB = b.vector(p+"attn_output_norm.bias", d, true)
		l.up = b.linearWithBias(p+"ffn_up", h.nFF, d, false)
		l.gate = b.linearWithBias(p+"ffn_gate", h.nFF, d, true)
		l.down = b.linearWithBias(p+"ffn_down", d, h.nFF, false)
		l.outNorm = b.vector(p+"layer_output_norm.weight", d, false)
		l.outNorm2 = b.vector(p+"layer_output_norm.bias", d, true)
		if h.arch == "nomic-bert" && l.gate.w == nil && b.err == nil {
			b.fail("tensor %q is missing", p+"ffn_gate.weight")
		}
	}
	if b.err != nil {
		return nil, b.err
	}
	return w, nil
}
