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
	PREFETCHT0 2048(SI) // the weights stream from memory: 2 KB ahead
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
	VMOVDQU kz_0f<>(SB), Y13 // the first 32 of its 0x0f bytes

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

// Q4ZHALF adds the four columns' products with the Q4_0 block at woff(SI)
// into Zacc (lanes 4c..4c+3 for column c), scaled by the block's dw*dT
// spread by the pattern Zsidx from Z6; the block's interleaved activations
// are at xoff(DI). Z8: 0x0f bytes, Z15: kz_hinib; clobbers Z2-Z5.
#define Q4ZHALF(woff, Zsidx, xoff, Zacc) \
	VBROADCASTI32X4 woff+2(SI), Z2      \
	VPANDD          Z8, Z2, Z3          \
	VGF2P8AFFINEQB  $0, Z15, Z2, Z2     \
	VPXORD          Z4, Z4, Z4          \
	VPDPBUSD        xoff(DI), Z3, Z4    \
	VPDPBUSD        xoff+64(DI), Z2, Z4 \
	VCVTDQ2PS       Z4, Z4              \
	VPERMPS         Z6, Zsidx, Z5       \
	VFMADD231PS     Z4, Z5, Zacc

// func dotQ4_0x4Z(w *byte, wstride, rows int, xi *int8, dT, dsT *float32, dstride int, nb int, out *float32)
//
// The four-column Q4_0 kernel for AVX-512 (VNNI, VBMI, GFNI) over
// interleaved activations (scratch.qsI): per block, 128 bytes hold the
// four columns' values, x_c[16h..16h+15] at byte 64h+16c. The block's 16
// weight bytes are broadcast to the four 128-bit lanes, so one VPDPBUSD
// per half of the block leaves the int32 lanes 4c..4c+3 with column c's
// partial sums: the block's four scales, each spread over its column's
// lanes, multiply them directly and the lanes are folded once per row,
// instead of folding four vectors per block. Blocks go in pairs (the two
// weight scales converted together); an odd last block runs alone. It
// does rows weight rows wstride bytes apart, storing row k's four results
// at out[4k:4k+4].
TEXT ·dotQ4_0x4Z(SB), NOSPLIT, $0-72
	MOVQ w+0(FP), BX
	MOVQ wstride+8(FP), R13
	MOVQ rows+16(FP), R8
	MOVQ dstride+48(FP), R11
	MOVQ out+64(FP), DX
	VMOVDQU64    kz_sidx0<>(SB), Z12
	VMOVDQU64    kz_sidx1<>(SB), Z13
	VMOVDQU      kz_dwidx<>(SB), Y14
	VMOVDQU64    kz_0f<>(SB), Z8
	VPBROADCASTQ kz_hinib<>(SB), Z15

q40zrow:
	TESTQ R8, R8
	JZ    q40zend
	MOVQ  BX, SI
	MOVQ  xi+24(FP), DI
	MOVQ  dT+32(FP), R10
	MOVQ  dsT+40(FP), R12
	MOVQ  nb+56(FP), CX
	VPXORD Z0, Z0, Z0
	VPXORD Z1, Z1, Z1
	VPXOR  Y10, Y10, Y10
	MOVQ   $0xfffffffff, AX
	KMOVQ  AX, K1
	SHRQ   $1, CX
	JZ     q40zlast
	CMPQ   R11, $16
	JNE    q40zpair

	// Batch of four: the pair's scales and sums are 8 adjacent floats.
q40zdense:
	PREFETCHT0  2048(SI) // the weights stream from memory: 2 KB ahead
	VMOVDQU8.Z  (SI), K1, Z9
	VPERMB      Y9, Y14, Y7
	VCVTPH2PS   X7, Y7
	VMULPS      (R10), Y7, Y6
	VFMADD231PS (R12), Y7, Y10
	Q4ZHALF(0, Z12, 0, Z0)
	Q4ZHALF(18, Z13, 128, Z1)
	ADDQ $36, SI
	ADDQ $256, DI
	ADDQ $32, R10
	ADDQ $32, R12
	DECQ CX
	JNZ  q40zdense
	JMP  q40zlast

