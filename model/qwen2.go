package model

// qwen2 is the common block with biases on the q, k and v projections and
// NeoX-order rope.
func init() {
	register(Arch{Name: "qwen2", RopeOrder: RopeNeox, QKVBias: true})
}
