package model

import (
	"fmt"
	"math"
)

// The Gemma family: NeoX-order rope, GeGLU feed-forward (tanh GELU) and
// token embeddings scaled by sqrt(Dim). Gemma's RMS norms multiply by
// (1+w); the GGUF converters store 1+w, so the common norm applies as is.
//
// gemma2 adds post-norms after attention and feed-forward, soft-capped
// attention scores and output logits, and a sliding window on every other
// layer (0, 2, ...). gemma3 (text) drops the soft-caps, RMS-normalizes each
// query and key head, and slides on five layers of six with their own rope
// base (10000 unless rope.local.freq_base says otherwise), the sixth being
// global with rope.freq_base.
func init() {
	register(Arch{Name: "gemma", RopeOrder: RopeNeox, Act: ActGELU, EmbedScale: true})
	register(Arch{Name: "gemma2", RopeOrder: RopeNeox, Act: ActGELU, EmbedScale: true, PostNorms: true,
		Setup: func(md Metadata, c *Config) error {
			gemmaQueryScale(c, 46)
			return slidingEvery(c, 2)
		}})
	register(Arch{Name: "gemma3", RopeOrder: RopeNeox, Act: ActGELU, EmbedScale: true, PostNorms: true, QKNorm: true,
		Setup: func(md Metadata, c *Config) error {
			gemmaQueryScale(c, 62)
			base, ok := md.Float("gemma3.rope.local.freq_base")
			if !ok {
				base = 10000
			}
			if !(base > 0) || math.IsInf(base, 0) {
				return fmt.Errorf("%w: gemma3 local rope base %v", ErrInvalid, base)
			}
			c.RopeBaseSWA = float32(base)
			return slidingEvery(c, 6)
		}})
}

// gemmaQueryScale sets the attention scale of the 27B models, which divide
// by sqrt(Dim/Heads) instead of sqrt(HeadDim); llama.cpp recognises them by
// their layer count, and so does this.
func gemmaQueryScale(c *Config, layers27B int) {
	if c.Layers == layers27B {
		c.AttnScale = float32(1 / math.Sqrt(float64(c.Dim/c.Heads)))
	}
}

// slidingEvery marks layers l with l%n < n-1 as sliding-window layers (all
// but the last of every n), llama.cpp's pattern for Gemma 2 (n=2) and 3
// (n=6), when the model has a window at all.
func slidingEvery(c *Config, n int) error {
	if c.Window == 0 {
		return nil
	}
	if c.Window > 1<<24 {
		return fmt.Errorf("%w: sliding window %d", ErrInvalid, c.Window)
	}
	c.SWA = make([]bool, c.Layers)
	for l := range c.SWA {
		c.SWA[l] = l%n < n-1
	}
	return nil
}
