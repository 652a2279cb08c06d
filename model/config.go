package model

import (
	"fmt"
	"math"
)

// Metadata is the narrow view of GGUF metadata a model needs; gguf.Metadata
// implements it.
type Metadata interface {
	String(key string) (string, bool)
	Uint(key string) (uint64, bool)
	Float(key string) (float64, bool)
}

// RopeOrder says which values of a head a rotary embedding pairs.
type RopeOrder int

const (
	// RopeNormal pairs adjacent values (x[2i], x[2i+1]), as llama does.
	RopeNormal RopeOrder = iota
	// RopeNeox pairs x[i] with x[i+n/2], as GPT-NeoX, qwen2 and qwen3 do.
	RopeNeox
)

// Config holds the hyperparameters of a decoder-only transformer.
type Config struct {
	Arch       string
	Dim        int // embedding length
	Layers     int
	Heads      int
	KVHeads    int
	HeadDim    int // key length per head
	ValueDim   int // value length per head
	FFN        int // feed-forward hidden length
	Vocab      int
	CtxTrain   int // training context length
	NormEps    float32
	RopeBase   float32
	RopeScale  float32 // multiplies positions (1/linear scaling factor)
	RopeDim    int     // rotated values per head
	RopeOrder  RopeOrder
	QKVBias    bool // qwen2: q, k and v projections have biases
	QKNorm     bool // qwen3: RMS norm per head on q and k before rope
	TiedOutput bool // output projection is the token embedding

	Act        Activation // feed-forward activation
	LayerNorm  bool       // norms are LayerNorms (with bias) rather than RMS norms
	EmbedScale float32    // multiplies token embeddings; 0 means none
	PostNorms  bool       // RMS norms after attention and feed-forward
	AttnScale  float32    // multiplies q·k; 1/sqrt(HeadDim) unless the arch says otherwise
	// AttnSoftcap and FinalSoftcap, when not 0, bound attention scores and
	// output logits to (-cap, cap) by cap*tanh(x/cap) (Gemma 2).
	AttnSoftcap, FinalSoftcap float32
	// Window is the sliding-window length of the layers SWA marks: a query
	// at position p attends to positions p-Window+1..p. SWA is nil when no
	// layer slides.
	Window int
	SWA    []bool
	// RopeBaseSWA is the rope frequency base of sliding-window layers when
	// it differs from RopeBase (Gemma 3's local layers); 0 otherwise.
	RopeBaseSWA float32
	// RopeAttnFactor multiplies rope's cos and sin (LongRoPE's attention
	// factor); 1 otherwise. RopeCtxOrig is LongRoPE's original context:
	// caches longer than it use the long frequency factors.
	RopeAttnFactor float32
	RopeCtxOrig    int
	// Experts and ExpertsUsed are the Mixture-of-Experts sizes (0 for a
	// dense model); ExpertFFN is each expert's hidden length.
	Experts, ExpertsUsed, ExpertFFN int
	// YaRN is the YaRN rope scaling, or nil (yarn.go).
	YaRN *YaRN

	// OAIMoE selects gpt-oss's feed-forward: experts chosen by router
	// logits (with a bias) and weighted by a softmax over the chosen
	// ones, each expert with biases and the clamped SwiGLU (gptoss.go).
	OAIMoE bool
	// MoE holds the routing and layout variants of deepseek2 and llama4
	// (moe_shared.go); nil for Mixtral-style routing.
	MoE *MoEConfig
	// MLA is deepseek2's multi-head latent attention (deepseek2.go), or
	// nil. With MLA the cache holds one latent "head" per position
	// (HeadDim = rope + latent values, KVHeads = 1) whose keys are also
	// its values: SharedKV.
	MLA      *MLAConfig
	SharedKV bool
	// Llama 4 (llama4.go): NoRope marks the layers without rotary (every
	// NoRopeEvery-th), whose queries are scaled by the attention
	// temperature; the others attend within chunks of Chunk positions and
	// L2-normalize q and k after rope when QKL2Norm is set.
	NoRope   []bool
	Chunk    int
	QKL2Norm bool
	AttnTemp AttnTemp
}

