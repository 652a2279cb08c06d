//go:build !noasm

// Four-column AVX2 kernels for batched MatMul: one weight row against four
// activation rows, so each weight block is loaded and unpacked once per
// four products. Activation scales are stored transposed (block-major, see
// scratch.dT in matmul.go) so the four columns' scales of a block are
// adjacent. Pure-Go twin: dot4Generic (four calls of the one-column twin).

#include "textflag.h"

// COMBINE4 folds four vectors of 8 int32 (one per column, Ya..Yd) into Ya
// as [a b c d | a b c d] partial sums. Clobbers Yc.
#define COMBINE4(Ya, Yb, Yc, Yd) \
	VPHADDD Yb, Ya, Ya \
	VPHADDD Yd, Yc, Yc \
	VPHADDD Yc, Ya, Ya

// STORE4 adds the two lanes of Y0 and stores the 4 floats at (DX).
#define STORE4 \
	VEXTRACTF128 $1, Y0, X1 \
	VADDPS       X1, X0, X0 \
	VMOVUPS      X0, (DX)   \
	VZEROUPPER

// Q8COL computes the 8 int32 partial dot products of |w| (Y2) and the
// column's 32 values at addr, signed by w (Y1), into Yr.
#define Q8COL(addr, Yr) \
	VMOVDQU    addr, Yr        \
	VPSIGNB    Y1, Yr, Yr      \
	VPMADDUBSW Yr, Y2, Yr      \
	VPMADDWD   Y15, Yr, Yr

// Q8TAIL scales the four columns' sums of one 32-block into Y0.
#define Q8TAIL(off) \
	COMBINE4(Y3, Y4, Y5, Y6)  \
	VCVTDQ2PS Y3, Y3          \
	MOVWLZX   off(SI), AX     \
	VMOVD     AX, X7          \
	VCVTPH2PS X7, X7          \
	VBROADCASTSS X7, Y7       \
	VBROADCASTF128 (R10), Y8  \
	VMULPS    Y8, Y7, Y7      \
	VFMADD231PS Y3, Y7, Y0

// func dotQ8_0x4AVX2(w *byte, x *int8, xstride int, dT *float32, dstride int, nb int, out *[4]float32)
TEXT ·dotQ8_0x4AVX2(SB), NOSPLIT, $0-56
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ xstride+16(FP), R8
	MOVQ dT+24(FP), R10
	MOVQ dstride+32(FP), R11
	MOVQ nb+40(FP), CX
	MOVQ out+48(FP), DX
	LEAQ (R8)(R8*2), R9
	VPXOR   Y0, Y0, Y0
	VMOVDQU k4_ones16<>(SB), Y15

q80x4loop:
	TESTQ CX, CX
	JZ    q80x4done
	VMOVDQU 2(SI), Y1
	VPSIGNB Y1, Y1, Y2
	Q8COL((DI), Y3)
	Q8COL((DI)(R8*1), Y4)
	Q8COL((DI)(R8*2), Y5)
	Q8COL((DI)(R9*1), Y6)
	Q8TAIL(0)
	ADDQ $34, SI
	ADDQ $32, DI
	ADDQ R11, R10
	DECQ CX
	JMP  q80x4loop

q80x4done:
	STORE4
	RET

// Q4UCOL multiplies unsigned nibbles Y1 with one column's 32 values at
// addr into 8 int32 sums in Yr.
#define Q4UCOL(addr, Yr) \
	VPMADDUBSW addr, Y1, Yr \
	VPMADDWD   Y15, Yr, Yr

// func dotQ4_0x4AVX2(w *byte, x *int8, xstride int, dT, dsT *float32, dstride int, nb int, out *[4]float32)
//
// Nibbles are used unsigned; the -8 offset is applied per block as
// -8*dw*dsT (dsT: the columns' d*sum(x) per block, block-major).
TEXT ·dotQ4_0x4AVX2(SB), NOSPLIT, $0-64
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
	VMOVDQU k4_0f<>(SB), Y13
	VMOVDQU k4_ones16<>(SB), Y15

q40x4loop:
	TESTQ CX, CX
	JZ    q40x4done
	VMOVDQU     2(SI), X1
	VPSRLW      $4, X1, X2
	VINSERTI128 $1, X2, Y1, Y1
	VPAND       Y13, Y1, Y1
	Q4UCOL((DI), Y3)
	Q4UCOL((DI)(R8*1), Y4)
	Q4UCOL((DI)(R8*2), Y5)
	Q4UCOL((DI)(R9*1), Y6)
	COMBINE4(Y3, Y4, Y5, Y6)
	VCVTDQ2PS Y3, Y3
	MOVWLZX   (SI), AX
	VMOVD     AX, X7
	VCVTPH2PS X7, X7
	VBROADCASTSS X7, Y7
	VFMADD231PS (R12), X7, X9
	VBROADCASTF128 (R10), Y8
	VMULPS    Y8, Y7, Y7
	VFMADD231PS Y3, Y7, Y0
	ADDQ $18, SI
	ADDQ $32, DI
	ADDQ R11, R10
	ADDQ R11, R12
	DECQ CX
	JMP  q40x4loop

q40x4done:
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

// func dotQ5_0x4AVX2(w *byte, x *int8, xstride int, dT, dsT *float32, dstride int, nb int, out *[4]float32)
//
// As dotQ4_0x4AVX2 with the fifth bits from qh and offset 16.
TEXT ·dotQ5_0x4AVX2(SB), NOSPLIT, $0-64
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
	VMOVDQU k4_qhshuf<>(SB), Y12
	VMOVDQU k4_bitsel<>(SB), Y11
	VMOVDQU k4_0f<>(SB), Y13
	VMOVDQU k4_10<>(SB), Y14
	VMOVDQU k4_ones16<>(SB), Y15

q50x4loop:
	TESTQ CX, CX
	JZ    q50x4done
	VMOVDQU      6(SI), X1
	VPSRLW       $4, X1, X2
	VINSERTI128  $1, X2, Y1, Y1
	VPAND        Y13, Y1, Y1
	VPBROADCASTD 2(SI), Y2
	VPSHUFB      Y12, Y2, Y2
	VPAND        Y11, Y2, Y2
	VPCMPEQB     Y11, Y2, Y2
	VPAND        Y14, Y2, Y2
	VPOR         Y2, Y1, Y1
	Q4UCOL((DI), Y3)
	Q4UCOL((DI)(R8*1), Y4)
	Q4UCOL((DI)(R8*2), Y5)
	Q4UCOL((DI)(R9*1), Y6)
	COMBINE4(Y3, Y4, Y5, Y6)
	VCVTDQ2PS Y3, Y3
	MOVWLZX   (SI), AX
	VMOVD     AX, X7
	VCVTPH2PS X7, X7
	VBROADCASTSS X7, Y7
	VFMADD231PS (R12), X7, X9
	VBROADCASTF128 (R10), Y8
	VMULPS    Y8, Y7, Y7
	VFMADD231PS Y3, Y7, Y0
	ADDQ $22, SI
	ADDQ $32, DI
	ADDQ R11, R10
	ADDQ R11, R12
	DECQ CX
	JMP  q50x4loop

