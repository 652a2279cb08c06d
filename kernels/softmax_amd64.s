//go:build !noasm

// AVX2 passes of SoftmaxVec: maximum, exponentials with lane sums, and
// scaling; and SwiGLU, which uses the same exponential. Each exponential lane computes exactly what expVec
// (softmax.go) computes, with separate multiplies and adds (no FMA) so
// that the pure-Go twin, softmaxVecGeneric, gives the same bits.

#include "textflag.h"

// expc holds the constants of expVec, each broadcast to eight lanes: lo,
// hi, log2e, ln2Hi, ln2Lo, p0..p5, 1, and the int32 127.
#define BCAST(off, v) \
	DATA expc<>+(off+0)(SB)/4, $v \
	DATA expc<>+(off+4)(SB)/4, $v \
	DATA expc<>+(off+8)(SB)/4, $v \
	DATA expc<>+(off+12)(SB)/4, $v \
	DATA expc<>+(off+16)(SB)/4, $v \
	DATA expc<>+(off+20)(SB)/4, $v \
	DATA expc<>+(off+24)(SB)/4, $v \
	DATA expc<>+(off+28)(SB)/4, $v

BCAST(0, 0xc2aeac4f)   // expLo
BCAST(32, 0x42b0999a)  // expHi
BCAST(64, 0x3fb8aa3b)  // expLog2e
BCAST(96, 0x3f318000)  // expLn2Hi
BCAST(128, 0xb95e8083) // expLn2Lo
BCAST(160, 0x39506967) // expP0
BCAST(192, 0x3ab743ce) // expP1
BCAST(224, 0x3c088908) // expP2
BCAST(256, 0x3d2aa9c1) // expP3
BCAST(288, 0x3e2aaaaa) // expP4
BCAST(320, 0x3f000000) // expP5
BCAST(352, 0x3f800000) // 1
BCAST(384, 0x0000007f) // 127 (int32)
GLOBL expc<>(SB), RODATA|NOPTR, $416

// func maxAVX2(x *float32, n int) float32
// Returns the largest of x[:n]; n must be a positive multiple of 8.
TEXT ·maxAVX2(SB), NOSPLIT, $0-20
	MOVQ    x+0(FP), SI
	MOVQ    n+8(FP), CX
	VMOVUPS (SI), Y0
	ADDQ    $32, SI
	SUBQ    $8, CX

maxloop:
	TESTQ  CX, CX
	JZ     maxdone
	VMAXPS (SI), Y0, Y0
	ADDQ   $32, SI
	SUBQ   $8, CX
	JMP    maxloop

maxdone:
	VEXTRACTF128 $1, Y0, X1
	VMAXPS       X1, X0, X0
	VPERMILPS    $0x4e, X0, X1
	VMAXPS       X1, X0, X0
	VPERMILPS    $0xb1, X0, X1
	VMAXPS       X1, X0, X0
	VZEROUPPER
	MOVSS        X0, ret+16(FP)
	RET

// func expSumAVX2(x *float32, n int, shift float32, lanes *[8]float32)
// Replaces x[i] with expVec(x[i]-shift) for i < n (n a positive multiple
// of 8) and stores in lanes[j] the sum, in order, of the new x[i] with
// i%8 == j.
TEXT ·expSumAVX2(SB), NOSPLIT, $0-32
	MOVQ         x+0(FP), SI
	MOVQ         n+8(FP), CX
	VBROADCASTSS shift+16(FP), Y3
	MOVQ         lanes+24(FP), DX
	LEAQ         expc<>(SB), AX
	VMOVUPS      0(AX), Y15  // lo
	VMOVUPS      32(AX), Y14 // hi
	VMOVUPS      64(AX), Y13 // log2e
	VMOVUPS      96(AX), Y12 // ln2Hi
	VMOVUPS      128(AX), Y11 // ln2Lo
	VMOVUPS      352(AX), Y10 // 1
	VXORPS       Y2, Y2, Y2

