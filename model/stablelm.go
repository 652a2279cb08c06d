package model

// stablelm (StableLM 2) is the common block with LayerNorms (weight and
// bias) instead of RMS norms, NeoX-order rope over part of each head
// (rope.dimension_count), optional q/k/v biases, and, in files without
// ffn_norm, attention and feed-forward in parallel on the same normed
// input, as llama.cpp's llm_build_stablelm runs them.
func init() {
	register(Arch{Name: "stablelm", RopeOrder: RopeNeox, LayerNorm: true, OptionalQKVBias: true})
}