q50x4done:
	// out = lanes(Y0) - 16*X9
	VEXTRACTF128 $1, Y0, X1
	VADDPS       X1, X0, X0
	MOVL         $0x41800000, AX
	VMOVD        AX, X10
	VBROADCASTSS X10, X10
	VFNMADD231PS X10, X9, X0
	VMOVUPS      X0, (DX)
	VZEROUPPER
	RET

// K4SCALES4 is K4SCALES (dot_amd64.s) for the 4-column kernels: leaves the
// 8 scales as int16 in both lanes of Y2 and the 8 mins, each duplicated
// into an int32's two halves, in Y1. Uses AX BX CX DX R13 R14.
#define K4SCALES4 \
	MOVL  4(SI), AX        \
	MOVL  8(SI), BX        \
	MOVL  12(SI), CX       \
	MOVL  CX, DX           \
	SHRL  $4, DX           \
	ANDL  $0x0f0f0f0f, DX  \
	MOVL  BX, R13          \
	SHRL  $6, R13          \
	ANDL  $0x03030303, R13 \
	SHLL  $4, R13          \
	ORL   R13, DX          \
	MOVL  BX, R14          \
	ANDL  $0x3f3f3f3f, R14 \
	MOVL  CX, BX           \
	ANDL  $0x0f0f0f0f, BX  \
	MOVL  AX, R13          \
	SHRL  $6, R13          \
	ANDL  $0x03030303, R13 \
	SHLL  $4, R13          \
	ORL   R13, BX          \
	ANDL  $0x3f3f3f3f, AX  \
	SHLQ  $32, BX          \
	ORQ   BX, AX           \
	SHLQ  $32, DX          \
	ORQ   R14, DX          \
	MOVQ  AX, X2           \
	VPMOVZXBW X2, X2       \
	VINSERTI128 $1, X2, Y2, Y2 \
	MOVQ  DX, X1           \
	VPMOVZXBD X1, Y1       \
	VPSLLD $16, Y1, Y3     \
	VPOR   Y3, Y1, Y1

// Q4COL4 multiplies the unpacked nibbles (Y8 low, Y9 high) of chunk xoff
// with one column at base(DI)(idx) and adds the scaled sums to Yr.
#define Q4COL4(alo, ahi, Yr) \
	VPMADDUBSW alo, Y8, Y12    \
	VPMADDWD   Y10, Y12, Y12           \
	VPADDD     Y12, Yr, Yr             \
	VPMADDUBSW ahi, Y9, Y12 \
	VPMADDWD   Y11, Y12, Y12           \
	VPADDD     Y12, Yr, Yr

#define Q4CHUNK4(qoff, xoff, moff) \
	VMOVDQU    qoff(SI), Y8        \
	VPSRLW     $4, Y8, Y9          \
	VPAND      Y15, Y8, Y8         \
	VPAND      Y15, Y9, Y9         \
	VPSHUFB    k4_bcastw<>+moff(SB), Y2, Y10    \
	VPSHUFB    k4_bcastw<>+moff+32(SB), Y2, Y11 \
	Q4COL4(xoff(DI), xoff+32(DI), Y4) \
	Q4COL4(xoff(DI)(R8*1), xoff+32(DI)(R8*1), Y5) \
	Q4COL4(xoff(DI)(R8*2), xoff+32(DI)(R8*2), Y6) \
	Q4COL4(xoff(DI)(R9*1), xoff+32(DI)(R9*1), Y7)

// KTAIL4 scales the four columns' integer sums Y4..Y7 (and the mins
// products, from bsums at (R12)) into Y0, with d, dmin the f16s at 0(SI),
// 2(SI) and the column scales at (R10).
#define KTAIL4 \
	COMBINE4(Y4, Y5, Y6, Y7)     \
	VCVTDQ2PS  Y4, Y4            \
	VPMADDWD   (R12), Y1, Y8     \
	VPMADDWD   32(R12), Y1, Y9   \
	VPMADDWD   64(R12), Y1, Y10  \
	VPMADDWD   96(R12), Y1, Y11  \
	COMBINE4(Y8, Y9, Y10, Y11)   \
	VCVTDQ2PS  Y8, Y8            \
	MOVL       (SI), AX          \
	VMOVD      AX, X12           \
	VCVTPH2PS  X12, X12          \
	VBROADCASTSS X12, Y13        \
	VMOVSHDUP  X12, X12          \
	VBROADCASTSS X12, Y12        \
	VBROADCASTF128 (R10), Y3     \
	VMULPS     Y3, Y13, Y13      \
	VMULPS     Y3, Y12, Y12      \
	VFMADD231PS Y4, Y13, Y0      \
	VFNMADD231PS Y8, Y12, Y0

// func dotQ4Kx4AVX2(w *byte, x *int8, xstride int, dT *float32, dstride int, bsT *int16, nb int, out *[4]float32)
TEXT ·dotQ4Kx4AVX2(SB), NOSPLIT, $0-64
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ xstride+16(FP), R8
	MOVQ dT+24(FP), R10
	MOVQ dstride+32(FP), R11
	MOVQ bsT+40(FP), R12
	LEAQ (R8)(R8*2), R9
	VPXOR   Y0, Y0, Y0
	VMOVDQU k4_0f<>(SB), Y15

q4kx4loop:
	CMPQ nb+48(FP), $0
	JEQ  q4kx4done
	PREFETCHT0 2048(SI) // the weights stream from memory: 2 KB ahead
	PREFETCHT0 2112(SI)
	PREFETCHT0 2176(SI)
	K4SCALES4
	VPXOR Y4, Y4, Y4
	VPXOR Y5, Y5, Y5
	VPXOR Y6, Y6, Y6
	VPXOR Y7, Y7, Y7
	Q4CHUNK4(16, 0, 0)
	Q4CHUNK4(48, 64, 64)
	Q4CHUNK4(80, 128, 128)
	Q4CHUNK4(112, 192, 192)
	KTAIL4
	ADDQ $144, SI
	ADDQ $256, DI
	ADDQ R11, R10
	LEAQ (R12)(R11*8), R12
	DECQ nb+48(FP)
	JMP  q4kx4loop

q4kx4done:
	MOVQ out+56(FP), DX
	STORE4
	RET

// func dotQ5Kx4AVX2(w *byte, x *int8, xstride int, dT *float32, dstride int, bsT *int16, nb int, out *[4]float32)
TEXT ·dotQ5Kx4AVX2(SB), NOSPLIT, $0-64
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ xstride+16(FP), R8
	MOVQ dT+24(FP), R10
	MOVQ dstride+32(FP), R11
	MOVQ bsT+40(FP), R12
	LEAQ (R8)(R8*2), R9
	VPXOR   Y0, Y0, Y0
	VMOVDQU k4_0f<>(SB), Y15

