//go:build noasm || !amd64

package kernels

import "github.com/gaianet-go/gaianet/gguf"

// defaultKernels are the dot products MatMul uses on this machine.
var defaultKernels = genericKernels

func dotF32(a, b []float32) float32             { return dotF32Generic(a, b) }
func dotF16F32(a []uint16, b []float32) float32 { return dotF16F32Generic(a, b) }
func axpyF32(alpha float32, x, y []float32)     { axpyF32Generic(alpha, x, y) }
func axpyF16(alpha float32, x []uint16, y []float32) {
	axpyF16Generic(alpha, x, y)
}

func f32ToF16Row(dst []uint16, src []float32) { f32ToF16RowGeneric(dst, src) }
func f16ToF32Row(dst []float32, src []uint16) { f16ToF32RowGeneric(dst, src) }
func roundF16Row(dst, src []float32)          { roundF16RowGeneric(dst, src) }
func roundF16HRow(dst []float32, h []uint16, src []float32) {
	roundF16HRowGeneric(dst, h, src)
}

func quantActQ8_0(x []float32, qs []int8, d, ds []float32) { quantActQ8_0Generic(x, qs, d, ds) }

func quantActQ8K(x []float32, qs []int8, d []float32, bsums []int16) {
	quantActQ8KGeneric(x, qs, d, bsums)
}

func addF32(dst, a, b []float32) { addF32Generic(dst, a, b) }

// dequantRowAsm reports that no assembly decoded the row.
func dequantRowAsm(gguf.TensorType, []byte, []float32) bool { return false }