q40zpair:
	PREFETCHT0  2048(SI)
	VMOVDQU8.Z  (SI), K1, Z9
	VPERMB      Y9, Y14, Y7
	VCVTPH2PS   X7, Y7
	VMOVUPS     (R10), X6
	VINSERTF128 $1, (R10)(R11*1), Y6, Y6
	VMULPS      Y7, Y6, Y6
	VMOVUPS     (R12), X11
	VINSERTF128 $1, (R12)(R11*1), Y11, Y11
	VFMADD231PS Y11, Y7, Y10
	Q4ZHALF(0, Z12, 0, Z0)
	Q4ZHALF(18, Z13, 128, Z1)
	ADDQ $36, SI
	ADDQ $256, DI
	LEAQ (R10)(R11*2), R10
	LEAQ (R12)(R11*2), R12
	DECQ CX
	JNZ  q40zpair

q40zlast:
	MOVQ  nb+56(FP), AX
	TESTQ $1, AX
	JZ    q40zdone
	MOVWLZX      (SI), AX
	VMOVD        AX, X7
	VCVTPH2PS    X7, X7
	VBROADCASTSS X7, X7
	VMULPS       (R10), X7, X6
	VMOVUPS      (R12), X11
	VFMADD231PS  Y11, Y7, Y10 // not X10: that would clear the upper half
	Q4ZHALF(0, Z12, 0, Z0)

q40zdone:
	// out[c] = sum of lanes 4c..4c+3 of Z0+Z1 - 8*(both halves of Y10)
	VADDPS        Z1, Z0, Z0
	VEXTRACTF64X4 $1, Z0, Y1
	VHADDPS       Y1, Y0, Y0
	VHADDPS       Y0, Y0, Y0
	VEXTRACTF128  $1, Y0, X1
	VUNPCKLPS     X1, X0, X0
	VEXTRACTF128  $1, Y10, X9
	VADDPS        X9, X10, X10
	MOVL          $0x41000000, AX
	VMOVD         AX, X11
	VBROADCASTSS  X11, X11
	VFNMADD231PS  X11, X10, X0
	VMOVUPS       X0, (DX)
	ADDQ          $16, DX
	ADDQ          R13, BX
	DECQ          R8
	JMP           q40zrow

q40zend:
	VZEROUPPER
	RET

// kz_hinib: the GF(2) affine matrix that moves bits 4-7 of a byte to bits
// 0-3 and clears 4-7 (row i of the result, byte 7-i, selects bit i+4).
DATA kz_hinib<>+0(SB)/8, $0x1020408000000000
GLOBL kz_hinib<>(SB), RODATA|NOPTR, $8

// kz_sidx0 (kz_sidx1): dword indices spreading scale c (4+c) of a pair
// over lanes 4c..4c+3.
DATA kz_sidx0<>+0(SB)/8, $0
DATA kz_sidx0<>+8(SB)/8, $0
DATA kz_sidx0<>+16(SB)/8, $0x0000000100000001
DATA kz_sidx0<>+24(SB)/8, $0x0000000100000001
DATA kz_sidx0<>+32(SB)/8, $0x0000000200000002
DATA kz_sidx0<>+40(SB)/8, $0x0000000200000002
DATA kz_sidx0<>+48(SB)/8, $0x0000000300000003
DATA kz_sidx0<>+56(SB)/8, $0x0000000300000003
GLOBL kz_sidx0<>(SB), RODATA|NOPTR, $64