exploop:
	VMOVUPS   (SI), Y0
	VSUBPS    Y3, Y0, Y0       // x - shift
	VCMPPS    $0x1d, Y15, Y0, Y1 // x >= lo (false for NaN)
	VMINPS    Y14, Y0, Y0
	VMULPS    Y13, Y0, Y6
	VROUNDPS  $0, Y6, Y6       // n, to nearest even
	VMULPS    Y12, Y6, Y7
	VSUBPS    Y7, Y0, Y0
	VMULPS    Y11, Y6, Y7
	VSUBPS    Y7, Y0, Y0       // r
	VMULPS    160(AX), Y0, Y8
	VADDPS    192(AX), Y8, Y8
	VMULPS    Y0, Y8, Y8
	VADDPS    224(AX), Y8, Y8
	VMULPS    Y0, Y8, Y8
	VADDPS    256(AX), Y8, Y8
	VMULPS    Y0, Y8, Y8
	VADDPS    288(AX), Y8, Y8
	VMULPS    Y0, Y8, Y8
	VADDPS    320(AX), Y8, Y8  // P(r)
	VMULPS    Y0, Y0, Y9
	VMULPS    Y9, Y8, Y8
	VADDPS    Y0, Y8, Y8
	VADDPS    Y10, Y8, Y8      // 1 + r + r²P(r)
	VCVTPS2DQ Y6, Y6
	VPADDD    384(AX), Y6, Y6
	VPSLLD    $23, Y6, Y6      // 2^n
	VMULPS    Y6, Y8, Y8
	VANDPS    Y1, Y8, Y8
	VMOVUPS   Y8, (SI)
	VADDPS    Y8, Y2, Y2
	ADDQ      $32, SI
	SUBQ      $8, CX
	JNZ       exploop

	VMOVUPS Y2, (DX)
	VZEROUPPER
	RET

// func scaleAVX2(x *float32, n int, s float32)
// Multiplies x[:n] by s; n must be a positive multiple of 8.
TEXT ·scaleAVX2(SB), NOSPLIT, $0-20
	MOVQ         x+0(FP), SI
	MOVQ         n+8(FP), CX
	VBROADCASTSS s+16(FP), Y1

scaleloop:
	VMULPS  (SI), Y1, Y0
	VMOVUPS Y0, (SI)
	ADDQ    $32, SI
	SUBQ    $8, CX
	JNZ     scaleloop

	VZEROUPPER
	RET

// func swiGLUAVX2(dst, gate, up *float32, n int)
// Sets dst[i] = gate[i] / (1 + expVec(-gate[i])) * up[i] for i < n (a
// positive multiple of 8), each lane exactly as swiGLUGeneric computes it.
TEXT ·swiGLUAVX2(SB), NOSPLIT, $0-32
	MOVQ    dst+0(FP), DI
	MOVQ    gate+8(FP), SI
	MOVQ    up+16(FP), DX
	MOVQ    n+24(FP), CX
	LEAQ    expc<>(SB), AX
	VMOVUPS 0(AX), Y15   // lo
	VMOVUPS 32(AX), Y14  // hi
	VMOVUPS 64(AX), Y13  // log2e
	VMOVUPS 96(AX), Y12  // ln2Hi
	VMOVUPS 128(AX), Y11 // ln2Lo
	VMOVUPS 352(AX), Y10 // 1
	MOVL    $0x80000000, BX
	VMOVD   BX, X5
	VPBROADCASTD X5, Y5  // sign bit

gluloop:
	VMOVUPS   (SI), Y4          // g
	VXORPS    Y5, Y4, Y0        // x = -g
	VCMPPS    $0x1d, Y15, Y0, Y1 // x >= lo (false for NaN)
	VMINPS    Y14, Y0, Y0
	VMULPS    Y13, Y0, Y6
	VROUNDPS  $0, Y6, Y6        // n, to nearest even
	VMULPS    Y12, Y6, Y7
	VSUBPS    Y7, Y0, Y0
	VMULPS    Y11, Y6, Y7
	VSUBPS    Y7, Y0, Y0        // r
	VMULPS    160(AX), Y0, Y8
	VADDPS    192(AX), Y8, Y8
	VMULPS    Y0, Y8, Y8
	VADDPS    224(AX), Y8, Y8
	VMULPS    Y0, Y8, Y8
	VADDPS    256(AX), Y8, Y8
	VMULPS    Y0, Y8, Y8
	VADDPS    288(AX), Y8, Y8
	VMULPS    Y0, Y8, Y8
	VADDPS    320(AX), Y8, Y8   // P(r)
	VMULPS    Y0, Y0, Y9
	VMULPS    Y9, Y8, Y8
	VADDPS    Y0, Y8, Y8
	VADDPS    Y10, Y8, Y8       // 1 + r + r²P(r)
	VCVTPS2DQ Y6, Y6
	VPADDD    384(AX), Y6, Y6
	VPSLLD    $23, Y6, Y6       // 2^n
	VMULPS    Y6, Y8, Y8
	VANDPS    Y1, Y8, Y8        // e^-g
	VADDPS    Y10, Y8, Y8       // 1 + e^-g
	VDIVPS    Y8, Y4, Y4        // g / (1 + e^-g)
	VMULPS    (DX), Y4, Y4
	VMOVUPS   Y4, (DI)
	ADDQ      $32, SI
	ADDQ      $32, DX
	ADDQ      $32, DI
	SUBQ      $8, CX
	JNZ       gluloop

	VZEROUPPER
	RET
