//go:build !noasm

// Six-row by four-column F16 and F32 dot-product tiles for CPUs with
// AVX-512 (F and VL): the 24 accumulators, six weight vectors and the
// activation vector need 31 of the 32 YMM registers EVEX encoding
// reaches. Each product is summed in the same eight lanes, in the same
// order, and reduced the same way (HADD4) as the one-row four-column
// kernels dotF16x4AVX2 and dotF32x4AVX2 (dot4_amd64.s), so the results
// equal theirs bit for bit; a 6×4 tile loads 10 vectors per 24 FMAs
// where the 3×4 AVX2 tile loads 7 per 12, which keeps the FMA pipes fed
// when the rows come from L2. The kernels store their results straight
// into the output matrix. Pure-Go twin: dotNx4Generic.

#include "textflag.h"

// HADD4 reduces the four float vectors Y0..Y3 to [sum Y0, sum Y1, sum Y2,
// sum Y3] in X0, exactly as dot4_amd64.s does. Clobbers Y4, Y5.
#define HADD4 \
	VHADDPS      Y1, Y0, Y0 \
	VHADDPS      Y3, Y2, Y2 \
	VHADDPS      Y2, Y0, Y0 \
	VEXTRACTF128 $1, Y0, X4 \
	VADDPS       X4, X0, X0

// COL6 adds the products of activation vector Y6 with the six weight
// vectors Y0..Y5 to the six accumulators of one column.
#define COL6(a0, a1, a2, a3, a4, a5) \
	VFMADD231PS Y6, Y0, a0 \
	VFMADD231PS Y6, Y1, a1 \
	VFMADD231PS Y6, Y2, a2 \
	VFMADD231PS Y6, Y3, a3 \
	VFMADD231PS Y6, Y4, a4 \
	VFMADD231PS Y6, Y5, a5

// COLS4 runs the four activation rows at DI, DI+R8, DI+2*R8, DI+R9
// against the weight vectors Y0..Y5.
#define COLS4 \
	VMOVUPS (DI), Y6 \
	COL6(Y8, Y12, Y16, Y20, Y24, Y28) \
	VMOVUPS (DI)(R8*1), Y6 \
	COL6(Y9, Y13, Y17, Y21, Y25, Y29) \
	VMOVUPS (DI)(R8*2), Y6 \
	COL6(Y10, Y14, Y18, Y22, Y26, Y30) \
	VMOVUPS (DI)(R9*1), Y6 \
	COL6(Y11, Y15, Y19, Y23, Y27, Y31)

// COLS4H is COLS4 for activations stored as half-precision bits.
#define COLS4H \
	VCVTPH2PS (DI), Y6 \
	COL6(Y8, Y12, Y16, Y20, Y24, Y28) \
	VCVTPH2PS (DI)(R8*1), Y6 \
	COL6(Y9, Y13, Y17, Y21, Y25, Y29) \
	VCVTPH2PS (DI)(R8*2), Y6 \
	COL6(Y10, Y14, Y18, Y22, Y26, Y30) \
	VCVTPH2PS (DI)(R9*1), Y6 \
	COL6(Y11, Y15, Y19, Y23, Y27, Y31)

// STOREROW reduces the accumulators of one weight row and stores its four
// results at DX, DX+R12, DX+2*R12, DX+R13, then moves DX to the next row.
#define STOREROW(a0, a1, a2, a3) \
	VMOVAPS    a0, Y0 \
	VMOVAPS    a1, Y1 \
	VMOVAPS    a2, Y2 \
	VMOVAPS    a3, Y3 \
	HADD4 \
	VMOVSS     X0, (DX) \
	VEXTRACTPS $1, X0, (DX)(R12*1) \
	VEXTRACTPS $2, X0, (DX)(R12*2) \
	VEXTRACTPS $3, X0, (DX)(R13*1) \
	ADDQ       $4, DX

#define ZERO24 \
	VPXORD Y8, Y8, Y8 \
	VPXORD Y9, Y9, Y9 \
	VPXORD Y10, Y10, Y10 \
	VPXORD Y11, Y11, Y11 \
	VPXORD Y12, Y12, Y12 \
	VPXORD Y13, Y13, Y13 \
	VPXORD Y14, Y14, Y14 \
	VPXORD Y15, Y15, Y15 \
	VPXORD Y16, Y16, Y16 \
	VPXORD Y17, Y17, Y17 \
	VPXORD Y18, Y18, Y18 \
	VPXORD Y19, Y19, Y19 \
	VPXORD Y20, Y20, Y20 \
	VPXORD Y21, Y21, Y21 \
	VPXORD Y22, Y22, Y22 \
	VPXORD Y23, Y23, Y23 \
	VPXORD Y24, Y24, Y24 \
	VPXORD Y25, Y25, Y25 \
	VPXORD Y26, Y26, Y26 \
	VPXORD Y27, Y27, Y27 \
	VPXORD Y28, Y28, Y28 \
	VPXORD Y29, Y29, Y29 \
	VPXORD Y30, Y30, Y30 \
	VPXORD Y31, Y31, Y31