q5kx4loop:
	CMPQ nb+48(FP), $0
	JEQ  q5kx4done
	K4SCALES4
	VMOVDQU k4_10<>(SB), Y14
	VMOVDQU 16(SI), Y13
	VPXOR Y4, Y4, Y4
	VPXOR Y5, Y5, Y5
	VPXOR Y6, Y6, Y6
	VPXOR Y7, Y7, Y7
	VMOVDQU    48(SI), Y8
	VPSRLW     $4, Y8, Y9
	VPAND      Y15, Y8, Y8
	VPAND      Y15, Y9, Y9
	VPSLLW $4, Y13, Y3
	VPAND      Y14, Y3, Y3
	VPOR       Y3, Y8, Y8
	VPSLLW $3, Y13, Y3
	VPAND      Y14, Y3, Y3
	VPOR       Y3, Y9, Y9
	VPSHUFB    k4_bcastw<>+0(SB), Y2, Y10
	VPSHUFB    k4_bcastw<>+32(SB), Y2, Y11
	Q4COL4(0(DI), 32(DI), Y4)
	Q4COL4(0(DI)(R8*1), 32(DI)(R8*1), Y5)
	Q4COL4(0(DI)(R8*2), 32(DI)(R8*2), Y6)
	Q4COL4(0(DI)(R9*1), 32(DI)(R9*1), Y7)
	VMOVDQU    80(SI), Y8
	VPSRLW     $4, Y8, Y9
	VPAND      Y15, Y8, Y8
	VPAND      Y15, Y9, Y9
	VPSLLW $2, Y13, Y3
	VPAND      Y14, Y3, Y3
	VPOR       Y3, Y8, Y8
	VPSLLW $1, Y13, Y3
	VPAND      Y14, Y3, Y3
	VPOR       Y3, Y9, Y9
	VPSHUFB    k4_bcastw<>+64(SB), Y2, Y10
	VPSHUFB    k4_bcastw<>+96(SB), Y2, Y11
	Q4COL4(64(DI), 96(DI), Y4)
	Q4COL4(64(DI)(R8*1), 96(DI)(R8*1), Y5)
	Q4COL4(64(DI)(R8*2), 96(DI)(R8*2), Y6)
	Q4COL4(64(DI)(R9*1), 96(DI)(R9*1), Y7)
	VMOVDQU    112(SI), Y8
	VPSRLW     $4, Y8, Y9
	VPAND      Y15, Y8, Y8
	VPAND      Y15, Y9, Y9
	VMOVDQA Y13, Y3
	VPAND      Y14, Y3, Y3
	VPOR       Y3, Y8, Y8
	VPSRLW $1, Y13, Y3
	VPAND      Y14, Y3, Y3
	VPOR       Y3, Y9, Y9
	VPSHUFB    k4_bcastw<>+128(SB), Y2, Y10
	VPSHUFB    k4_bcastw<>+160(SB), Y2, Y11
	Q4COL4(128(DI), 160(DI), Y4)
	Q4COL4(128(DI)(R8*1), 160(DI)(R8*1), Y5)
	Q4COL4(128(DI)(R8*2), 160(DI)(R8*2), Y6)
	Q4COL4(128(DI)(R9*1), 160(DI)(R9*1), Y7)
	VMOVDQU    144(SI), Y8
	VPSRLW     $4, Y8, Y9
	VPAND      Y15, Y8, Y8
	VPAND      Y15, Y9, Y9
	VPSRLW $2, Y13, Y3
	VPAND      Y14, Y3, Y3
	VPOR       Y3, Y8, Y8
	VPSRLW $3, Y13, Y3
	VPAND      Y14, Y3, Y3
	VPOR       Y3, Y9, Y9
	VPSHUFB    k4_bcastw<>+192(SB), Y2, Y10
	VPSHUFB    k4_bcastw<>+224(SB), Y2, Y11
	Q4COL4(192(DI), 224(DI), Y4)
	Q4COL4(192(DI)(R8*1), 224(DI)(R8*1), Y5)
	Q4COL4(192(DI)(R8*2), 224(DI)(R8*2), Y6)
	Q4COL4(192(DI)(R9*1), 224(DI)(R9*1), Y7)
	KTAIL4
	ADDQ $176, SI
	ADDQ $256, DI
	ADDQ R11, R10
	LEAQ (R12)(R11*8), R12
	DECQ nb+48(FP)
	JMP  q5kx4loop

q5kx4done:
	MOVQ out+56(FP), DX
	STORE4
	RET

// HADD4 reduces the four float vectors Y0..Y3 to [sum Y0, sum Y1, sum Y2,
// sum Y3] in X0. Clobbers Y4, Y5.
#define HADD4 \
	VHADDPS      Y1, Y0, Y0 \
	VHADDPS      Y3, Y2, Y2 \
	VHADDPS      Y2, Y0, Y0 \
	VEXTRACTF128 $1, Y0, X4 \
	VADDPS       X4, X0, X0

// func dotF16x4AVX2(w *uint16, x *float32, xstride int, n int, out *[4]float32)
// n must be a multiple of 8; xstride is in bytes.
TEXT ·dotF16x4AVX2(SB), NOSPLIT, $0-40
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ xstride+16(FP), R8
	MOVQ n+24(FP), CX
	MOVQ out+32(FP), DX
	LEAQ (R8)(R8*2), R9
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3

f16x4loop:
	TESTQ CX, CX
	JZ    f16x4done
	VCVTPH2PS (SI), Y4
	VFMADD231PS (DI), Y4, Y0
	VFMADD231PS (DI)(R8*1), Y4, Y1
	VFMADD231PS (DI)(R8*2), Y4, Y2
	VFMADD231PS (DI)(R9*1), Y4, Y3
	ADDQ $16, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JMP  f16x4loop

f16x4done:
	HADD4
	VMOVUPS X0, (DX)
	VZEROUPPER
	RET

// func dotF32x4AVX2(w *float32, x *float32, xstride int, n int, out *[4]float32)
// n must be a multiple of 8; xstride is in bytes.
TEXT ·dotF32x4AVX2(SB), NOSPLIT, $0-40
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ xstride+16(FP), R8
	MOVQ n+24(FP), CX
	MOVQ out+32(FP), DX
	LEAQ (R8)(R8*2), R9
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3

f32x4loop:
	TESTQ CX, CX
	JZ    f32x4done
	VMOVUPS (SI), Y4
	VFMADD231PS (DI), Y4, Y0
	VFMADD231PS (DI)(R8*1), Y4, Y1
	VFMADD231PS (DI)(R8*2), Y4, Y2
	VFMADD231PS (DI)(R9*1), Y4, Y3
	ADDQ $32, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JMP  f32x4loop

f32x4done:
	HADD4
	VMOVUPS X0, (DX)
	VZEROUPPER
	RET

// Q6COL4 multiplies six-bit values Y4 with one column's 32 values at
// xoff(DI)idx, scales by Y11 and adds to Yr.
#define Q6COL4(addr, Yr) \
	VPMADDUBSW addr, Y4, Y5 \
	VPMADDWD   Y11, Y5, Y5         \
	VPADDD     Y5, Yr, Yr

#define Q6COLS4(xoff, Ys, moff) \
	VPSHUFB k4_pairw<>+moff(SB), Ys, Y11 \
	Q6COL4(xoff(DI), Y1) \
	Q6COL4(xoff(DI)(R8*1), Y2) \
	Q6COL4(xoff(DI)(R8*2), Y3) \
	Q6COL4(xoff(DI)(R9*1), Y6)

