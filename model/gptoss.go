package model

import (
	"fmt"
	"math"

	"github.com/gaianet-go/gaianet/kernels"
)

// gpt-oss (OpenAI's open-weight MoE, llama.cpp's LLM_ARCH_OPENAI_MOE):
// the common block with NeoX-order rope scaled by YaRN, q/k/v and output
// biases, attention sinks (a learned logit per query head that joins the
// softmax's denominator, so a head may attend to nothing), every other
// layer sliding (0, 2, ...), the feed-forward pre-norm stored as
// post_attention_norm, and a Mixture-of-Experts feed-forward whose
// router has a bias, whose experts are chosen by logit and weighted by a
// softmax over the chosen ones, and whose experts (MXFP4 in the published
// files) have biases and the clamped SwiGLU:
//
//	x = min(gate, 7); y = clamp(up, -7, 7); out = x*sigmoid(1.702*x) * (y+1)
func init() {
	register(Arch{Name: "gpt-oss", RopeOrder: RopeNeox, QKVBias: true, FFNNormName: "post_attention_norm",
		Setup: func(md Metadata, c *Config) error {
			if c.Experts == 0 {
				return fmt.Errorf("%w: gpt-oss metadata has no expert_count", ErrInvalid)
			}
			c.OAIMoE = true
			return slidingEvery(c, 2)
		},
		LoadLayer: func(l *loader, c *Config, p string, y *Layer) {
			y.Bo = l.vector(p+"attn_output.bias", c.Dim)
			y.Sinks = l.vector(p+"attn_sinks.weight", c.Heads)
			y.RouterB = l.vector(p+"ffn_gate_inp.bias", c.Experts)
			y.ExpGateB = l.vectors(p+"ffn_gate_exps.bias", c.ExpertFFN, c.Experts)
			y.ExpUpB = l.vectors(p+"ffn_up_exps.bias", c.ExpertFFN, c.Experts)
			y.ExpDownB = l.vectors(p+"ffn_down_exps.bias", c.Dim, c.Experts)
		}})
}

// The clamped SwiGLU's constants (llama.cpp's LLM_FFN_SWIGLU_OAI_MOE).
const (
	oaiAlpha = 1.702
	oaiLimit = 7.0
)

// swigluOAI writes min(g,7)*sigmoid(1.702*min(g,7)) * (clamp(u,-7,7)+1)
// into g, element by element, as ggml's swiglu_oai does in float32.
func swigluOAI(g, u []float32) {
	u = u[:len(g)]
	for i, x := range g {
		x = min(x, oaiLimit)
		y := min(max(u[i], -oaiLimit), oaiLimit)
		glu := x / (1 + float32(math.Exp(float64(oaiAlpha*-x))))
		g[i] = glu * (y + 1)
	}
}

// addRows adds bias b (len d) to each of the n rows of x.
func addRows(x []float32, n, d int, b []float32) {
	for i := range n {
		kernels.Add(x[i*d:(i+1)*d], x[i*d:(i+1)*d], b)
	}
}

// softmaxSink is the softmax of s with one more logit, sink, that takes
// part in the normalization but has no value row: llama.cpp's soft_max
// with sinks. buf holds at least len(s)+1 values.
func softmaxSink(s []float32, sink float32, buf []float32) {
	m := len(s)
	copy(buf, s)
	buf[m] = sink
	kernels.SoftmaxVec(buf[:m+1])
	copy(s, buf[:m])
}
