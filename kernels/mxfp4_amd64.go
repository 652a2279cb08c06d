//go:build !noasm

package kernels

import "github.com/gaianet-go/gaianet/gguf"

func init() {
	avx2Kernels.dot[gguf.TypeMXFP4] = dotMXFP4Asm
}

// dotMXFP4Asm is the AVX2 MXFP4 × Q8_0 dot product of one weight row
// (dotMXFP4AVX2, generated), checked against dotMXFP4Generic.
func dotMXFP4Asm(w []byte, a *act) float32 { return dotMXFP4AVX2(q8Args(gguf.TypeMXFP4, w, a)) }