#define Q6HALF4(qloff, qhoff, xoff, Ys) \
	VMOVDQU qloff(SI), Y8      \
	VMOVDQU qloff+32(SI), Y9   \
	VMOVDQU qhoff(SI), Y10     \
	VPAND   Y15, Y8, Y4        \
	VPSLLW  $4, Y10, Y7        \
	VPAND   Y14, Y7, Y7        \
	VPOR    Y7, Y4, Y4         \
	Q6COLS4(xoff, Ys, 0)       \
	VPAND   Y15, Y9, Y4        \
	VPSLLW  $2, Y10, Y7        \
	VPAND   Y14, Y7, Y7        \
	VPOR    Y7, Y4, Y4         \
	Q6COLS4(xoff+32, Ys, 32)   \
	VPSRLW  $4, Y8, Y4         \
	VPAND   Y15, Y4, Y4        \
	VPAND   Y14, Y10, Y7       \
	VPOR    Y7, Y4, Y4         \
	Q6COLS4(xoff+64, Ys, 64)   \
	VPSRLW  $4, Y9, Y4         \
	VPAND   Y15, Y4, Y4        \
	VPSRLW  $2, Y10, Y7        \
	VPAND   Y14, Y7, Y7        \
	VPOR    Y7, Y4, Y4         \
	Q6COLS4(xoff+96, Ys, 96)

// Q6CORR subtracts 32*sum(scale*bsum) of the column at boff(R12) from Yr.
#define Q6CORR(boff, Yr) \
	VPMADDWD boff(R12), Y4, Y5 \
	VPSLLD   $5, Y5, Y5        \
	VPSUBD   Y5, Yr, Yr

// func dotQ2Kx4AVX2(w *byte, x *int8, xstride int, dT *float32, dstride int, bsT *int16, nb int, out *[4]float32)
TEXT ·dotQ2Kx4AVX2(SB), NOSPLIT, $0-64
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ xstride+16(FP), R8
	MOVQ dT+24(FP), R10
	MOVQ dstride+32(FP), R11
	MOVQ bsT+40(FP), R12
	MOVQ nb+48(FP), CX
	LEAQ (R8)(R8*2), R9
	VPXOR   Y0, Y0, Y0
	VMOVDQU k4_0f<>(SB), Y15
	VMOVDQU k4_03<>(SB), Y14

q2kx4loop:
	TESTQ CX, CX
	JZ    q2kx4done
	VMOVDQU   (SI), X4
	VPAND     X15, X4, X4
	VPMOVZXBW X4, Y4
	VPERMQ    $0x44, Y4, Y12
	VPERMQ    $0xEE, Y4, Y13
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y3, Y3, Y3
	VPXOR Y6, Y6, Y6
	VMOVDQU 16(SI), Y8
	VPAND      Y14, Y8, Y4
	VPSHUFB k4_pairw<>+0(SB), Y12, Y11
	Q6COL4(0(DI), Y1)
	Q6COL4(0(DI)(R8*1), Y2)
	Q6COL4(0(DI)(R8*2), Y3)
	Q6COL4(0(DI)(R9*1), Y6)
	VPSRLW     $2, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSHUFB k4_pairw<>+32(SB), Y12, Y11
	Q6COL4(32(DI), Y1)
	Q6COL4(32(DI)(R8*1), Y2)
	Q6COL4(32(DI)(R8*2), Y3)
	Q6COL4(32(DI)(R9*1), Y6)
	VPSRLW     $4, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSHUFB k4_pairw<>+64(SB), Y12, Y11
	Q6COL4(64(DI), Y1)
	Q6COL4(64(DI)(R8*1), Y2)
	Q6COL4(64(DI)(R8*2), Y3)
	Q6COL4(64(DI)(R9*1), Y6)
	VPSRLW     $6, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSHUFB k4_pairw<>+96(SB), Y12, Y11
	Q6COL4(96(DI), Y1)
	Q6COL4(96(DI)(R8*1), Y2)
	Q6COL4(96(DI)(R8*2), Y3)
	Q6COL4(96(DI)(R9*1), Y6)
	VMOVDQU 48(SI), Y8
	VPAND      Y14, Y8, Y4
	VPSHUFB k4_pairw<>+0(SB), Y13, Y11
	Q6COL4(128(DI), Y1)
	Q6COL4(128(DI)(R8*1), Y2)
	Q6COL4(128(DI)(R8*2), Y3)
	Q6COL4(128(DI)(R9*1), Y6)
	VPSRLW     $2, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSHUFB k4_pairw<>+32(SB), Y13, Y11
	Q6COL4(160(DI), Y1)
	Q6COL4(160(DI)(R8*1), Y2)
	Q6COL4(160(DI)(R8*2), Y3)
	Q6COL4(160(DI)(R9*1), Y6)
	VPSRLW     $4, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSHUFB k4_pairw<>+64(SB), Y13, Y11
	Q6COL4(192(DI), Y1)
	Q6COL4(192(DI)(R8*1), Y2)
	Q6COL4(192(DI)(R8*2), Y3)
	Q6COL4(192(DI)(R9*1), Y6)
	VPSRLW     $6, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSHUFB k4_pairw<>+96(SB), Y13, Y11
	Q6COL4(224(DI), Y1)
	Q6COL4(224(DI)(R8*1), Y2)
	Q6COL4(224(DI)(R8*2), Y3)
	Q6COL4(224(DI)(R9*1), Y6)
	COMBINE4(Y1, Y2, Y3, Y6)
	VCVTDQ2PS Y1, Y1
	// mins: sum over groups of (scale>>4) * bsum, per column
	VMOVDQU   (SI), X4
	VPSRLW    $4, X4, X4
	VPAND     X15, X4, X4
	VPMOVZXBW X4, Y4
	VPMADDWD  (R12), Y4, Y2
	VPMADDWD  32(R12), Y4, Y3
	VPMADDWD  64(R12), Y4, Y5
	VPMADDWD  96(R12), Y4, Y6
	COMBINE4(Y2, Y3, Y5, Y6)
	VCVTDQ2PS Y2, Y2
	MOVL      80(SI), AX
	VMOVD     AX, X7
	VCVTPH2PS X7, X7
	VBROADCASTSS X7, Y8
	VMOVSHDUP X7, X7
	VBROADCASTSS X7, Y7
	VBROADCASTF128 (R10), Y9
	VMULPS    Y9, Y8, Y8
	VMULPS    Y9, Y7, Y7
	VFMADD231PS Y1, Y8, Y0
	VFNMADD231PS Y2, Y7, Y0
	ADDQ $84, SI
	ADDQ $256, DI
	ADDQ R11, R10
	LEAQ (R12)(R11*8), R12
	DECQ CX
	JMP  q2kx4loop

q2kx4done:
	MOVQ out+56(FP), DX
	STORE4
	RET

// func dotQ3Kx4AVX2(w *byte, x *int8, xstride int, dT *float32, dstride int, bsT *int16, nb int, out *[4]float32)
TEXT ·dotQ3Kx4AVX2(SB), NOSPLIT, $0-64
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ xstride+16(FP), R8
	MOVQ dT+24(FP), R10
	MOVQ dstride+32(FP), R11
	MOVQ bsT+40(FP), R12
	LEAQ (R8)(R8*2), R9
	VPXOR   Y0, Y0, Y0
	VMOVDQU k4_04<>(SB), Y15
	VMOVDQU k4_03<>(SB), Y14