// IsSWA reports whether layer l uses the sliding window.
func (c *Config) IsSWA(l int) bool { return c.SWA != nil && c.SWA[l] }

// LayerFFN returns the largest feed-forward hidden length of any layer.
func (c *Config) LayerFFN() int { return max(c.FFN, c.ExpertFFN) }

// QDim returns the length of all query heads together.
func (c *Config) QDim() int { return c.Heads * c.HeadDim }

// KVDim returns the length of all key heads (or value heads) together.
func (c *Config) KVDim() int { return c.KVHeads * c.HeadDim }

// VDim returns the length of all value heads together.
func (c *Config) VDim() int { return c.KVHeads * c.ValueDim }

// readConfig fills the architecture-independent hyperparameters from md
// under the "<arch>." prefix; vocab comes later from the token embedding.
func readConfig(md Metadata, arch string) (Config, error) {
	c := Config{Arch: arch}
	key := func(s string) string { return arch + "." + s }
	var err error
	need := func(field *int, name string, lo int) {
		if err != nil {
			return
		}
		v, ok := md.Uint(key(name))
		switch {
		case !ok:
			err = fmt.Errorf("%w: metadata %q is missing", ErrInvalid, key(name))
		case v < uint64(lo) || v > math.MaxInt32:
			err = fmt.Errorf("%w: metadata %q = %d is out of range", ErrInvalid, key(name), v)
		default:
			*field = int(v)
		}
	}
	opt := func(field *int, name string, def int) {
		if err != nil {
			return
		}
		v, ok := md.Uint(key(name))
		if !ok {
			*field = def
			return
		}
		// Keys whose default is 0 (absent features) may also say 0.
		if (v < 1 && def != 0) || v > math.MaxInt32 {
			err = fmt.Errorf("%w: metadata %q = %d is out of range", ErrInvalid, key(name), v)
			return
		}
		*field = int(v)
	}
	need(&c.Dim, "embedding_length", 1)
	need(&c.Layers, "block_count", 1)
	need(&c.Heads, "attention.head_count", 1)
	need(&c.FFN, "feed_forward_length", 1)
	opt(&c.KVHeads, "attention.head_count_kv", c.Heads)
	if err != nil {
		return c, err
	}
	// Bounds far above any real model keep hostile metadata from sizing
	// huge allocations before the tensors are checked.
	for _, b := range []struct {
		v, max int
		name   string
	}{
		{c.Dim, 1 << 17, "embedding_length"}, {c.Layers, 1 << 12, "block_count"},
		{c.Heads, 1 << 12, "attention.head_count"}, {c.KVHeads, 1 << 12, "attention.head_count_kv"},
		{c.FFN, 1 << 20, "feed_forward_length"},
	} {
		if b.v > b.max {
			return c, fmt.Errorf("%w: metadata %q = %d exceeds %d", ErrInvalid, key(b.name), b.v, b.max)
		}
	}
	if c.Dim%c.Heads != 0 {
		return c, fmt.Errorf("%w: embedding length %d is not a multiple of %d heads", ErrInvalid, c.Dim, c.Heads)
	}
	opt(&c.HeadDim, "attention.key_length", c.Dim/c.Heads)
	opt(&c.ValueDim, "attention.value_length", c.HeadDim)
	opt(&c.RopeDim, "rope.dimension_count", c.HeadDim)
	opt(&c.CtxTrain, "context_length", 2048)
	if err != nil {
		return c, err
	}
	if c.HeadDim > 1<<12 || c.ValueDim > 1<<12 {
		return c, fmt.Errorf("%w: head length %d exceeds %d", ErrInvalid, c.HeadDim, 1<<12)
	}
	if c.Heads%c.KVHeads != 0 {
		return c, fmt.Errorf("%w: %d heads is not a multiple of %d KV heads", ErrInvalid, c.Heads, c.KVHeads)
	}
	// MLA files (attention.kv_lora_rank) have their own head geometry,
	// which their architecture's Setup checks.
	if _, mla := md.Uint(key("attention.kv_lora_rank")); c.ValueDim != c.HeadDim && !mla {
		return c, fmt.Errorf("%w: value length %d differs from key length %d", ErrUnsupported, c.ValueDim, c.HeadDim)
	}
	if c.RopeDim > c.HeadDim || c.RopeDim%2 != 0 {
		return c, fmt.Errorf("%w: rope dimension %d for head length %d", ErrInvalid, c.RopeDim, c.HeadDim)
	}
	opt(&c.Experts, "expert_count", 0)
	opt(&c.ExpertsUsed, "expert_used_count", 0)
	opt(&c.ExpertFFN, "expert_feed_forward_length", c.FFN)
	opt(&c.Window, "attention.sliding_window", 0)
	opt(&c.RopeCtxOrig, "rope.scaling.original_context_length", 0)
	if err != nil {
		return c, err
	}
	switch {
	case c.Experts == 0:
		c.ExpertsUsed, c.ExpertFFN = 0, 0
	case c.Experts > 1<<10 || c.ExpertsUsed < 1 || c.ExpertsUsed > c.Experts:
		return c, fmt.Errorf("%w: %d experts, %d used", ErrInvalid, c.Experts, c.ExpertsUsed)
	case c.ExpertFFN > 1<<20:
		return c, fmt.Errorf("%w: expert feed-forward length %d", ErrInvalid, c.ExpertFFN)
	}
	c.AttnScale = float32(1 / math.Sqrt(float64(c.HeadDim)))
	for _, f := range []struct {
		dst  *float32
		name string
	}{{&c.AttnSoftcap, "attn_logit_softcapping"}, {&c.FinalSoftcap, "final_logit_softcapping"}} {
		if v, ok := md.Float(key(f.name)); ok {
			if !(v >= 0) || math.IsInf(v, 0) {
				return c, fmt.Errorf("%w: metadata %q = %v", ErrInvalid, key(f.name), v)
			}
			*f.dst = float32(v)
		}
	}
	c.RopeAttnFactor = 1
	if v, ok := md.Float(key("rope.scaling.attn_factor")); ok && v != 0 {
		if !(v > 0) || v > 100 {
			return c, fmt.Errorf("%w: rope attention factor %v", ErrInvalid, v)
		}
		c.RopeAttnFactor = float32(v)
	}
	eps, ok := md.Float(key("attention.layer_norm_rms_epsilon"))
	if !ok {
		eps = 1e-5
	}
	c.NormEps = float32(eps)
	base, ok := md.Float(key("rope.freq_base"))
	if !ok {
		base = 10000
	}
	if base <= 0 {
		return c, fmt.Errorf("%w: rope frequency base %v", ErrInvalid, base)
	}
	c.RopeBase = float32(base)
	c.RopeScale = 1
	typ, _ := md.String(key("rope.scaling.type"))
	switch typ {
	case "", "none", "linear":
		f, ok := md.Float(key("rope.scaling.factor"))
		if !ok {
			f, ok = md.Float(key("rope.scale_linear"))
		}
		if ok && f != 0 && f != 1 {
			if f < 0 {
				return c, fmt.Errorf("%w: rope scaling factor %v", ErrInvalid, f)
			}
			if typ != "none" {
				c.RopeScale = float32(1 / f)
			}
		}
	case "yarn":
		if err := readYaRN(md, key, &c, 0, false); err != nil {
			return c, err
		}
	case "llama3", "longrope":
		// Frequency factors come from the rope_freqs tensor (llama3) or
		// rope_factors_{short,long} (longrope).
	default:
		return c, fmt.Errorf("%w: rope scaling %q", ErrUnsupported, typ)
	}
	return c, nil
}
