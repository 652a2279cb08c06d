package model

// qwen3 drops qwen2's biases and instead RMS-normalizes each query and key
// head (attn_q_norm, attn_k_norm) before rope; its head length
// (attention.key_length) need not be embedding_length / head_count.
func init() {
	register(Arch{Name: "qwen3", RopeOrder: RopeNeox, QKNorm: true})
}