DATA kz_sidx1<>+0(SB)/8, $0x0000000400000004
DATA kz_sidx1<>+8(SB)/8, $0x0000000400000004
DATA kz_sidx1<>+16(SB)/8, $0x0000000500000005
DATA kz_sidx1<>+24(SB)/8, $0x0000000500000005
DATA kz_sidx1<>+32(SB)/8, $0x0000000600000006
DATA kz_sidx1<>+40(SB)/8, $0x0000000600000006
DATA kz_sidx1<>+48(SB)/8, $0x0000000700000007
DATA kz_sidx1<>+56(SB)/8, $0x0000000700000007
GLOBL kz_sidx1<>(SB), RODATA|NOPTR, $64

// kz_dwidx: halves [dw0 dw0 dw0 dw0 dw1 dw1 dw1 dw1] of a pair of blocks
// (bytes 0-1 and 18-19).
DATA kz_dwidx<>+0(SB)/8, $0x0100010001000100
DATA kz_dwidx<>+8(SB)/8, $0x1312131213121312
DATA kz_dwidx<>+16(SB)/8, $0
DATA kz_dwidx<>+24(SB)/8, $0
GLOBL kz_dwidx<>(SB), RODATA|NOPTR, $32

DATA kz_0f<>+0(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA kz_0f<>+8(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA kz_0f<>+16(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA kz_0f<>+24(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA kz_0f<>+32(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA kz_0f<>+40(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA kz_0f<>+48(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA kz_0f<>+56(SB)/8, $0x0f0f0f0f0f0f0f0f
GLOBL kz_0f<>(SB), RODATA|NOPTR, $64

// Q8ZBLOCK adds the four columns' products with the Q8_0 block at woff(SI)
// into Zacc (lanes 4c..4c+3 for column c), scaled by the block's dw*dT
// spread by the pattern Zsidx from Z6; the block's interleaved activations
// are at xoff(DI), its four offset sums at soff(R12). VPDPBUSD multiplies
// unsigned by signed bytes, so the signed weights go in offset by 128 (w
// XOR 0x80, Z8 holding 0x80 bytes) and the int32 sums start from -128
// times the activations' block sum: they end at sum(w*x) exactly. The
// offset goes into the first lane of every column's four (lane 4c, spread
// by Z12's indices under mask K3), so that each column is summed the same
// way whatever its place in the group: a column's result does not depend
// on the batch around it. Clobbers Z2-Z5.
#define Q8ZBLOCK(woff, Zsidx, xoff, soff, Zacc) \
	VBROADCASTI32X4   woff+2(SI), Z2      \
	VBROADCASTI32X4   woff+18(SI), Z3     \
	VPXORD            Z8, Z2, Z2          \
	VPXORD            Z8, Z3, Z3          \
	VBROADCASTI32X4   soff(R12), Z4       \
	VPERMD.Z          Z4, Z12, K3, Z4     \
	VPDPBUSD          xoff(DI), Z2, Z4    \
	VPDPBUSD          xoff+64(DI), Z3, Z4 \
	VCVTDQ2PS         Z4, Z4              \
	VPERMPS           Z6, Zsidx, Z5       \
	VFMADD231PS       Z4, Z5, Zacc

// func dotQ8_0x4Z(w *byte, wstride, rows int, xi *int8, xs *int32, dT *float32, dstride int, nb int, out *float32)
//
// dotQ4_0x4Z for Q8_0 weights (34-byte blocks): the same interleaved
// activations, scale spreading and once-per-row folding; the offset sums
// xs (scratch.xsI: four int32 per block) replace the floating-point
// correction, as the integer sums come out exact.
TEXT ·dotQ8_0x4Z(SB), NOSPLIT, $0-72
	MOVQ w+0(FP), BX
	MOVQ wstride+8(FP), R13
	MOVQ rows+16(FP), R8
	MOVQ dstride+48(FP), R11
	MOVQ out+64(FP), DX
	VMOVDQU64    kz_sidx0<>(SB), Z12
	VMOVDQU64    kz_sidx1<>(SB), Z13
	VMOVDQU      kz8_dwidx<>(SB), Y14 // clears the upper half of Z14
	MOVL         $0x80808080, AX
	VPBROADCASTD AX, Z8
	MOVL         $0x1111, AX // lanes 0, 4, 8, 12
	KMOVW        AX, K3

q80zrow:
	TESTQ R8, R8
	JZ    q80zend
	MOVQ  BX, SI
	MOVQ  xi+24(FP), DI
	MOVQ  xs+32(FP), R12
	MOVQ  dT+40(FP), R10
	MOVQ  nb+56(FP), CX
	VPXORD Z0, Z0, Z0
	VPXORD Z1, Z1, Z1
	MOVQ   $0xfffffffff, AX
	KMOVQ  AX, K1
	SHRQ   $1, CX
	JZ     q80zlast
	CMPQ   R11, $16
	JNE    q80zpair

	// Batch of four: the pair's scales are 8 adjacent floats.
q80zdense:
	PREFETCHT0 2048(SI) // the weights stream from memory: 2 KB ahead
	PREFETCHT0 2112(SI) // a pair is 68 bytes: touch every line
	VMOVDQU8.Z (SI), K1, Z9
	VPERMB     Z9, Z14, Z7
	VCVTPH2PS  X7, Y7
	VMULPS     (R10), Y7, Y6
	Q8ZBLOCK(0, Z12, 0, 0, Z0)
	Q8ZBLOCK(34, Z13, 128, 16, Z1)
	ADDQ $68, SI
	ADDQ $256, DI
	ADDQ $32, R12
	ADDQ $32, R10
	DECQ CX
	JNZ  q80zdense
	JMP  q80zlast

q80zpair:
	PREFETCHT0  2048(SI)
	PREFETCHT0  2112(SI)
	VMOVDQU8.Z  (SI), K1, Z9
	VPERMB      Z9, Z14, Z7
	VCVTPH2PS   X7, Y7
	VMOVUPS     (R10), X6
	VINSERTF128 $1, (R10)(R11*1), Y6, Y6
	VMULPS      Y7, Y6, Y6
	Q8ZBLOCK(0, Z12, 0, 0, Z0)
	Q8ZBLOCK(34, Z13, 128, 16, Z1)
	ADDQ $68, SI
	ADDQ $256, DI
	ADDQ $32, R12
	LEAQ (R10)(R11*2), R10
	DECQ CX
	JNZ  q80zpair

q80zlast:
	MOVQ  nb+56(FP), AX
	TESTQ $1, AX
	JZ    q80zdone
	MOVWLZX      (SI), AX
	VMOVD        AX, X7
	VCVTPH2PS    X7, X7
	VBROADCASTSS X7, X7
	VMULPS       (R10), X7, X6
	Q8ZBLOCK(0, Z12, 0, 0, Z0)

q80zdone:
	// out[c] = sum of lanes 4c..4c+3 of Z0+Z1
	VADDPS        Z1, Z0, Z0
	VEXTRACTF64X4 $1, Z0, Y1
	VHADDPS       Y1, Y0, Y0
	VHADDPS       Y0, Y0, Y0
	VEXTRACTF128  $1, Y0, X1
	VUNPCKLPS     X1, X0, X0
	VMOVUPS       X0, (DX)
	ADDQ          $16, DX
	ADDQ          R13, BX
	DECQ          R8
	JMP           q80zrow

q80zend:
	VZEROUPPER
	RET

// kz8_dwidx: halves [dw0 dw0 dw0 dw0 dw1 dw1 dw1 dw1] of a pair of Q8_0
// blocks (bytes 0-1 and 34-35: past 32, hence VPERMB on ZMM registers).
DATA kz8_dwidx<>+0(SB)/8, $0x0100010001000100
DATA kz8_dwidx<>+8(SB)/8, $0x2322232223222322
DATA kz8_dwidx<>+16(SB)/8, $0
DATA kz8_dwidx<>+24(SB)/8, $0
GLOBL kz8_dwidx<>(SB), RODATA|NOPTR, $32
