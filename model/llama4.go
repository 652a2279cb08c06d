package model

import (
	"fmt"
	"math"
)

// llama4 (Llama 4 Scout and Maverick, text) is the llama block with:
//
//   - iRoPE: every fourth layer (3, 7, ...) has no rotary embedding and
//     attends to the whole context, its queries scaled by the attention
//     temperature log(floor((pos+1)/8192)+1)*0.1+1; the other layers use
//     rope, attend only within chunks of 8192 positions (a query at p
//     sees positions floor(p/8192)*8192..p) and, unless the model has 128
//     experts (Maverick), L2-normalize q and k after rope (an RMS norm
//     without weight);
//   - a Mixture of Experts on every interleave_moe_layer_step-th layer
//     (dense SwiGLU elsewhere): top-k experts by raw router logit, each
//     expert's input multiplied by the sigmoid of its logit, plus one
//     shared expert of the same size.
//
// These are the values llama.cpp (llm_build_llama_iswa) hard-codes: it
// ignores attention.chunk_size and use_qk_norm, and so does this. A file
// with attention.sliding_window = 0 turns chunking, NoPE layers and the
// temperature off, as in llama.cpp.

// AttnTemp is Llama 4's attention temperature on NoPE layers: queries at
// position p are multiplied by log(floor((p+Offset)/Floor)+1)*Scale+1.
type AttnTemp struct {
	Floor         int
	Scale, Offset float32
}

// factor returns the multiplier for position pos.
func (t *AttnTemp) factor(pos int32) float32 {
	return float32(math.Log(math.Floor(float64((float32(pos)+t.Offset)/float32(t.Floor)))+1)*float64(t.Scale) + 1)
}

// isNoRope reports whether layer l has no rotary embedding.
func (c *Config) isNoRope(l int) bool { return c.NoRope != nil && c.NoRope[l] }

// isChunked reports whether layer l attends within chunks.
func (c *Config) isChunked(l int) bool { return c.Chunk > 0 && !c.isNoRope(l) }

const (
	llama4Chunk      = 8192
	llama4NoRopeStep = 4
)

func init() {
	register(Arch{Name: "llama4", RopeOrder: RopeNormal, Setup: llama4Setup, loadLayer: llama4LoadLayer})
}

func llama4Setup(md Metadata, c *Config) error {
	step, ok := md.Uint("llama4.interleave_moe_layer_step")
	if !ok {
		return fmt.Errorf("%w: metadata %q is missing", ErrInvalid, "llama4.interleave_moe_layer_step")
	}
	if step > uint64(c.Layers) {
		return fmt.Errorf("%w: interleave_moe_layer_step %d for %d layers", ErrInvalid, step, c.Layers)
	}
	if c.Experts > 0 {
		c.MoE = &MoEConfig{ByLogit: true, EveryN: int(step), SharedFFN: c.ExpertFFN}
		if step == 0 {
			// llama.cpp: no layer is MoE.
			c.MoE.EveryN = c.Layers + 1
		}
	}
	if w, ok := md.Uint("llama4.attention.sliding_window"); ok && w == 0 {
		c.Window = 0
		return nil
	}
	c.Window = 0 // chunks are not a sliding window
	c.Chunk = llama4Chunk
	c.NoRope = make([]bool, c.Layers)
	for l := range c.NoRope {
		c.NoRope[l] = (l+1)%llama4NoRopeStep == 0
	}
	c.AttnTemp = AttnTemp{Floor: llama4Chunk, Scale: 0.1, Offset: 1}
	c.QKL2Norm = c.Experts != 128
	return nil
}

func llama4LoadLayer(l *loader, c *Config, p string, i int, y *Layer, has func(string) bool) {
	d := c.Dim
	y.AttnNorm = l.vector(p+"attn_norm.weight", d)
	y.Wq = l.matrix(p+"attn_q.weight", c.QDim(), d)
	y.Wk = l.matrix(p+"attn_k.weight", c.KVDim(), d)
	y.Wv = l.matrix(p+"attn_v.weight", c.VDim(), d)
	y.Wo = l.matrix(p+"attn_output.weight", d, c.QDim())
	y.FFNNorm = l.vector(p+"ffn_norm.weight", d)
	if c.MoE == nil {
		y.Gate = l.matrix(p+"ffn_gate.weight", c.FFN, d)
		y.Up = l.matrix(p+"ffn_up.weight", c.FFN, d)
		y.Down = l.matrix(p+"ffn_down.weight", d, c.FFN)
		return
	}
	loadMoEVariant(l, c, p, i, y, has)
}
