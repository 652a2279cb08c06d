package model

import (
	"fmt"
	"sort"
)

// Arch describes how one architecture differs from the common decoder
// block (pre-norm attention and SwiGLU feed-forward with residuals). Each
// supported architecture registers one in its own file's init.
type Arch struct {
	Name      string
	RopeOrder RopeOrder
	QKVBias   bool // attn_{q,k,v}.bias are required
	QKNorm    bool // attn_{q,k}_norm.weight are required
	// Act is the activation of the gated feed-forward (SwiGLU by default).
	Act Activation
	// EmbedScale multiplies token embeddings by sqrt(Dim) (Gemma).
	EmbedScale bool
	// PostNorms adds RMS norms after attention and feed-forward, before
	// their residual additions (post_attention_norm, post_ffw_norm).
	PostNorms bool
	// FusedQKV reads q, k and v from one attn_qkv matrix (rows q, then k,
	// then v); FusedGateUp reads gate and up from one ffn_up matrix of
	// 2*FFN rows (gate first), as Phi-3 stores them.
	FusedQKV, FusedGateUp bool
	// LayerNorm makes every norm a LayerNorm with optional bias
	// (attention.layer_norm_epsilon) instead of an RMS norm; a layer
	// without ffn_norm then runs attention and feed-forward in parallel
	// on the same normed input (StableLM).
	LayerNorm bool
	// OptionalQKVBias loads attn_{q,k,v}.bias when the file has them.
	OptionalQKVBias bool
	// Setup reads the architecture's own metadata into c (sliding-window
	// pattern, per-layer rope bases, attention scale) after the common
	// hyperparameters are read; nil when there is none.
	Setup func(md Metadata, c *Config) error
	// FFNNormName replaces "ffn_norm" as the name of the feed-forward
	// block's pre-norm (gpt-oss: "post_attention_norm").
	FFNNormName string
	// LoadLayer binds the architecture's own tensors of one layer (name
	// prefix p) after the common ones; nil when there are none.
	LoadLayer func(l *loader, c *Config, p string, y *Layer)
	// loadLayer, when set, binds all of a layer's tensors instead of the
	// common block's loading (deepseek2, llama4); layer, when set, runs a
	// block instead of the common one (deepseek2's latent attention).
	loadLayer func(l *loader, c *Config, prefix string, i int, y *Layer, has func(string) bool)
	layer     func(m *Model, st *State, c *Cache, l int, b Batch) error
}

// Activation is the nonlinearity of a gated feed-forward block.
type Activation int

const (
	// ActSiLU is SwiGLU: silu(gate) * up.
	ActSiLU Activation = iota
	// ActGELU is GeGLU: gelu_tanh(gate) * up, with ggml's F16 table.
	ActGELU
)

// archs is filled by init functions only and read-only afterwards.
var archs = map[string]Arch{}

func register(a Arch) {
	if _, dup := archs[a.Name]; dup {
		panic(fmt.Sprintf("model: architecture %q registered twice", a.Name))
	}
	archs[a.Name] = a
}

// Architectures returns the names of the supported architectures, sorted.
func Architectures() []string {
	names := make([]string, 0, len(archs))
	for n := range archs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Supported reports whether architecture name can be loaded.
func Supported(name string) bool {
	_, ok := archs[name]
	return ok
}

// needs says what the engine lacks for architectures that GaiaNet's
// published presets use but this package cannot run yet.
var needs = map[string]string{}

// Needs returns what the engine lacks to run architecture name, or "" when
// it is supported or unknown to this table.
func Needs(name string) string {
	if Supported(name) {
		return ""
	}
	return needs[name]
}
