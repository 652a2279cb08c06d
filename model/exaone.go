package model

// exaone (EXAONE 3.5 and EXAONE Deep) is the common llama block (RMS norms,
// SwiGLU, Llama 3 style rope_freqs when present) with NeoX-order rope.
func init() {
	register(Arch{Name: "exaone", RopeOrder: RopeNeox})
}
