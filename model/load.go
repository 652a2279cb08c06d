package model

import (
	"encoding/binary"
	"fmt"
	"math"
	"unsafe"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

// Tensors is where a model finds its weights; *gguf.File implements it.
type Tensors interface {
	Tensor(name string) (*gguf.TensorInfo, bool)
	TensorData(t *gguf.TensorInfo) []byte
}

// Weight is a matrix of Rows rows of Cols values stored in Type, as a view
// of the model file: Data must not be modified.
type Weight struct {
	Name       string
	Type       gguf.TensorType
	Rows, Cols int
	Data       []byte
}

// Row returns the bytes of row r.
func (w *Weight) Row(r int) []byte {
	n := w.Type.RowSize(w.Cols)
	return w.Data[r*n : (r+1)*n]
}

// view returns rows [lo, lo+n) of w, aliasing its data: one expert of a
// 3-D expert tensor, or one part of a fused projection.
func (w Weight) view(lo, n int) Weight {
	rs := w.Type.RowSize(w.Cols)
	return Weight{Name: w.Name, Type: w.Type, Rows: n, Cols: w.Cols, Data: w.Data[lo*rs : (lo+n)*rs]}
}

// Layer holds the weights of one transformer block. Optional tensors are
// nil (vectors) or have a nil Data (matrices) when absent.
type Layer struct {
	AttnNorm     []float32
	Wq, Wk, Wv   Weight
	Wo           Weight
	Bq, Bk, Bv   []float32
	QNorm, KNorm []float32
	FFNNorm      []float32
	Gate, Up     Weight
	Down         Weight
	// AttnNormB and FFNNormB are LayerNorm biases (StableLM), or nil. A
	// LayerNorm layer with a nil FFNNorm is parallel: its feed-forward
	// reads the attention's normed input.
	AttnNormB, FFNNormB []float32
	// PostAttnNorm and PostFFNNorm are the post-norms (Gemma 2 and 3).
	PostAttnNorm, PostFFNNorm []float32
	// MoE variants (moe_shared.go): the experts' selection bias
	// (exp_probs_b) and the shared experts; MLA is deepseek2's attention.
	ExpProbsB            []float32
	ShGate, ShUp, ShDown Weight
	MLA                  *mlaLayer
	// Mixture of experts: the router (Experts rows of Dim, F32 in the
	// files llama.cpp writes) and each projection of every expert stacked
	// in one matrix, expert e owning rows [e*n, (e+1)*n).
	Router                  Weight
	ExpGate, ExpUp, ExpDown Weight

	// gpt-oss (gptoss.go): the attention output's bias, one learned
	// logit per query head that joins each softmax (attention sinks), the
	// router's bias and every expert's biases (Experts x rows each).
	Bo                         []float32
	Sinks                      []float32
	RouterB                    []float32
	ExpGateB, ExpUpB, ExpDownB []float32
}

// Model is a loaded transformer: its hyperparameters and weights. It is
// read-only after Load and safe for concurrent use; its weights alias the
// file it was loaded from, which must stay open.
type Model struct {
	Config      Config
	TokenEmbd   Weight // Vocab rows of Dim
	OutputNorm  []float32
	OutputNormB []float32 // LayerNorm bias, or nil
	Output      Weight    // Vocab rows of Dim; TokenEmbd when tied
	RopeFreqs   []float32 // RopeDim/2 frequency factors, or nil
	// RopeShort and RopeLong are LongRoPE's frequency factors (RopeDim/2
	// each), or nil; see ropeFactors.
	RopeShort, RopeLong []float32
	Layers              []Layer
	// layerFn runs a block when the architecture has its own (Arch.layer).
	layerFn func(m *Model, st *State, c *Cache, l int, b Batch) error
}

// ropeFactors returns the rope frequency factors for caches of ctx
// positions per sequence: LongRoPE's long factors when ctx exceeds the
// original training context (as llama.cpp decides from its context size),
// its short ones otherwise, else rope_freqs (Llama 3.1) or nil.
func (m *Model) ropeFactors(ctx int) []float32 {
	if m.RopeLong != nil {
		if ctx > m.Config.RopeCtxOrig {
			return m.RopeLong
		}
		return m.RopeShort
	}
	return m.RopeFreqs
}

// Load reads the hyperparameters from md and binds the weights from ts
// without copying matrices. An unknown architecture or weight type wraps
// ErrUnsupported; a missing tensor, wrong shape or bad hyperparameter wraps
// ErrInvalid and names the tensor or key.
func Load(md Metadata, ts Tensors) (*Model, error) {
	name, _ := md.String("general.architecture")
	if name == "" {
		return nil, fmt.Errorf("%w: metadata general.architecture is missing", ErrInvalid)
	}
	arch, ok := archs[name]
	if !ok {
		if n := Needs(name); n != "" {
			return nil, fmt.Errorf("%w: architecture %q: %s", ErrUnsupported, name, n)
		}
		return nil, fmt.Errorf("%w: architecture %q", ErrUnsupported, name)
	}
	cfg, err := readConfig(md, name)
	if err != nil {
		return nil, err
	}
	cfg.RopeOrder = arch.RopeOrder
	cfg.QKVBias = arch.QKVBias
	cfg.QKNorm = arch.QKNorm
	cfg.Act = arch.Act
	cfg.LayerNorm = arch.LayerNorm
	if arch.LayerNorm {
		eps, ok := md.Float(name + ".attention.layer_norm_epsilon")
		if !ok {
			eps = 1e-5
		}
		if !(eps > 0) || eps > 1 {
			return nil, fmt.Errorf("%w: layer norm epsilon %v", ErrInvalid, eps)
		}
		cfg.NormEps = float32(eps)
	}
	cfg.PostNorms = arch.PostNorms
	if arch.EmbedScale {
		cfg.EmbedScale = float32(math.Sqrt(float64(cfg.Dim)))
	}
	if arch.Setup != nil {
		if err := arch.Setup(md, &cfg); err != nil {
			return nil, err
		}
	}

	l := loader{ts: ts}
	m := &Model{}
	emb, ok := ts.Tensor("token_embd.weight")
	if !ok {
		return nil, fmt.Errorf("%w: tensor %q is missing", ErrInvalid, "token_embd.weight")
	}
	cfg.Vocab = emb.Dim(1)
	if n, ok := md.Uint(name + ".vocab_size"); ok && int(n) != cfg.Vocab {
		return nil, fmt.Errorf("%w: %s.vocab_size = %d but token_embd.weight has %d rows", ErrInvalid, name, n, cfg.Vocab)
	}
	if cfg.Vocab < 1 {
		return nil, fmt.Errorf("%w: tensor %q has no rows", ErrInvalid, "token_embd.weight")
	}
	d, q, kv, ff := cfg.Dim, cfg.QDim(), cfg.KVDim(), cfg.FFN
	m.TokenEmbd = l.matrix("token_embd.weight", cfg.Vocab, d)
	m.OutputNorm = l.vector("output_norm.weight", d)
	has := func(name string) bool { _, ok := ts.Tensor(name); return ok }
	if arch.LayerNorm && has("output_norm.bias") {
		m.OutputNormB = l.vector("output_norm.bias", d)
	}
	if _, ok := ts.Tensor("output.weight"); ok {
		m.Output = l.matrix("output.weight", cfg.Vocab, d)
	} else {
		m.Output = m.TokenEmbd
		cfg.TiedOutput = true
	}
	if _, ok := ts.Tensor("rope_freqs.weight"); ok {
		m.RopeFreqs = l.vector("rope_freqs.weight", cfg.RopeDim/2)
	}
	_, short := ts.Tensor("rope_factors_short.weight")
	_, long := ts.Tensor("rope_factors_long.weight")
	if short || long {
		m.RopeShort = l.vector("rope_factors_short.weight", cfg.RopeDim/2)
		m.RopeLong = l.vector("rope_factors_long.weight", cfg.RopeDim/2)
		if cfg.RopeCtxOrig == 0 {
			cfg.RopeCtxOrig = cfg.CtxTrain
		}
	}
	m.Layers = make([]Layer, cfg.Layers)
	for i := range m.Layers {
		p := fmt.Sprintf("blk.%d.", i)
		y := &m.Layers[i]
		if arch.loadLayer != nil {
			arch.loadLayer(&l, &cfg, p, i, y, has)
			if l.err != nil {
				break
			}
			continue
		}
		y.AttnNorm = l.vector(p+"attn_norm.weight", d)
		if arch.LayerNorm && has(p+"attn_norm.bias") {
			y.AttnNormB = l.vector(p+"attn_norm.bias", d)
		}
		if has(p+"attn_q_norm.weight") && !arch.QKNorm {
			l.fail(fmt.Errorf("%w: %s: per-head q/k norms (%s) are not implemented for this architecture", ErrUnsupported, name, p+"attn_q_norm.weight"))
		}
		if _, fused := ts.Tensor(p + "attn_qkv.weight"); arch.FusedQKV && fused {
			if w := l.matrix(p+"attn_qkv.weight", q+kv+cfg.VDim(), d); w.Data != nil {
				y.Wq, y.Wk, y.Wv = w.view(0, q), w.view(q, kv), w.view(q+kv, cfg.VDim())
			}
		} else {
			y.Wq = l.matrix(p+"attn_q.weight", q, d)
			y.Wk = l.matrix(p+"attn_k.weight", kv, d)
			y.Wv = l.matrix(p+"attn_v.weight", cfg.VDim(), d)
		}
		y.Wo = l.matrix(p+"attn_output.weight", d, cfg.Heads*cfg.ValueDim)
		if arch.QKVBias || (arch.OptionalQKVBias && has(p+"attn_q.bias")) {
			y.Bq = l.vector(p+"attn_q.bias", q)
			y.Bk = l.vector(p+"attn_k.bias", kv)
			y.Bv = l.vector(p+"attn_v.bias", cfg.VDim())
		}
		if arch.QKNorm {
			y.QNorm = l.vector(p+"attn_q_norm.weight", cfg.HeadDim)
			y.KNorm = l.vector(p+"attn_k_norm.weight", cfg.HeadDim)
		}
		if arch.PostNorms {
			y.PostAttnNorm = l.vector(p+"post_attention_norm.weight", d)
			y.PostFFNNorm = l.vector(p+"post_ffw_norm.weight", d)
		}
		ffnNorm := "ffn_norm"
		if arch.FFNNormName != "" {
			ffnNorm = arch.FFNNormName
		}
		if !arch.LayerNorm || has(p+ffnNorm+".weight") {
			y.FFNNorm = l.vector(p+ffnNorm+".weight", d)
			if arch.LayerNorm && has(p+"ffn_norm.bias") {
				y.FFNNormB = l.vector(p+"ffn_norm.bias", d)
			}
		}
		switch {
		case cfg.Experts > 0:
			e, ef := cfg.Experts, cfg.ExpertFFN
			y.Router = l.matrix(p+"ffn_gate_inp.weight", e, d)
			y.ExpGate = l.experts(p+"ffn_gate_exps.weight", ef, d, e)
			y.ExpUp = l.experts(p+"ffn_up_exps.weight", ef, d, e)
			y.ExpDown = l.experts(p+"ffn_down_exps.weight", d, ef, e)
		case arch.FusedGateUp:
			if w := l.matrix(p+"ffn_up.weight", 2*ff, d); w.Data != nil {
				y.Gate, y.Up = w.view(0, ff), w.view(ff, ff)
			}
			y.Down = l.matrix(p+"ffn_down.weight", d, ff)
		default:
			y.Gate = l.matrix(p+"ffn_gate.weight", ff, d)
			y.Up = l.matrix(p+"ffn_up.weight", ff, d)
			y.Down = l.matrix(p+"ffn_down.weight", d, ff)
		}
		if arch.LoadLayer != nil {
			arch.LoadLayer(&l, &cfg, p, y)
		}
		if l.err != nil {
			break
		}
	}
	if l.err != nil {
		return nil, l.err
	}
	m.Config = cfg
	m.layerFn = arch.layer
	return m, nil
}

// loader binds tensors by name; the first failure sticks in err and later
// calls return zero values.
type loader struct {
	ts  Tensors
	err error
}

func (l *loader) fail(err error) {
	if l.err == nil {
		l.err = err
	}
}

func (l *loader) tensor(name string, dims ...int) (*gguf.TensorInfo, []byte) {
	if l.err != nil {
		return nil, nil
	}
	ti, ok := l.ts.Tensor(name)
	if !ok {
		l.err = fmt.Errorf("%w: tensor %q is missing", ErrInvalid, name)
		return nil, nil
	}
	match := len(ti.Dims) >= len(dims)
	for i := range ti.Dims {
		want := 1
		if i < len(dims) {
			want = dims[i]
		}
		if ti.Dims[i] != uint64(want) {
			match = false
		}
	}
	if !match {
		l.err = fmt.Errorf("%w: tensor %q has shape %v, want %v", ErrInvalid, name, ti.Dims, dims)
		return nil, nil
	}
	if !kernels.Supported(ti.Type) {
		l.err = fmt.Errorf("%w: tensor %q has weight type %v", ErrUnsupported, name, ti.Type)
		return nil, nil
	}
	rows := 1
	for _, d := range dims[1:] {
		rows *= d
	}
	rs := ti.Type.RowSize(dims[0])
	if rs < 0 {
		l.err = fmt.Errorf("%w: tensor %q: %d columns is not a multiple of the %v block size %d", ErrInvalid, name, dims[0], ti.Type, ti.Type.BlockSize())
		return nil, nil
	}
	data := l.ts.TensorData(ti)
	if want := rs * rows; len(data) != want {
		l.err = fmt.Errorf("%w: tensor %q holds %d bytes, want %d", ErrInvalid, name, len(data), want)
		return nil, nil
	}
	return ti, data
}

// matrix binds a rows x cols weight (GGUF dims [cols, rows]).
func (l *loader) matrix(name string, rows, cols int) Weight {
	ti, data := l.tensor(name, cols, rows)
	if ti == nil {
		return Weight{Name: name}
	}
	return Weight{Name: name, Type: ti.Type, Rows: rows, Cols: cols, Data: data}
}

// experts binds a 3-D expert tensor (GGUF dims [cols, rows, n]) as one
// matrix of n*rows rows.
func (l *loader) experts(name string, rows, cols, n int) Weight {
	ti, data := l.tensor(name, cols, rows, n)
	if ti == nil {
		return Weight{Name: name}
	}
	return Weight{Name: name, Type: ti.Type, Rows: rows * n, Cols: cols, Data: data}
}

// vector binds an n-value vector. F32 data is reinterpreted in place when
// aligned; other types are decoded into a small heap copy.
func (l *loader) vector(name string, n int) []float32 {
	return l.vectors(name, n, 1)
}

// vectors binds k vectors of n values stored as one tensor (GGUF dims
// [n, k]), as vector binds one.
func (l *loader) vectors(name string, n, k int) []float32 {
	dims := []int{n}
	if k != 1 {
		dims = append(dims, k)
	}
	ti, data := l.tensor(name, dims...)
	if ti == nil {
		return nil
	}
	n *= k
	if ti.Type == gguf.TypeF32 && uintptr(unsafe.Pointer(unsafe.SliceData(data)))%4 == 0 && littleEndian() {
		return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(data))), n)
	}
	out := make([]float32, n)
	if err := kernels.Dequantize(ti.Type, data, out); err != nil {
		l.err = fmt.Errorf("model: tensor %q: %w", name, err)
		return nil
	}
	return out
}

func littleEndian() bool {
	var b [2]byte
	binary.NativeEndian.PutUint16(b[:], 1)
	return b[0] == 1
}
