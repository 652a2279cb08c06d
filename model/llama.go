package model

// llama covers Llama 2 and 3, Mistral, TinyLlama and SmolLM: the common
// block with normal-order rope (the converter permutes q and k to match)
// and, for Llama 3.1+, frequency factors from rope_freqs.weight.
func init() {
	register(Arch{Name: "llama", RopeOrder: RopeNormal})
}