q3kx4loop:
	CMPQ nb+48(FP), $0
	JEQ  q3kx4done
	MOVL  96(SI), AX
	MOVL  100(SI), BX
	MOVL  104(SI), CX
	MOVL  AX, DX
	SHRL  $4, DX
	ANDL  $0x0f0f0f0f, DX
	MOVL  CX, R13
	SHRL  $4, R13
	ANDL  $0x03030303, R13
	SHLL  $4, R13
	ORL   R13, DX
	MOVL  BX, R14
	SHRL  $4, R14
	ANDL  $0x0f0f0f0f, R14
	MOVL  CX, R13
	SHRL  $6, R13
	ANDL  $0x03030303, R13
	SHLL  $4, R13
	ORL   R13, R14
	ANDL  $0x0f0f0f0f, AX
	MOVL  CX, R13
	ANDL  $0x03030303, R13
	SHLL  $4, R13
	ORL   R13, AX
	ANDL  $0x0f0f0f0f, BX
	MOVL  CX, R13
	SHRL  $2, R13
	ANDL  $0x03030303, R13
	SHLL  $4, R13
	ORL   R13, BX
	SHLQ  $32, BX
	ORQ   BX, AX
	SHLQ  $32, R14
	ORQ   R14, DX
	MOVQ  AX, X4
	VPINSRQ $1, DX, X4, X4
	VPMOVZXBW X4, Y4
	VPSUBW  k4_32w<>(SB), Y4, Y4
	VPERMQ  $0x44, Y4, Y12
	VPERMQ  $0xEE, Y4, Y13
	VMOVDQU (SI), Y9
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y3, Y3, Y3
	VPXOR Y6, Y6, Y6
	VMOVDQU 32(SI), Y8
	VPAND      Y14, Y8, Y4
	VPSLLW     $2, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPSHUFB k4_pairw<>+0(SB), Y12, Y11
	Q6COL4(0(DI), Y1)
	Q6COL4(0(DI)(R8*1), Y2)
	Q6COL4(0(DI)(R8*2), Y3)
	Q6COL4(0(DI)(R9*1), Y6)
	VPSRLW     $2, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSLLW     $1, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPSHUFB k4_pairw<>+32(SB), Y12, Y11
	Q6COL4(32(DI), Y1)
	Q6COL4(32(DI)(R8*1), Y2)
	Q6COL4(32(DI)(R8*2), Y3)
	Q6COL4(32(DI)(R9*1), Y6)
	VPSRLW     $4, Y8, Y4
	VPAND      Y14, Y4, Y4
	VMOVDQA    Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPSHUFB k4_pairw<>+64(SB), Y12, Y11
	Q6COL4(64(DI), Y1)
	Q6COL4(64(DI)(R8*1), Y2)
	Q6COL4(64(DI)(R8*2), Y3)
	Q6COL4(64(DI)(R9*1), Y6)
	VPSRLW     $6, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSRLW     $1, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPSHUFB k4_pairw<>+96(SB), Y12, Y11
	Q6COL4(96(DI), Y1)
	Q6COL4(96(DI)(R8*1), Y2)
	Q6COL4(96(DI)(R8*2), Y3)
	Q6COL4(96(DI)(R9*1), Y6)
	VMOVDQU 64(SI), Y8
	VPAND      Y14, Y8, Y4
	VPSRLW     $2, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPSHUFB k4_pairw<>+0(SB), Y13, Y11
	Q6COL4(128(DI), Y1)
	Q6COL4(128(DI)(R8*1), Y2)
	Q6COL4(128(DI)(R8*2), Y3)
	Q6COL4(128(DI)(R9*1), Y6)
	VPSRLW     $2, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSRLW     $3, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPSHUFB k4_pairw<>+32(SB), Y13, Y11
	Q6COL4(160(DI), Y1)
	Q6COL4(160(DI)(R8*1), Y2)
	Q6COL4(160(DI)(R8*2), Y3)
	Q6COL4(160(DI)(R9*1), Y6)
	VPSRLW     $4, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSRLW     $4, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPSHUFB k4_pairw<>+64(SB), Y13, Y11
	Q6COL4(192(DI), Y1)
	Q6COL4(192(DI)(R8*1), Y2)
	Q6COL4(192(DI)(R8*2), Y3)
	Q6COL4(192(DI)(R9*1), Y6)
	VPSRLW     $6, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSRLW     $5, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPSHUFB k4_pairw<>+96(SB), Y13, Y11
	Q6COL4(224(DI), Y1)
	Q6COL4(224(DI)(R8*1), Y2)
	Q6COL4(224(DI)(R8*2), Y3)
	Q6COL4(224(DI)(R9*1), Y6)
	// -4 * sum(scale * bsum) per column
	VPERMQ    $0x44, Y12, Y4
	VPERMQ    $0x44, Y13, Y5
	VPERM2I128 $0x20, Y5, Y4, Y4
	VPMADDWD  (R12), Y4, Y5
	VPSLLD    $2, Y5, Y5
	VPSUBD    Y5, Y1, Y1
	VPMADDWD  32(R12), Y4, Y5
	VPSLLD    $2, Y5, Y5
	VPSUBD    Y5, Y2, Y2
	VPMADDWD  64(R12), Y4, Y5
	VPSLLD    $2, Y5, Y5
	VPSUBD    Y5, Y3, Y3
	VPMADDWD  96(R12), Y4, Y5
	VPSLLD    $2, Y5, Y5
	VPSUBD    Y5, Y6, Y6
	COMBINE4(Y1, Y2, Y3, Y6)
	VCVTDQ2PS Y1, Y1
	MOVWLZX   108(SI), AX
	VMOVD     AX, X7
	VCVTPH2PS X7, X7
	VBROADCASTSS X7, Y7
	VBROADCASTF128 (R10), Y8
	VMULPS    Y8, Y7, Y7
	VFMADD231PS Y1, Y7, Y0
	ADDQ $110, SI
	ADDQ $256, DI
	ADDQ R11, R10
	LEAQ (R12)(R11*8), R12
	DECQ nb+48(FP)
	JMP  q3kx4loop

q3kx4done:
	MOVQ out+56(FP), DX
	STORE4
	RET

// func dotQ6Kx4AVX2(w *byte, x *int8, xstride int, dT *float32, dstride int, bsT *int16, nb int, out *[4]float32)
TEXT ·dotQ6Kx4AVX2(SB), NOSPLIT, $0-64
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ xstride+16(FP), R8
	MOVQ dT+24(FP), R10
	MOVQ dstride+32(FP), R11
	MOVQ bsT+40(FP), R12
	MOVQ nb+48(FP), CX
	LEAQ (R8)(R8*2), R9
	VPXOR   Y0, Y0, Y0
	VMOVDQU k4_0f<>(SB), Y15
	VMOVDQU k4_30<>(SB), Y14

