//go:build !noasm

package kernels

import "github.com/gaianet-go/gaianet/gguf"

// dequantRowAsm decodes the checked row with the AVX2 kernel of t
// (dequant_avx2_amd64.s) when there is one and reports whether it did.
func dequantRowAsm(t gguf.TensorType, src []byte, dst []float32) bool {
	var f func(dst *float32, src *byte, nb int)
	switch t {
	case gguf.TypeQ8_0:
		f = dequantQ8_0AVX2
	case gguf.TypeQ4_K:
		f = dequantQ4KAVX2
	case gguf.TypeQ6_K:
		f = dequantQ6KAVX2
	}
	nb := len(dst) / t.BlockSize()
	if f == nil || !hasAVX2 || nb == 0 {
		return false
	}
	_, _ = src[nb*typeBytes[t]-1], dst[nb*t.BlockSize()-1]
	f(&dst[0], &src[0], nb)
	return true
}
