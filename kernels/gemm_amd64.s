//go:build !noasm

// Register-tiled float32 product for MulF32: a 6×16 tile of c lives in
// twelve accumulators (Y0..Y11); for each p the two vectors of b's row p
// are loaded once and each of the six values a[i][p] is broadcast and
// multiplied into its row's two accumulators. No horizontal sums: every
// lane is one output. Twin: mulF32Generic.

#include "textflag.h"

// ROW2(src, acc0, acc1, t) adds a[i][p] (at src) times b's two vectors
// Y12, Y13 to row i's accumulators.
#define ROW2(src, acc0, acc1, t) \
	VBROADCASTSS src, t \
	VFMADD231PS  Y12, t, acc0 \
	VFMADD231PS  Y13, t, acc1

// func gemmF32x6x16AVX2(a *float32, lda int, b *float32, ldb int, k int, c *float32, ldc int)
TEXT ·gemmF32x6x16AVX2(SB), NOSPLIT, $0-56
	MOVQ a+0(FP), SI
	MOVQ lda+8(FP), R8
	MOVQ b+16(FP), DI
	MOVQ ldb+24(FP), R10
	MOVQ k+32(FP), CX
	MOVQ c+40(FP), DX
	MOVQ ldc+48(FP), R11
	LEAQ (R8)(R8*2), R9
	ADDQ SI, R9 // row 3 of a
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	VXORPS Y4, Y4, Y4
	VXORPS Y5, Y5, Y5
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	VXORPS Y8, Y8, Y8
	VXORPS Y9, Y9, Y9
	VXORPS Y10, Y10, Y10
	VXORPS Y11, Y11, Y11

gemmloop:
	VMOVUPS (DI), Y12
	VMOVUPS 32(DI), Y13
	ROW2((SI), Y0, Y1, Y14)
	ROW2((SI)(R8*1), Y2, Y3, Y15)
	ROW2((SI)(R8*2), Y4, Y5, Y14)
	ROW2((R9), Y6, Y7, Y15)
	ROW2((R9)(R8*1), Y8, Y9, Y14)
	ROW2((R9)(R8*2), Y10, Y11, Y15)
	ADDQ $4, SI
	ADDQ $4, R9
	ADDQ R10, DI
	DECQ CX
	JNZ  gemmloop

	VMOVUPS Y0, (DX)
	VMOVUPS Y1, 32(DX)
	ADDQ    R11, DX
	VMOVUPS Y2, (DX)
	VMOVUPS Y3, 32(DX)
	ADDQ    R11, DX
	VMOVUPS Y4, (DX)
	VMOVUPS Y5, 32(DX)
	ADDQ    R11, DX
	VMOVUPS Y6, (DX)
	VMOVUPS Y7, 32(DX)
	ADDQ    R11, DX
	VMOVUPS Y8, (DX)
	VMOVUPS Y9, 32(DX)
	ADDQ    R11, DX
	VMOVUPS Y10, (DX)
	VMOVUPS Y11, 32(DX)
	VZEROUPPER
	RET