q6kx4loop:
	TESTQ CX, CX
	JZ    q6kx4done
	// The weights stream from memory (an output matrix is the largest of
	// a model): fetch the block 2 KB ahead.
	PREFETCHT0 2048(SI)
	PREFETCHT0 2112(SI)
	PREFETCHT0 2176(SI)
	PREFETCHT0 2240(SI)
	VPMOVSXBW 192(SI), Y4
	VPERMQ    $0x44, Y4, Y12
	VPERMQ    $0xEE, Y4, Y13
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y3, Y3, Y3
	VPXOR Y6, Y6, Y6
	Q6HALF4(0, 128, 0, Y12)
	Q6HALF4(64, 160, 128, Y13)
	VPMOVSXBW 192(SI), Y4
	Q6CORR(0, Y1)
	Q6CORR(32, Y2)
	Q6CORR(64, Y3)
	Q6CORR(96, Y6)
	COMBINE4(Y1, Y2, Y3, Y6)
	VCVTDQ2PS Y1, Y1
	MOVWLZX   208(SI), AX
	VMOVD     AX, X7
	VCVTPH2PS X7, X7
	VBROADCASTSS X7, Y7
	VBROADCASTF128 (R10), Y8
	VMULPS    Y8, Y7, Y7
	VFMADD231PS Y1, Y7, Y0
	ADDQ $210, SI
	ADDQ $256, DI
	ADDQ R11, R10
	LEAQ (R12)(R11*8), R12
	DECQ CX
	JMP  q6kx4loop

q6kx4done:
	MOVQ out+56(FP), DX
	STORE4
	RET