#define STORE6 \
	LEAQ (R12)(R12*2), R13 \
	STOREROW(Y8, Y9, Y10, Y11) \
	STOREROW(Y12, Y13, Y14, Y15) \
	STOREROW(Y16, Y17, Y18, Y19) \
	STOREROW(Y20, Y21, Y22, Y23) \
	STOREROW(Y24, Y25, Y26, Y27) \
	STOREROW(Y28, Y29, Y30, Y31)

// func dotF32x6x4AVX512(w *float32, wstride int, x *float32, xstride int, n int, out *float32, ostride int)
// Six float32 weight rows (wstride bytes apart) times four activation
// rows (xstride bytes apart): row k times column c is stored at
// out + c*ostride + 4*k (bytes). n must be a positive multiple of 8.
TEXT ·dotF32x6x4AVX512(SB), NOSPLIT, $0-56
	MOVQ w+0(FP), SI
	MOVQ wstride+8(FP), R10
	MOVQ x+16(FP), DI
	MOVQ xstride+24(FP), R8
	MOVQ n+32(FP), CX
	MOVQ out+40(FP), DX
	MOVQ ostride+48(FP), R12
	LEAQ (R8)(R8*2), R9
	LEAQ (R10)(R10*2), R11
	ADDQ SI, R11
	ZERO24

f32x6x4loop:
	VMOVUPS (SI), Y0
	VMOVUPS (SI)(R10*1), Y1
	VMOVUPS (SI)(R10*2), Y2
	VMOVUPS (R11), Y3
	VMOVUPS (R11)(R10*1), Y4
	VMOVUPS (R11)(R10*2), Y5
	COLS4
	ADDQ $32, SI
	ADDQ $32, R11
	ADDQ $32, DI
	SUBQ $8, CX
	JNZ  f32x6x4loop

	STORE6
	VZEROUPPER
	RET

// func dotF16x6x4AVX512(w *uint16, wstride int, x *uint16, xstride int, n int, out *float32, ostride int)
// Six half-precision weight rows (wstride bytes apart) times four
// activation rows of half-precision values (xstride bytes apart): row k
// times column c is stored at out + c*ostride + 4*k (bytes). n must be a
// positive multiple of 8. Half-precision activations halve the bytes
// streamed per FMA, which matters once rows no longer fit in L1.
TEXT ·dotF16x6x4AVX512(SB), NOSPLIT, $0-56
	MOVQ w+0(FP), SI
	MOVQ wstride+8(FP), R10
	MOVQ x+16(FP), DI
	MOVQ xstride+24(FP), R8
	MOVQ n+32(FP), CX
	MOVQ out+40(FP), DX
	MOVQ ostride+48(FP), R12
	LEAQ (R8)(R8*2), R9
	LEAQ (R10)(R10*2), R11
	ADDQ SI, R11
	ZERO24

f16hx6x4loop:
	VCVTPH2PS (SI), Y0
	VCVTPH2PS (SI)(R10*1), Y1
	VCVTPH2PS (SI)(R10*2), Y2
	VCVTPH2PS (R11), Y3
	VCVTPH2PS (R11)(R10*1), Y4
	VCVTPH2PS (R11)(R10*2), Y5
	COLS4H
	ADDQ $16, SI
	ADDQ $16, R11
	ADDQ $16, DI
	SUBQ $8, CX
	JNZ  f16hx6x4loop

	STORE6
	VZEROUPPER
	RET

// func roundF16HAVX2(dst *float32, h *uint16, src *float32, n int)
// Rounds n floats (n a multiple of 8) to the nearest half, storing the
// half-precision bits in h and their float value in dst.
TEXT ·roundF16HAVX2(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ h+8(FP), DX
	MOVQ src+16(FP), SI
	MOVQ n+24(FP), CX

rndhloop:
	TESTQ CX, CX
	JZ    rndhdone
	VMOVUPS   (SI), Y0
	VCVTPS2PH $0, Y0, X1
	VMOVUPS   X1, (DX)
	VCVTPH2PS X1, Y0
	VMOVUPS   Y0, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	ADDQ $16, DX
	SUBQ $8, CX
	JMP  rndhloop

rndhdone:
	VZEROUPPER
	RET
