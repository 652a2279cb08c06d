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
}

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
		if v < 1 || v > math.MaxInt32 {
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
	if c.ValueDim != c.HeadDim {
		return c, fmt.Errorf("%w: value length %d differs from key length %d", ErrUnsupported, c.ValueDim, c.HeadDim)
	}
	if c.RopeDim > c.HeadDim || c.RopeDim%2 != 0 {
		return c, fmt.Errorf("%w: rope dimension %d for head length %d", ErrInvalid, c.RopeDim, c.HeadDim)
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
	case "llama3":
		// Frequency factors come from the rope_freqs tensor.
	default:
		return c, fmt.Errorf("%w: rope scaling %q", ErrUnsupported, typ)
	}
	return c, nil
}