DATA k4_0f<>+0(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA k4_0f<>+8(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA k4_0f<>+16(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA k4_0f<>+24(SB)/8, $0x0f0f0f0f0f0f0f0f
GLOBL k4_0f<>(SB), RODATA|NOPTR, $32
DATA k4_30<>+0(SB)/8, $0x3030303030303030
DATA k4_30<>+8(SB)/8, $0x3030303030303030
DATA k4_30<>+16(SB)/8, $0x3030303030303030
DATA k4_30<>+24(SB)/8, $0x3030303030303030
GLOBL k4_30<>(SB), RODATA|NOPTR, $32
DATA k4_10<>+0(SB)/8, $0x1010101010101010
DATA k4_10<>+8(SB)/8, $0x1010101010101010
DATA k4_10<>+16(SB)/8, $0x1010101010101010
DATA k4_10<>+24(SB)/8, $0x1010101010101010
GLOBL k4_10<>(SB), RODATA|NOPTR, $32
DATA k4_08<>+0(SB)/8, $0x0808080808080808
DATA k4_08<>+8(SB)/8, $0x0808080808080808
DATA k4_08<>+16(SB)/8, $0x0808080808080808
DATA k4_08<>+24(SB)/8, $0x0808080808080808
GLOBL k4_08<>(SB), RODATA|NOPTR, $32
DATA k4_ones16<>+0(SB)/8, $0x0001000100010001
DATA k4_ones16<>+8(SB)/8, $0x0001000100010001
DATA k4_ones16<>+16(SB)/8, $0x0001000100010001
DATA k4_ones16<>+24(SB)/8, $0x0001000100010001
GLOBL k4_ones16<>(SB), RODATA|NOPTR, $32
DATA k4_bcastw<>+0(SB)/8, $0x0100010001000100
DATA k4_bcastw<>+8(SB)/8, $0x0100010001000100
DATA k4_bcastw<>+16(SB)/8, $0x0100010001000100
DATA k4_bcastw<>+24(SB)/8, $0x0100010001000100
DATA k4_bcastw<>+32(SB)/8, $0x0302030203020302
DATA k4_bcastw<>+40(SB)/8, $0x0302030203020302
DATA k4_bcastw<>+48(SB)/8, $0x0302030203020302
DATA k4_bcastw<>+56(SB)/8, $0x0302030203020302
DATA k4_bcastw<>+64(SB)/8, $0x0504050405040504
DATA k4_bcastw<>+72(SB)/8, $0x0504050405040504
DATA k4_bcastw<>+80(SB)/8, $0x0504050405040504
DATA k4_bcastw<>+88(SB)/8, $0x0504050405040504
DATA k4_bcastw<>+96(SB)/8, $0x0706070607060706
DATA k4_bcastw<>+104(SB)/8, $0x0706070607060706
DATA k4_bcastw<>+112(SB)/8, $0x0706070607060706
DATA k4_bcastw<>+120(SB)/8, $0x0706070607060706
DATA k4_bcastw<>+128(SB)/8, $0x0908090809080908
DATA k4_bcastw<>+136(SB)/8, $0x0908090809080908
DATA k4_bcastw<>+144(SB)/8, $0x0908090809080908
DATA k4_bcastw<>+152(SB)/8, $0x0908090809080908
DATA k4_bcastw<>+160(SB)/8, $0x0b0a0b0a0b0a0b0a
DATA k4_bcastw<>+168(SB)/8, $0x0b0a0b0a0b0a0b0a
DATA k4_bcastw<>+176(SB)/8, $0x0b0a0b0a0b0a0b0a
DATA k4_bcastw<>+184(SB)/8, $0x0b0a0b0a0b0a0b0a
DATA k4_bcastw<>+192(SB)/8, $0x0d0c0d0c0d0c0d0c
DATA k4_bcastw<>+200(SB)/8, $0x0d0c0d0c0d0c0d0c
DATA k4_bcastw<>+208(SB)/8, $0x0d0c0d0c0d0c0d0c
DATA k4_bcastw<>+216(SB)/8, $0x0d0c0d0c0d0c0d0c
DATA k4_bcastw<>+224(SB)/8, $0x0f0e0f0e0f0e0f0e
DATA k4_bcastw<>+232(SB)/8, $0x0f0e0f0e0f0e0f0e
DATA k4_bcastw<>+240(SB)/8, $0x0f0e0f0e0f0e0f0e
DATA k4_bcastw<>+248(SB)/8, $0x0f0e0f0e0f0e0f0e
GLOBL k4_bcastw<>(SB), RODATA|NOPTR, $256
DATA k4_pairw<>+0(SB)/8, $0x0100010001000100
DATA k4_pairw<>+8(SB)/8, $0x0100010001000100
DATA k4_pairw<>+16(SB)/8, $0x0302030203020302
DATA k4_pairw<>+24(SB)/8, $0x0302030203020302
DATA k4_pairw<>+32(SB)/8, $0x0504050405040504
DATA k4_pairw<>+40(SB)/8, $0x0504050405040504
DATA k4_pairw<>+48(SB)/8, $0x0706070607060706
DATA k4_pairw<>+56(SB)/8, $0x0706070607060706
DATA k4_pairw<>+64(SB)/8, $0x0908090809080908
DATA k4_pairw<>+72(SB)/8, $0x0908090809080908
DATA k4_pairw<>+80(SB)/8, $0x0b0a0b0a0b0a0b0a
DATA k4_pairw<>+88(SB)/8, $0x0b0a0b0a0b0a0b0a
DATA k4_pairw<>+96(SB)/8, $0x0d0c0d0c0d0c0d0c
DATA k4_pairw<>+104(SB)/8, $0x0d0c0d0c0d0c0d0c
DATA k4_pairw<>+112(SB)/8, $0x0f0e0f0e0f0e0f0e
DATA k4_pairw<>+120(SB)/8, $0x0f0e0f0e0f0e0f0e
GLOBL k4_pairw<>(SB), RODATA|NOPTR, $128
DATA k4_qhshuf<>+0(SB)/8, $0x0000000000000000
DATA k4_qhshuf<>+8(SB)/8, $0x0101010101010101
DATA k4_qhshuf<>+16(SB)/8, $0x0202020202020202
DATA k4_qhshuf<>+24(SB)/8, $0x0303030303030303
GLOBL k4_qhshuf<>(SB), RODATA|NOPTR, $32
DATA k4_bitsel<>+0(SB)/8, $0x8040201008040201
DATA k4_bitsel<>+8(SB)/8, $0x8040201008040201
DATA k4_bitsel<>+16(SB)/8, $0x8040201008040201
DATA k4_bitsel<>+24(SB)/8, $0x8040201008040201
GLOBL k4_bitsel<>(SB), RODATA|NOPTR, $32
DATA k4_03<>+0(SB)/8, $0x0303030303030303
DATA k4_03<>+8(SB)/8, $0x0303030303030303
DATA k4_03<>+16(SB)/8, $0x0303030303030303
DATA k4_03<>+24(SB)/8, $0x0303030303030303
GLOBL k4_03<>(SB), RODATA|NOPTR, $32
DATA k4_04<>+0(SB)/8, $0x0404040404040404
DATA k4_04<>+8(SB)/8, $0x0404040404040404
DATA k4_04<>+16(SB)/8, $0x0404040404040404
DATA k4_04<>+24(SB)/8, $0x0404040404040404
GLOBL k4_04<>(SB), RODATA|NOPTR, $32
DATA k4_32w<>+0(SB)/8, $0x0020002000200020
DATA k4_32w<>+8(SB)/8, $0x0020002000200020
DATA k4_32w<>+16(SB)/8, $0x0020002000200020
DATA k4_32w<>+24(SB)/8, $0x0020002000200020
GLOBL k4_32w<>(SB), RODATA|NOPTR, $32

// func dotF32x2x4AVX2(w *float32, wstride int, x *float32, xstride int, n int, out *[8]float32)
// Two float32 weight rows (wstride bytes apart) times four activation
// rows: out[4*k+c] is row k times column c, each summed in the same lanes
// and order as dotF32x4AVX2. n must be a multiple of 8; strides are in
// bytes.
TEXT ·dotF32x2x4AVX2(SB), NOSPLIT, $0-48
	MOVQ w+0(FP), SI
	MOVQ wstride+8(FP), R10
	MOVQ x+16(FP), DI
	MOVQ xstride+24(FP), R8
	MOVQ n+32(FP), CX
	MOVQ out+40(FP), DX
	LEAQ (R8)(R8*2), R9
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	VXORPS Y8, Y8, Y8
	VXORPS Y9, Y9, Y9

f32x2x4loop:
	TESTQ CX, CX
	JZ    f32x2x4done
	VMOVUPS (SI), Y4
	VMOVUPS (SI)(R10*1), Y5
	VMOVUPS (DI), Y10
	VMOVUPS (DI)(R8*1), Y11
	VMOVUPS (DI)(R8*2), Y12
	VMOVUPS (DI)(R9*1), Y13
	VFMADD231PS Y10, Y4, Y0
	VFMADD231PS Y10, Y5, Y6
	VFMADD231PS Y11, Y4, Y1
	VFMADD231PS Y11, Y5, Y7
	VFMADD231PS Y12, Y4, Y2
	VFMADD231PS Y12, Y5, Y8
	VFMADD231PS Y13, Y4, Y3
	VFMADD231PS Y13, Y5, Y9
	ADDQ $32, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JMP  f32x2x4loop

f32x2x4done:
	HADD4
	VMOVUPS X0, (DX)
	VMOVAPS Y6, Y0
	VMOVAPS Y7, Y1
	VMOVAPS Y8, Y2
	VMOVAPS Y9, Y3
	HADD4
	VMOVUPS X0, 16(DX)
	VZEROUPPER
	RET

// func dotF16x3x4AVX2(w *uint16, wstride int, x *float32, xstride int, n int, out *[12]float32)
// Three weight rows (wstride bytes apart) times four activation rows:
// out[4*k+c] is row k times column c, each summed in the same lanes and
// order as dotF16x4AVX2. Twelve accumulators keep both FMA pipes busy
// despite their latency; the activations pass through Y15 only. n must be a multiple of 8; strides are in bytes.
TEXT ·dotF16x3x4AVX2(SB), NOSPLIT, $0-48
	MOVQ w+0(FP), SI
	MOVQ wstride+8(FP), R10
	MOVQ x+16(FP), DI
	MOVQ xstride+24(FP), R8
	MOVQ n+32(FP), CX
	MOVQ out+40(FP), DX
	LEAQ (R8)(R8*2), R9
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	VXORPS Y8, Y8, Y8
	VXORPS Y9, Y9, Y9
	VXORPS Y10, Y10, Y10
	VXORPS Y11, Y11, Y11
	VXORPS Y12, Y12, Y12
	VXORPS Y13, Y13, Y13

f16x3x4loop:
	TESTQ CX, CX
	JZ    f16x3x4done
	VCVTPH2PS (SI), Y4
	VCVTPH2PS (SI)(R10*1), Y5
	VCVTPH2PS (SI)(R10*2), Y14
	VMOVUPS (DI), Y15
	VFMADD231PS Y15, Y4, Y0
	VFMADD231PS Y15, Y5, Y6
	VFMADD231PS Y15, Y14, Y10
	VMOVUPS (DI)(R8*1), Y15
	VFMADD231PS Y15, Y4, Y1
	VFMADD231PS Y15, Y5, Y7
	VFMADD231PS Y15, Y14, Y11
	VMOVUPS (DI)(R8*2), Y15
	VFMADD231PS Y15, Y4, Y2
	VFMADD231PS Y15, Y5, Y8
	VFMADD231PS Y15, Y14, Y12
	VMOVUPS (DI)(R9*1), Y15
	VFMADD231PS Y15, Y4, Y3
	VFMADD231PS Y15, Y5, Y9
	VFMADD231PS Y15, Y14, Y13
	ADDQ $16, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JMP  f16x3x4loop

f16x3x4done:
	HADD4
	VMOVUPS X0, (DX)
	VMOVAPS Y6, Y0
	VMOVAPS Y7, Y1
	VMOVAPS Y8, Y2
	VMOVAPS Y9, Y3
	HADD4
	VMOVUPS X0, 16(DX)
	VMOVAPS Y10, Y0
	VMOVAPS Y11, Y1
	VMOVAPS Y12, Y2
	VMOVAPS Y13, Y3
	HADD4
	VMOVUPS X0, 32(DX)
	VZEROUPPER
	RET

// VNNI versions of the Q4_K and Q6_K four-column kernels: VPDPWSSD (on YMM
// registers, AVX512_VNNI with AVX512VL) replaces each VPMADDWD+VPADDD pair
// that scales and accumulates the VPMADDUBSW pair sums. Both add the same
// int32 products without saturation, so the results equal the AVX2
// kernels' bit for bit. Pure-Go twin: dot4Generic.

#define Q4COL4V(alo, ahi, Yr) \
	VPMADDUBSW alo, Y8, Y12 \
	VPDPWSSD   Y10, Y12, Yr \
	VPMADDUBSW ahi, Y9, Y13 \
	VPDPWSSD   Y11, Y13, Yr

#define Q4CHUNK4V(qoff, xoff, moff) \
	VMOVDQU    qoff(SI), Y8        \
	VPSRLW     $4, Y8, Y9          \
	VPAND      Y15, Y8, Y8         \
	VPAND      Y15, Y9, Y9         \
	VPSHUFB    k4_bcastw<>+moff(SB), Y2, Y10    \
	VPSHUFB    k4_bcastw<>+moff+32(SB), Y2, Y11 \
	Q4COL4V(xoff(DI), xoff+32(DI), Y4) \
	Q4COL4V(xoff(DI)(R8*1), xoff+32(DI)(R8*1), Y5) \
	Q4COL4V(xoff(DI)(R8*2), xoff+32(DI)(R8*2), Y6) \
	Q4COL4V(xoff(DI)(R9*1), xoff+32(DI)(R9*1), Y7)

#define Q6COL4V(addr, Yr) \
	VPMADDUBSW addr, Y4, Y5 \
	VPDPWSSD   Y11, Y5, Yr

#define Q6COLS4V(xoff, Ys, moff) \
	VPSHUFB k4_pairw<>+moff(SB), Ys, Y11 \
	Q6COL4V(xoff(DI), Y1) \
	Q6COL4V(xoff(DI)(R8*1), Y2) \
	Q6COL4V(xoff(DI)(R8*2), Y3) \
	Q6COL4V(xoff(DI)(R9*1), Y6)

#define Q6HALF4V(qloff, qhoff, xoff, Ys) \
	VMOVDQU qloff(SI), Y8      \
	VMOVDQU qloff+32(SI), Y9   \
	VMOVDQU qhoff(SI), Y10     \
	VPAND   Y15, Y8, Y4        \
	VPSLLW  $4, Y10, Y7        \
	VPAND   Y14, Y7, Y7        \
	VPOR    Y7, Y4, Y4         \
	Q6COLS4V(xoff, Ys, 0)       \
	VPAND   Y15, Y9, Y4        \
	VPSLLW  $2, Y10, Y7        \
	VPAND   Y14, Y7, Y7        \
	VPOR    Y7, Y4, Y4         \
	Q6COLS4V(xoff+32, Ys, 32)   \
	VPSRLW  $4, Y8, Y4         \
	VPAND   Y15, Y4, Y4        \
	VPAND   Y14, Y10, Y7       \
	VPOR    Y7, Y4, Y4         \
	Q6COLS4V(xoff+64, Ys, 64)   \
	VPSRLW  $4, Y9, Y4         \
	VPAND   Y15, Y4, Y4        \
	VPSRLW  $2, Y10, Y7        \
	VPAND   Y14, Y7, Y7        \
	VPOR    Y7, Y4, Y4         \
	Q6COLS4V(xoff+96, Ys, 96)

// func dotQ4Kx4VNNI(w *byte, x *int8, xstride int, dT *float32, dstride int, bsT *int16, nb int, out *[4]float32)
TEXT ·dotQ4Kx4VNNI(SB), NOSPLIT, $0-64
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ xstride+16(FP), R8
	MOVQ dT+24(FP), R10
	MOVQ dstride+32(FP), R11
	MOVQ bsT+40(FP), R12
	LEAQ (R8)(R8*2), R9
	VPXOR   Y0, Y0, Y0
	VMOVDQU k4_0f<>(SB), Y15

q4kx4vloop:
	CMPQ nb+48(FP), $0
	JEQ  q4kx4vdone
	PREFETCHT0 2048(SI) // the weights stream from memory: 2 KB ahead
	PREFETCHT0 2112(SI)
	PREFETCHT0 2176(SI)
	K4SCALES4
	VPXOR Y4, Y4, Y4
	VPXOR Y5, Y5, Y5
	VPXOR Y6, Y6, Y6
	VPXOR Y7, Y7, Y7
	Q4CHUNK4V(16, 0, 0)
	Q4CHUNK4V(48, 64, 64)
	Q4CHUNK4V(80, 128, 128)
	Q4CHUNK4V(112, 192, 192)
	KTAIL4
	ADDQ $144, SI
	ADDQ $256, DI
	ADDQ R11, R10
	LEAQ (R12)(R11*8), R12
	DECQ nb+48(FP)
	JMP  q4kx4vloop

q4kx4vdone:
	MOVQ out+56(FP), DX
	STORE4
	RET

// func dotQ6Kx4VNNI(w *byte, x *int8, xstride int, dT *float32, dstride int, bsT *int16, nb int, out *[4]float32)
TEXT ·dotQ6Kx4VNNI(SB), NOSPLIT, $0-64
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ xstride+16(FP), R8
	MOVQ dT+24(FP), R10
	MOVQ dstride+32(FP), R11
	MOVQ bsT+40(FP), R12
	MOVQ nb+48(FP), CX
	LEAQ (R8)(R8*2), R9
	VPXOR   Y0, Y0, Y0
	VMOVDQU k4_0f<>(SB), Y15
	VMOVDQU k4_30<>(SB), Y14

q6kx4vloop:
	TESTQ CX, CX
	JZ    q6kx4vdone
	// The weights stream from memory (an output matrix is the largest of
	// a model): fetch the block 2 KB ahead.
	PREFETCHT0 2048(SI)
	PREFETCHT0 2112(SI)
	PREFETCHT0 2176(SI)
	PREFETCHT0 2240(SI)
	VPMOVSXBW 192(SI), Y4
	VPERMQ    $0x44, Y4, Y12
	VPERMQ    $0xEE, Y4, Y13
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y3, Y3, Y3
	VPXOR Y6, Y6, Y6
	Q6HALF4V(0, 128, 0, Y12)
	Q6HALF4V(64, 160, 128, Y13)
	VPMOVSXBW 192(SI), Y4
	Q6CORR(0, Y1)
	Q6CORR(32, Y2)
	Q6CORR(64, Y3)
	Q6CORR(96, Y6)
	COMBINE4(Y1, Y2, Y3, Y6)
	VCVTDQ2PS Y1, Y1
	MOVWLZX   208(SI), AX
	VMOVD     AX, X7
	VCVTPH2PS X7, X7
	VBROADCASTSS X7, Y7
	VBROADCASTF128 (R10), Y8
	VMULPS    Y8, Y7, Y7
	VFMADD231PS Y1, Y7, Y0
	ADDQ $210, SI
	ADDQ $256, DI
	ADDQ R11, R10
	LEAQ (R12)(R11*8), R12
	DECQ CX
	JMP  q6kx4vloop

q6kx4vdone:
	MOVQ out+56(FP), DX
	STORE4
	RET
