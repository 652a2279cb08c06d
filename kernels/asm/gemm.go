package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// gemmFamily emits the register-tiled float32 product of MulF32
// (gemm_avx2_amd64.s): a 6×16 tile of c lives in twelve accumulators
// (Y0..Y11); for each p the two vectors of b's row p are loaded once and
// each of the six values a[i][p] is broadcast and multiplied into its
// row's two accumulators. No horizontal sums: every lane is one output.
// Twin: mulF32Generic.
func gemmFamily() {
	kernel("gemmF32x6x16AVX2", "func(a *float32, lda int, b *float32, ldb int, k int, c *float32, ldc int)",
		"gemmF32x6x16AVX2 sets the 6×16 tile at c (rows ldc bytes apart) to the\nproduct of the 6×k tile at a (rows lda bytes apart) and the k×16 tile at\nb (rows ldb bytes apart); k > 0. Each output is accumulated over p in\norder with fused multiply-adds. Twin: mulF32Generic.",
		[]string{"a", "lda", "b", "ldb", "k", "c", "ldc"}, RSI, R8, RDI, R10, RCX, RDX, R11)
	LEAQ(mi(R8, 0, R8, 2), R9)
	ADDQ(RSI, R9) // row 3 of a
	acc := []Register{Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11}
	zeroPS(acc...)
	Label("loop")
	VMOVUPS(m(RDI, 0), Y12)
	VMOVUPS(m(RDI, 32), Y13)
	for i := range 6 {
		base := []Register{RSI, R9}[i/3]
		src := m(base, 0)
		if i%3 != 0 {
			src = mi(base, 0, R8, uint8(i%3))
		}
		t := []Register{Y14, Y15}[i%2]
		VBROADCASTSS(src, t)
		VFMADD231PS(Y12, t, acc[2*i])
		VFMADD231PS(Y13, t, acc[2*i+1])
	}
	ADDQ(U8(4), RSI)
	ADDQ(U8(4), R9)
	ADDQ(R10, RDI)
	DECQ(RCX)
	JNZ(LabelRef("loop"))
	for i := range 6 {
		if i > 0 {
			ADDQ(R11, RDX)
		}
		VMOVUPS(acc[2*i], m(RDX, 0))
		VMOVUPS(acc[2*i+1], m(RDX, 32))
	}
	vret()
}
