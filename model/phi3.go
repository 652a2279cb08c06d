package model

// phi3 (Phi-3 and Phi-3.5 mini/medium) is the common block with NeoX-order
// rope, q, k and v in one attn_qkv matrix and gate and up in one ffn_up
// matrix. Its 128k variants use LongRoPE: per-frequency factors
// (rope_factors_short/long, chosen by the context length against
// rope.scaling.original_context_length) and an attention factor on rope's
// cos and sin. Its sliding_window is ignored, as llama.cpp ignores it.
func init() {
	register(Arch{Name: "phi3", RopeOrder: RopeNeox, FusedQKV: true, FusedGateUp: true})
}
