//go:build !noasm

// AVX-512 VNNI versions of the four-column Q8_0 and Q4_0 kernels
// (dot4_amd64.s): VPDPBUSD (on YMM registers, EVEX encoded) replaces each
// VPMADDUBSW+VPMADDWD pair. The pairs never saturate for these formats
// (|pair sum| <= 2*128*128), so the integer sums and therefore the results
// equal the AVX2 kernels' bit for bit. Pure-Go twin: dot4Generic.

#include "textflag.h"

#define COMBINE4V(Ya, Yb, Yc, Yd) \
	VPHADDD Yb, Ya, Ya \
	VPHADDD Yd, Yc, Yc \
	VPHADDD Yc, Ya, Ya

// Q8COLV: Yr = 8 int32 partial dot products of |w| (Y2) with the column's
// 32 values at addr signed by w (Y1); Yt is scratch.
#define Q8COLV(addr, Yr, Yt) \
	VMOVDQU  addr, Yt     \
	VPSIGNB  Y1, Yt, Yt   \
	VPXOR    Yr, Yr, Yr   \
	VPDPBUSD Yt, Y2, Yr

// func dotQ8_0x4VNNI(w *byte, x *int8, xstride int, dT *float32, dstride int, nb int, out *[4]float32)
TEXT ·dotQ8_0x4VNNI(SB), NOSPLIT, $0-56
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ xstride+16(FP), R8
	MOVQ dT+24(FP), R10
	MOVQ dstride+32(FP), R11
	MOVQ nb+40(FP), CX
	MOVQ out+48(FP), DX
	LEAQ (R8)(R8*2), R9
	VPXOR Y0, Y0, Y0

q80x4vloop:
	TESTQ CX, CX
	JZ    q80x4vdone
	VMOVDQU 2(SI), Y1
	VPSIGNB Y1, Y1, Y2
	Q8COLV((DI), Y3, Y9)
	Q8COLV((DI)(R8*1), Y4, Y10)
	Q8COLV((DI)(R8*2), Y5, Y11)
	Q8COLV((DI)(R9*1), Y6, Y12)
	COMBINE4V(Y3, Y4, Y5, Y6)
	VCVTDQ2PS      Y3, Y3
	MOVWLZX        (SI), AX
	VMOVD          AX, X7
	VCVTPH2PS      X7, X7
	VBROADCASTSS   X7, Y7
	VBROADCASTF128 (R10), Y8
	VMULPS         Y8, Y7, Y7
	VFMADD231PS    Y3, Y7, Y0
	ADDQ $34, SI
	ADDQ $32, DI
	ADDQ R11, R10
	DECQ CX
	JMP  q80x4vloop

q80x4vdone:
	VEXTRACTF128 $1, Y0, X1
	VADDPS       X1, X0, X0
	VMOVUPS      X0, (DX)
	VZEROUPPER
	RET

// Q4UCOLV: Yr = 8 int32 sums of the unsigned nibbles Y1 times one
// column's 32 values at addr.
#define Q4UCOLV(addr, Yr) \
	VPXOR    Yr, Yr, Yr \
	VPDPBUSD addr, Y1, Yr

// func dotQ4_0x4VNNI(w *byte, x *int8, xstride int, dT, dsT *float32, dstride int, nb int, out *[4]float32)
TEXT ·dotQ4_0x4VNNI(SB), NOSPLIT, $0-64
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ xstride+16(FP), R8
	MOVQ dT+24(FP), R10
	MOVQ dsT+32(FP), R12
	MOVQ dstride+40(FP), R11
	MOVQ nb+48(FP), CX
	MOVQ out+56(FP), DX
	LEAQ (R8)(R8*2), R9
	VPXOR   Y0, Y0, Y0
	VPXOR   Y9, Y9, Y9
	VMOVDQU k4v_0f<>(SB), Y13

q40x4vloop:
	TESTQ CX, CX
	JZ    q40x4vdone
	VMOVDQU     2(SI), X1
	VPSRLW      $4, X1, X2
	VINSERTI128 $1, X2, Y1, Y1
	VPAND       Y13, Y1, Y1
	Q4UCOLV((DI), Y3)
	Q4UCOLV((DI)(R8*1), Y4)
	Q4UCOLV((DI)(R8*2), Y5)
	Q4UCOLV((DI)(R9*1), Y6)
	COMBINE4V(Y3, Y4, Y5, Y6)
	VCVTDQ2PS      Y3, Y3
	MOVWLZX        (SI), AX
	VMOVD          AX, X7
	VCVTPH2PS      X7, X7
	VBROADCASTSS   X7, Y7
	VFMADD231PS    (R12), X7, X9
	VBROADCASTF128 (R10), Y8
	VMULPS         Y8, Y7, Y7
	VFMADD231PS    Y3, Y7, Y0
	ADDQ $18, SI
	ADDQ $32, DI
	ADDQ R11, R10
	ADDQ R11, R12
	DECQ CX
	JMP  q40x4vloop

q40x4vdone:
	// out = lanes(Y0) - 8*X9
	VEXTRACTF128 $1, Y0, X1
	VADDPS       X1, X0, X0
	MOVL         $0x41000000, AX
	VMOVD        AX, X10
	VBROADCASTSS X10, X10
	VFNMADD231PS X10, X9, X0
	VMOVUPS      X0, (DX)
	VZEROUPPER
	RET

DATA k4v_0f<>+0(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA k4v_0f<>+8(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA k4v_0f<>+16(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA k4v_0f<>+24(SB)/8, $0x0f0f0f0f0f0f0f0f
GLOBL k4v_0f<>(SB), RODATA|NOPTR, $32
