//go:build !noasm

// AVX2 + FMA + F16C dot products. Each kernel's pure-Go twin is named in the
// doc comment of its stub in dot_amd64.go; dot_amd64_test.go compares them.

#include "textflag.h"

DATA k_0f<>+0(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA k_0f<>+8(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA k_0f<>+16(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA k_0f<>+24(SB)/8, $0x0f0f0f0f0f0f0f0f
GLOBL k_0f<>(SB), RODATA|NOPTR, $32
DATA k_30<>+0(SB)/8, $0x3030303030303030
DATA k_30<>+8(SB)/8, $0x3030303030303030
DATA k_30<>+16(SB)/8, $0x3030303030303030
DATA k_30<>+24(SB)/8, $0x3030303030303030
GLOBL k_30<>(SB), RODATA|NOPTR, $32
DATA k_10<>+0(SB)/8, $0x1010101010101010
DATA k_10<>+8(SB)/8, $0x1010101010101010
DATA k_10<>+16(SB)/8, $0x1010101010101010
DATA k_10<>+24(SB)/8, $0x1010101010101010
GLOBL k_10<>(SB), RODATA|NOPTR, $32
DATA k_08<>+0(SB)/8, $0x0808080808080808
DATA k_08<>+8(SB)/8, $0x0808080808080808
DATA k_08<>+16(SB)/8, $0x0808080808080808
DATA k_08<>+24(SB)/8, $0x0808080808080808
GLOBL k_08<>(SB), RODATA|NOPTR, $32
DATA k_ones16<>+0(SB)/8, $0x0001000100010001
DATA k_ones16<>+8(SB)/8, $0x0001000100010001
DATA k_ones16<>+16(SB)/8, $0x0001000100010001
DATA k_ones16<>+24(SB)/8, $0x0001000100010001
GLOBL k_ones16<>(SB), RODATA|NOPTR, $32
DATA k_bcastw<>+0(SB)/8, $0x0100010001000100
DATA k_bcastw<>+8(SB)/8, $0x0100010001000100
DATA k_bcastw<>+16(SB)/8, $0x0100010001000100
DATA k_bcastw<>+24(SB)/8, $0x0100010001000100
DATA k_bcastw<>+32(SB)/8, $0x0302030203020302
DATA k_bcastw<>+40(SB)/8, $0x0302030203020302
DATA k_bcastw<>+48(SB)/8, $0x0302030203020302
DATA k_bcastw<>+56(SB)/8, $0x0302030203020302
DATA k_bcastw<>+64(SB)/8, $0x0504050405040504
DATA k_bcastw<>+72(SB)/8, $0x0504050405040504
DATA k_bcastw<>+80(SB)/8, $0x0504050405040504
DATA k_bcastw<>+88(SB)/8, $0x0504050405040504
DATA k_bcastw<>+96(SB)/8, $0x0706070607060706
DATA k_bcastw<>+104(SB)/8, $0x0706070607060706
DATA k_bcastw<>+112(SB)/8, $0x0706070607060706
DATA k_bcastw<>+120(SB)/8, $0x0706070607060706
DATA k_bcastw<>+128(SB)/8, $0x0908090809080908
DATA k_bcastw<>+136(SB)/8, $0x0908090809080908
DATA k_bcastw<>+144(SB)/8, $0x0908090809080908
DATA k_bcastw<>+152(SB)/8, $0x0908090809080908
DATA k_bcastw<>+160(SB)/8, $0x0b0a0b0a0b0a0b0a
DATA k_bcastw<>+168(SB)/8, $0x0b0a0b0a0b0a0b0a
DATA k_bcastw<>+176(SB)/8, $0x0b0a0b0a0b0a0b0a
DATA k_bcastw<>+184(SB)/8, $0x0b0a0b0a0b0a0b0a
DATA k_bcastw<>+192(SB)/8, $0x0d0c0d0c0d0c0d0c
DATA k_bcastw<>+200(SB)/8, $0x0d0c0d0c0d0c0d0c
DATA k_bcastw<>+208(SB)/8, $0x0d0c0d0c0d0c0d0c
DATA k_bcastw<>+216(SB)/8, $0x0d0c0d0c0d0c0d0c
DATA k_bcastw<>+224(SB)/8, $0x0f0e0f0e0f0e0f0e
DATA k_bcastw<>+232(SB)/8, $0x0f0e0f0e0f0e0f0e
DATA k_bcastw<>+240(SB)/8, $0x0f0e0f0e0f0e0f0e
DATA k_bcastw<>+248(SB)/8, $0x0f0e0f0e0f0e0f0e
GLOBL k_bcastw<>(SB), RODATA|NOPTR, $256
DATA k_pairw<>+0(SB)/8, $0x0100010001000100
DATA k_pairw<>+8(SB)/8, $0x0100010001000100
DATA k_pairw<>+16(SB)/8, $0x0302030203020302
DATA k_pairw<>+24(SB)/8, $0x0302030203020302
DATA k_pairw<>+32(SB)/8, $0x0504050405040504
DATA k_pairw<>+40(SB)/8, $0x0504050405040504
DATA k_pairw<>+48(SB)/8, $0x0706070607060706
DATA k_pairw<>+56(SB)/8, $0x0706070607060706
DATA k_pairw<>+64(SB)/8, $0x0908090809080908
DATA k_pairw<>+72(SB)/8, $0x0908090809080908
DATA k_pairw<>+80(SB)/8, $0x0b0a0b0a0b0a0b0a
DATA k_pairw<>+88(SB)/8, $0x0b0a0b0a0b0a0b0a
DATA k_pairw<>+96(SB)/8, $0x0d0c0d0c0d0c0d0c
DATA k_pairw<>+104(SB)/8, $0x0d0c0d0c0d0c0d0c
DATA k_pairw<>+112(SB)/8, $0x0f0e0f0e0f0e0f0e
DATA k_pairw<>+120(SB)/8, $0x0f0e0f0e0f0e0f0e
GLOBL k_pairw<>(SB), RODATA|NOPTR, $128

DATA k_qhshuf<>+0(SB)/8, $0x0000000000000000
DATA k_qhshuf<>+8(SB)/8, $0x0101010101010101
DATA k_qhshuf<>+16(SB)/8, $0x0202020202020202
DATA k_qhshuf<>+24(SB)/8, $0x0303030303030303
GLOBL k_qhshuf<>(SB), RODATA|NOPTR, $32
DATA k_bitsel<>+0(SB)/8, $0x8040201008040201
DATA k_bitsel<>+8(SB)/8, $0x8040201008040201
DATA k_bitsel<>+16(SB)/8, $0x8040201008040201
DATA k_bitsel<>+24(SB)/8, $0x8040201008040201
GLOBL k_bitsel<>(SB), RODATA|NOPTR, $32

DATA k_03<>+0(SB)/8, $0x0303030303030303
DATA k_03<>+8(SB)/8, $0x0303030303030303
DATA k_03<>+16(SB)/8, $0x0303030303030303
DATA k_03<>+24(SB)/8, $0x0303030303030303
GLOBL k_03<>(SB), RODATA|NOPTR, $32
DATA k_04<>+0(SB)/8, $0x0404040404040404
DATA k_04<>+8(SB)/8, $0x0404040404040404
DATA k_04<>+16(SB)/8, $0x0404040404040404
DATA k_04<>+24(SB)/8, $0x0404040404040404
GLOBL k_04<>(SB), RODATA|NOPTR, $32
DATA k_32w<>+0(SB)/8, $0x0020002000200020
DATA k_32w<>+8(SB)/8, $0x0020002000200020
DATA k_32w<>+16(SB)/8, $0x0020002000200020
DATA k_32w<>+24(SB)/8, $0x0020002000200020
GLOBL k_32w<>(SB), RODATA|NOPTR, $32

// HSUM reduces the 8 floats of Y0 into X0's low lane. Clobbers X1.
#define HSUM \
	VEXTRACTF128 $1, Y0, X1 \
	VADDPS       X1, X0, X0 \
	VMOVHLPS     X0, X0, X1 \
	VADDPS       X1, X0, X0 \
	VMOVSHDUP    X0, X1     \
	VADDSS       X1, X0, X0

// LOADD converts the f16 at off(SI) to float32, multiplies it by the float32
// at (R10) and broadcasts the product into Yreg. Clobbers AX.
#define LOADD(off, Xreg, Yreg) \
	MOVWLZX      off(SI), AX \
	VMOVD        AX, Xreg    \
	VCVTPH2PS    Xreg, Xreg  \
	VMULSS       (R10), Xreg, Xreg \
	VBROADCASTSS Xreg, Yreg

// func dotQ8_0AVX2(w *byte, x *int8, d *float32, nb int) float32
TEXT ·dotQ8_0AVX2(SB), NOSPLIT, $0-36
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ d+16(FP), R10
	MOVQ nb+24(FP), CX
	VPXOR   Y0, Y0, Y0
	VPXOR   Y6, Y6, Y6
	VMOVDQU k_ones16<>(SB), Y15

q80pair:
	CMPQ CX, $2
	JLT  q80one
	VMOVDQU    2(SI), Y1
	VMOVDQU    (DI), Y2
	VPSIGNB    Y1, Y1, Y3
	VPSIGNB    Y1, Y2, Y2
	VPMADDUBSW Y2, Y3, Y3
	VPMADDWD   Y15, Y3, Y3
	VCVTDQ2PS  Y3, Y3
	LOADD(0, X4, Y4)
	VFMADD231PS Y3, Y4, Y0
	VMOVDQU    36(SI), Y7
	VMOVDQU    32(DI), Y8
	VPSIGNB    Y7, Y7, Y9
	VPSIGNB    Y7, Y8, Y8
	VPMADDUBSW Y8, Y9, Y9
	VPMADDWD   Y15, Y9, Y9
	VCVTDQ2PS  Y9, Y9
	ADDQ $4, R10
	LOADD(34, X10, Y10)
	VFMADD231PS Y9, Y10, Y6
	ADDQ $68, SI
	ADDQ $64, DI
	ADDQ $4, R10
	SUBQ $2, CX
	JMP  q80pair

q80one:
	TESTQ CX, CX
	JZ    q80done
	VMOVDQU    2(SI), Y1
	VMOVDQU    (DI), Y2
	VPSIGNB    Y1, Y1, Y3
	VPSIGNB    Y1, Y2, Y2
	VPMADDUBSW Y2, Y3, Y3
	VPMADDWD   Y15, Y3, Y3
	VCVTDQ2PS  Y3, Y3
	LOADD(0, X4, Y4)
	VFMADD231PS Y3, Y4, Y0

q80done:
	VADDPS Y6, Y0, Y0
	HSUM
	VZEROUPPER
	MOVSS X0, ret+32(FP)
	RET

// Q4U unpacks the 16 nibble bytes at off(SI) into 32 unsigned values in
// Yr (low nibbles first). Uses Xt.
#define Q4U(off, Xr, Yr, Xt) \
	VMOVDQU     off(SI), Xr        \
	VPSRLW      $4, Xr, Xt         \
	VINSERTI128 $1, Xt, Yr, Yr     \
	VPAND       Y13, Yr, Yr

// Q4DOT leaves in Yr the 8 int32 partial sums of the unsigned nibbles of
// block k with the activations at xoff(DI).
#define Q4DOT(off, xoff, Xr, Yr, Xt) \
	Q4U(off, Xr, Yr, Xt)           \
	VPMADDUBSW xoff(DI), Yr, Yr    \
	VPMADDWD   Y15, Yr, Yr

// func dotQ4_0AVX2(w *byte, x *int8, d *float32, ds *float32, nb int) float32
//
// Nibbles are used unsigned (0..15) and the -8 offset is applied once per
// block as -8*dw*ds, where ds[i] = d[i]*sum(x of block i).
TEXT ·dotQ4_0AVX2(SB), NOSPLIT, $0-44
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ d+16(FP), R10
	MOVQ ds+24(FP), R11
	MOVQ nb+32(FP), CX
	VPXOR   Y0, Y0, Y0
	VPXOR   Y9, Y9, Y9
	VMOVDQU k_0f<>(SB), Y13
	VMOVDQU k_ones16<>(SB), Y15

q40quad:
	CMPQ CX, $4
	JLT  q40one
	Q4DOT(2, 0, X3, Y3, X10)
	Q4DOT(20, 32, X4, Y4, X10)
	Q4DOT(38, 64, X5, Y5, X10)
	Q4DOT(56, 96, X6, Y6, X10)
	VPHADDD   Y4, Y3, Y3
	VPHADDD   Y6, Y5, Y5
	VPHADDD   Y5, Y3, Y3
	VCVTDQ2PS Y3, Y3
	MOVWLZX   (SI), AX
	VMOVD     AX, X7
	MOVWLZX   18(SI), AX
	VPINSRW   $1, AX, X7, X7
	MOVWLZX   36(SI), AX
	VPINSRW   $2, AX, X7, X7
	MOVWLZX   54(SI), AX
	VPINSRW   $3, AX, X7, X7
	VCVTPH2PS X7, X7
	VMULPS    (R10), X7, X8
	VFMADD231PS (R11), X7, X9
	VINSERTF128 $1, X8, Y8, Y8
	VFMADD231PS Y3, Y8, Y0
	ADDQ $72, SI
	ADDQ $128, DI
	ADDQ $16, R10
	ADDQ $16, R11
	SUBQ $4, CX
	JMP  q40quad

q40one:
	TESTQ CX, CX
	JZ    q40done
	Q4DOT(2, 0, X3, Y3, X10)
	VCVTDQ2PS Y3, Y3
	MOVWLZX   (SI), AX
	VMOVD     AX, X7
	VCVTPH2PS X7, X7
	VMULSS    (R10), X7, X8
	VFMADD231SS (R11), X7, X9
	VBROADCASTSS X8, Y8
	VFMADD231PS Y3, Y8, Y0
	ADDQ $18, SI
	ADDQ $32, DI
	ADDQ $4, R10
	ADDQ $4, R11
	DECQ CX
	JMP  q40one

q40done:
	// result = sum(Y0) - 8*sum(X9)
	VMOVHLPS  X9, X9, X10
	VADDPS    X10, X9, X9
	VMOVSHDUP X9, X10
	VADDSS    X10, X9, X9
	HSUM
	MOVL      $0x41000000, AX
	VMOVD     AX, X10
	VFNMADD231SS X10, X9, X0
	VZEROUPPER
	MOVSS X0, ret+40(FP)
	RET

// QH5 expands the 32 bits of the u32 at off(SI) into bytes 0x10 (bit
// set) or 0 in Yr; bit j goes to byte j. Uses Yt; needs Y12 = k_qhshuf,
// Y11 = k_bitsel, Y14 = k_10.
#define QH5(off, Yr, Yt) \
	VPBROADCASTD off(SI), Yr   \
	VPSHUFB      Y12, Yr, Yr   \
	VPAND        Y11, Yr, Yr   \
	VPCMPEQB     Y11, Yr, Yr   \
	VPAND        Y14, Yr, Yr

// func dotQ5_0AVX2(w *byte, x *int8, d, ds *float32, nb int) float32
//
// Values are used unsigned (0..31) and the -16 offset applied per block
// as -16*dw*ds.
TEXT ·dotQ5_0AVX2(SB), NOSPLIT, $0-44
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ d+16(FP), R10
	MOVQ ds+24(FP), R11
	MOVQ nb+32(FP), CX
	VPXOR   Y0, Y0, Y0
	VPXOR   Y9, Y9, Y9
	VMOVDQU k_qhshuf<>(SB), Y12
	VMOVDQU k_bitsel<>(SB), Y11
	VMOVDQU k_0f<>(SB), Y13
	VMOVDQU k_10<>(SB), Y14
	VMOVDQU k_ones16<>(SB), Y15

q50loop:
	TESTQ CX, CX
	JZ    q50done
	Q4U(6, X3, Y3, X10)
	QH5(2, Y4, Y5)
	VPOR       Y4, Y3, Y3
	VPMADDUBSW (DI), Y3, Y3
	VPMADDWD   Y15, Y3, Y3
	VCVTDQ2PS  Y3, Y3
	MOVWLZX    (SI), AX
	VMOVD      AX, X7
	VCVTPH2PS  X7, X7
	VMULSS     (R10), X7, X8
	VFMADD231SS (R11), X7, X9
	VBROADCASTSS X8, Y8
	VFMADD231PS Y3, Y8, Y0
	ADDQ $22, SI
	ADDQ $32, DI
	ADDQ $4, R10
	ADDQ $4, R11
	DECQ CX
	JMP  q50loop

q50done:
	HSUM
	MOVL  $0x41800000, AX
	VMOVD AX, X10
	VFNMADD231SS X10, X9, X0
	VZEROUPPER
	MOVSS X0, ret+40(FP)
	RET

// func dotQ4_1AVX2(w *byte, x *int8, d, s *float32, nb int) float32
//
// sum over blocks of dw*dx*sum(q*x) + m*s, s[i] the Q8_1 block sum d*sum(x).
TEXT ·dotQ4_1AVX2(SB), NOSPLIT, $0-44
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ d+16(FP), R10
	MOVQ s+24(FP), R11
	MOVQ nb+32(FP), CX
	VPXOR   Y0, Y0, Y0
	VPXOR   Y9, Y9, Y9
	VMOVDQU k_0f<>(SB), Y13
	VMOVDQU k_ones16<>(SB), Y15

q41loop:
	TESTQ CX, CX
	JZ    q41done
	Q4DOT(4, 0, X3, Y3, X10)
	VCVTDQ2PS  Y3, Y3
	MOVL       (SI), AX
	VMOVD      AX, X7
	VCVTPH2PS  X7, X7
	VMULSS     (R10), X7, X8
	VMOVSHDUP  X7, X7
	VFMADD231SS (R11), X7, X9
	VBROADCASTSS X8, Y8
	VFMADD231PS Y3, Y8, Y0
	ADDQ $20, SI
	ADDQ $32, DI
	ADDQ $4, R10
	ADDQ $4, R11
	DECQ CX
	JMP  q41loop

q41done:
	HSUM
	VADDSS X9, X0, X0
	VZEROUPPER
	MOVSS X0, ret+40(FP)
	RET

// func dotQ5_1AVX2(w *byte, x *int8, d, s *float32, nb int) float32
TEXT ·dotQ5_1AVX2(SB), NOSPLIT, $0-44
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ d+16(FP), R10
	MOVQ s+24(FP), R11
	MOVQ nb+32(FP), CX
	VPXOR   Y0, Y0, Y0
	VPXOR   Y9, Y9, Y9
	VMOVDQU k_qhshuf<>(SB), Y12
	VMOVDQU k_bitsel<>(SB), Y11
	VMOVDQU k_0f<>(SB), Y13
	VMOVDQU k_10<>(SB), Y14
	VMOVDQU k_ones16<>(SB), Y15

q51loop:
	TESTQ CX, CX
	JZ    q51done
	Q4U(8, X3, Y3, X10)
	QH5(4, Y4, Y5)
	VPOR       Y4, Y3, Y3
	VPMADDUBSW (DI), Y3, Y3
	VPMADDWD   Y15, Y3, Y3
	VCVTDQ2PS  Y3, Y3
	MOVL       (SI), AX
	VMOVD      AX, X7
	VCVTPH2PS  X7, X7
	VMULSS     (R10), X7, X8
	VMOVSHDUP  X7, X7
	VFMADD231SS (R11), X7, X9
	VBROADCASTSS X8, Y8
	VFMADD231PS Y3, Y8, Y0
	ADDQ $24, SI
	ADDQ $32, DI
	ADDQ $4, R10
	ADDQ $4, R11
	DECQ CX
	JMP  q51loop

q51done:
	HSUM
	VADDSS X9, X0, X0
	VZEROUPPER
	MOVSS X0, ret+40(FP)
	RET

// K4MINS unpacks the 12 scale bytes at 4(SI) of a Q4_K/Q5_K block into 8
// scales as int16 broadcast to both lanes of Y2, and accumulates
// dmin*yd*sum(min_j * bsum_j) into Y1; leaves d*yd broadcast in Y5.
// Uses AX BX CX DX R8 R9, Y3 Y4 Y6 (X-halves too).
#define K4SCALES \
	MOVL  4(SI), AX        \
	MOVL  8(SI), BX        \
	MOVL  12(SI), CX       \
	MOVL  CX, DX           \
	SHRL  $4, DX           \
	ANDL  $0x0f0f0f0f, DX  \
	MOVL  BX, R8           \
	SHRL  $6, R8           \
	ANDL  $0x03030303, R8  \
	SHLL  $4, R8           \
	ORL   R8, DX           \
	MOVL  BX, R9           \
	ANDL  $0x3f3f3f3f, R9  \
	MOVL  CX, BX           \
	ANDL  $0x0f0f0f0f, BX  \
	MOVL  AX, R8           \
	SHRL  $6, R8           \
	ANDL  $0x03030303, R8  \
	SHLL  $4, R8           \
	ORL   R8, BX           \
	ANDL  $0x3f3f3f3f, AX  \
	SHLQ  $32, BX          \
	ORQ   BX, AX           \
	SHLQ  $32, DX          \
	ORQ   R9, DX           \
	MOVQ  AX, X2           \
	VPMOVZXBW X2, X2       \
	VINSERTI128 $1, X2, Y2, Y2 \
	MOVQ  DX, X3           \
	VPMOVZXBD X3, Y3       \
	VPSLLD $16, Y3, Y4     \
	VPOR   Y4, Y3, Y3      \
	VPMADDWD (R11), Y3, Y3 \
	VCVTDQ2PS Y3, Y3       \
	MOVL  (SI), AX         \
	VMOVD AX, X4           \
	VCVTPH2PS X4, X4       \
	VBROADCASTSS (R10), X6 \
	VMULPS X6, X4, X4      \
	VBROADCASTSS X4, Y5    \
	VMOVSHDUP X4, X6       \
	VBROADCASTSS X6, Y6    \
	VFMADD231PS Y3, Y6, Y1

// Q4CHUNK adds to Y7 the scaled products of 64 values: 32 bytes of nibbles
// at qoff(SI) (low nibbles: sub-block 2j, high: 2j+1) with x at xoff(DI).
#define Q4CHUNK(qoff, xoff, moff) \
	VMOVDQU    qoff(SI), Y8        \
	VPSRLW     $4, Y8, Y9          \
	VPAND      Y15, Y8, Y8         \
	VPAND      Y15, Y9, Y9         \
	VPMADDUBSW xoff(DI), Y8, Y8    \
	VPMADDUBSW xoff+32(DI), Y9, Y9 \
	VPSHUFB    k_bcastw<>+moff(SB), Y2, Y10    \
	VPSHUFB    k_bcastw<>+moff+32(SB), Y2, Y11 \
	VPMADDWD   Y10, Y8, Y8         \
	VPMADDWD   Y11, Y9, Y9         \
	VPADDD     Y8, Y7, Y7          \
	VPADDD     Y9, Y7, Y7

// func dotQ4KAVX2(w *byte, x *int8, d *float32, bsums *int16, nb int) float32
TEXT ·dotQ4KAVX2(SB), NOSPLIT, $0-44
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ d+16(FP), R10
	MOVQ bsums+24(FP), R11
	MOVQ nb+32(FP), R12
	VPXOR   Y0, Y0, Y0
	VPXOR   Y1, Y1, Y1
	VMOVDQU k_0f<>(SB), Y15

q4kloop:
	TESTQ R12, R12
	JZ    q4kdone
	K4SCALES
	VPXOR Y7, Y7, Y7
	Q4CHUNK(16, 0, 0)
	Q4CHUNK(48, 64, 64)
	Q4CHUNK(80, 128, 128)
	Q4CHUNK(112, 192, 192)
	VCVTDQ2PS   Y7, Y7
	VFMADD231PS Y7, Y5, Y0
	ADDQ $144, SI
	ADDQ $256, DI
	ADDQ $4, R10
	ADDQ $32, R11
	DECQ R12
	JMP  q4kloop

q4kdone:
	VSUBPS Y1, Y0, Y0
	HSUM
	VZEROUPPER
	MOVSS X0, ret+40(FP)
	RET

// Q5CHUNK is Q4CHUNK with fifth bits from Y12 (qh): Y13 / Y14 get the
// bits for the low / high nibbles, prepared by the caller's shifts.
#define Q5CHUNK(qoff, xoff, moff) \
	VMOVDQU    qoff(SI), Y8        \
	VPSRLW     $4, Y8, Y9          \
	VPAND      Y15, Y8, Y8         \
	VPAND      Y15, Y9, Y9         \
	VPAND      Y3, Y13, Y13        \
	VPAND      Y3, Y14, Y14        \
	VPOR       Y13, Y8, Y8         \
	VPOR       Y14, Y9, Y9         \
	VPMADDUBSW xoff(DI), Y8, Y8    \
	VPMADDUBSW xoff+32(DI), Y9, Y9 \
	VPSHUFB    k_bcastw<>+moff(SB), Y2, Y10    \
	VPSHUFB    k_bcastw<>+moff+32(SB), Y2, Y11 \
	VPMADDWD   Y10, Y8, Y8         \
	VPMADDWD   Y11, Y9, Y9         \
	VPADDD     Y8, Y7, Y7          \
	VPADDD     Y9, Y7, Y7

// func dotQ5KAVX2(w *byte, x *int8, d *float32, bsums *int16, nb int) float32
TEXT ·dotQ5KAVX2(SB), NOSPLIT, $0-44
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ d+16(FP), R10
	MOVQ bsums+24(FP), R11
	MOVQ nb+32(FP), R12
	VPXOR   Y0, Y0, Y0
	VPXOR   Y1, Y1, Y1
	VMOVDQU k_0f<>(SB), Y15

q5kloop:
	TESTQ R12, R12
	JZ    q5kdone
	K4SCALES
	VMOVDQU k_10<>(SB), Y3
	VMOVDQU 16(SI), Y12
	VPXOR   Y7, Y7, Y7
	VPSLLW  $4, Y12, Y13
	VPSLLW  $3, Y12, Y14
	Q5CHUNK(48, 0, 0)
	VPSLLW  $2, Y12, Y13
	VPSLLW  $1, Y12, Y14
	Q5CHUNK(80, 64, 64)
	VMOVDQA Y12, Y13
	VPSRLW  $1, Y12, Y14
	Q5CHUNK(112, 128, 128)
	VPSRLW  $2, Y12, Y13
	VPSRLW  $3, Y12, Y14
	Q5CHUNK(144, 192, 192)
	VCVTDQ2PS   Y7, Y7
	VFMADD231PS Y7, Y5, Y0
	ADDQ $176, SI
	ADDQ $256, DI
	ADDQ $4, R10
	ADDQ $32, R11
	DECQ R12
	JMP  q5kloop

q5kdone:
	VSUBPS Y1, Y0, Y0
	HSUM
	VZEROUPPER
	MOVSS X0, ret+40(FP)
	RET

// Q6PART adds to Y7 the scaled products of 32 six-bit values already in
// Yq with x at xoff(DI), scales picked from Ys by pair mask moff.
#define Q6PART(Yq, xoff, Ys, moff) \
	VPMADDUBSW xoff(DI), Yq, Yq             \
	VPSHUFB    k_pairw<>+moff(SB), Ys, Y11  \
	VPMADDWD   Y11, Yq, Yq                  \
	VPADDD     Yq, Y7, Y7

// Q6HALF handles 128 values: ql at qloff(SI), qh at qhoff(SI), x at xoff(DI).
#define Q6HALF(qloff, qhoff, xoff, Ys) \
	VMOVDQU qloff(SI), Y8      \
	VMOVDQU qloff+32(SI), Y9   \
	VMOVDQU qhoff(SI), Y10     \
	VPAND   Y15, Y8, Y4        \
	VPSLLW  $4, Y10, Y5        \
	VPAND   Y14, Y5, Y5        \
	VPOR    Y5, Y4, Y4         \
	Q6PART(Y4, xoff, Ys, 0)    \
	VPAND   Y15, Y9, Y4        \
	VPSLLW  $2, Y10, Y5        \
	VPAND   Y14, Y5, Y5        \
	VPOR    Y5, Y4, Y4         \
	Q6PART(Y4, xoff+32, Ys, 32) \
	VPSRLW  $4, Y8, Y4         \
	VPAND   Y15, Y4, Y4        \
	VPAND   Y14, Y10, Y5       \
	VPOR    Y5, Y4, Y4         \
	Q6PART(Y4, xoff+64, Ys, 64) \
	VPSRLW  $4, Y9, Y4         \
	VPAND   Y15, Y4, Y4        \
	VPSRLW  $2, Y10, Y5        \
	VPAND   Y14, Y5, Y5        \
	VPOR    Y5, Y4, Y4         \
	Q6PART(Y4, xoff+96, Ys, 96)

// func dotQ6KAVX2(w *byte, x *int8, d *float32, bsums *int16, nb int) float32
TEXT ·dotQ6KAVX2(SB), NOSPLIT, $0-44
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ d+16(FP), R10
	MOVQ bsums+24(FP), R11
	MOVQ nb+32(FP), R12
	VPXOR   Y0, Y0, Y0
	VMOVDQU k_0f<>(SB), Y15
	VMOVDQU k_30<>(SB), Y14

q6kloop:
	TESTQ R12, R12
	JZ    q6kdone
	VPMOVSXBW 192(SI), Y2
	VPMADDWD  (R11), Y2, Y3
	VPSLLD    $5, Y3, Y3
	VPERMQ    $0x44, Y2, Y12
	VPERMQ    $0xEE, Y2, Y13
	VPXOR     Y7, Y7, Y7
	Q6HALF(0, 128, 0, Y12)
	Q6HALF(64, 160, 128, Y13)
	VPSUBD    Y3, Y7, Y7
	VCVTDQ2PS Y7, Y7
	LOADD(208, X4, Y4)
	VFMADD231PS Y7, Y4, Y0
	ADDQ $210, SI
	ADDQ $256, DI
	ADDQ $4, R10
	ADDQ $32, R11
	DECQ R12
	JMP  q6kloop

q6kdone:
	HSUM
	VZEROUPPER
	MOVSS X0, ret+40(FP)
	RET

// func dotQ2KAVX2(w *byte, x *int8, d *float32, bsums *int16, nb int) float32
TEXT ·dotQ2KAVX2(SB), NOSPLIT, $0-44
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ d+16(FP), R10
	MOVQ bsums+24(FP), R11
	MOVQ nb+32(FP), R12
	VPXOR   Y0, Y0, Y0
	VPXOR   Y1, Y1, Y1
	VMOVDQU k_0f<>(SB), Y15
	VMOVDQU k_03<>(SB), Y14

q2kloop:
	TESTQ R12, R12
	JZ    q2kdone
	// scales (low nibbles) and mins (high nibbles) as int16
	VMOVDQU   (SI), X2
	VPSRLW    $4, X2, X3
	VPAND     X15, X2, X2
	VPAND     X15, X3, X3
	VPMOVZXBW X2, Y2
	VPMOVZXBW X3, Y3
	VPMADDWD  (R11), Y3, Y3
	VCVTDQ2PS Y3, Y3
	VPERMQ    $0x44, Y2, Y12
	VPERMQ    $0xEE, Y2, Y13
	// d*yd in Y6, dmin*yd in Y10
	MOVL      80(SI), AX
	VMOVD     AX, X6
	VCVTPH2PS X6, X6
	VBROADCASTSS (R10), X10
	VMULPS    X10, X6, X6
	VMOVSHDUP X6, X10
	VBROADCASTSS X10, Y10
	VBROADCASTSS X6, Y6
	VFMADD231PS Y3, Y10, Y1
	VPXOR     Y7, Y7, Y7
	VMOVDQU 16(SI), Y8
	VPAND      Y14, Y8, Y4
	VPMADDUBSW 0(DI), Y4, Y4
	VPSHUFB    k_pairw<>+0(SB), Y12, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSRLW     $2, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPMADDUBSW 32(DI), Y4, Y4
	VPSHUFB    k_pairw<>+32(SB), Y12, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSRLW     $4, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPMADDUBSW 64(DI), Y4, Y4
	VPSHUFB    k_pairw<>+64(SB), Y12, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSRLW     $6, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPMADDUBSW 96(DI), Y4, Y4
	VPSHUFB    k_pairw<>+96(SB), Y12, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VMOVDQU 48(SI), Y8
	VPAND      Y14, Y8, Y4
	VPMADDUBSW 128(DI), Y4, Y4
	VPSHUFB    k_pairw<>+0(SB), Y13, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSRLW     $2, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPMADDUBSW 160(DI), Y4, Y4
	VPSHUFB    k_pairw<>+32(SB), Y13, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSRLW     $4, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPMADDUBSW 192(DI), Y4, Y4
	VPSHUFB    k_pairw<>+64(SB), Y13, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSRLW     $6, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPMADDUBSW 224(DI), Y4, Y4
	VPSHUFB    k_pairw<>+96(SB), Y13, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VCVTDQ2PS Y7, Y7
	VFMADD231PS Y7, Y6, Y0
	ADDQ $84, SI
	ADDQ $256, DI
	ADDQ $4, R10
	ADDQ $32, R11
	DECQ R12
	JMP  q2kloop

q2kdone:
	VSUBPS Y1, Y0, Y0
	HSUM
	VZEROUPPER
	MOVSS X0, ret+40(FP)
	RET

// func dotQ3KAVX2(w *byte, x *int8, d *float32, bsums *int16, nb int) float32
//
// Values are used unsigned (0..7) and the -4 offset applied per block as
// -4*sum(scale*bsum).
TEXT ·dotQ3KAVX2(SB), NOSPLIT, $0-44
	MOVQ w+0(FP), SI
	MOVQ x+8(FP), DI
	MOVQ d+16(FP), R10
	MOVQ bsums+24(FP), R11
	MOVQ nb+32(FP), R12
	VPXOR   Y0, Y0, Y0
	VMOVDQU k_04<>(SB), Y15
	VMOVDQU k_03<>(SB), Y14

q3kloop:
	TESTQ R12, R12
	JZ    q3kdone
	// unpack the 16 six-bit scales
	MOVL  96(SI), AX
	MOVL  100(SI), BX
	MOVL  104(SI), CX
	MOVL  AX, DX
	SHRL  $4, DX
	ANDL  $0x0f0f0f0f, DX
	MOVL  CX, R8
	SHRL  $4, R8
	ANDL  $0x03030303, R8
	SHLL  $4, R8
	ORL   R8, DX          // aux2
	MOVL  BX, R9
	SHRL  $4, R9
	ANDL  $0x0f0f0f0f, R9
	MOVL  CX, R8
	SHRL  $6, R8
	ANDL  $0x03030303, R8
	SHLL  $4, R8
	ORL   R8, R9          // aux3
	ANDL  $0x0f0f0f0f, AX
	MOVL  CX, R8
	ANDL  $0x03030303, R8
	SHLL  $4, R8
	ORL   R8, AX          // aux0
	ANDL  $0x0f0f0f0f, BX
	MOVL  CX, R8
	SHRL  $2, R8
	ANDL  $0x03030303, R8
	SHLL  $4, R8
	ORL   R8, BX          // aux1
	SHLQ  $32, BX
	ORQ   BX, AX
	SHLQ  $32, R9
	ORQ   R9, DX
	MOVQ  AX, X2
	VPINSRQ $1, DX, X2, X2
	VPMOVZXBW X2, Y2
	VPSUBW  k_32w<>(SB), Y2, Y2
	VPMADDWD (R11), Y2, Y3
	VPSLLD  $2, Y3, Y3
	VPERMQ  $0x44, Y2, Y12
	VPERMQ  $0xEE, Y2, Y13
	VMOVDQU (SI), Y9
	VPXOR   Y7, Y7, Y7
	VMOVDQU 32(SI), Y8
	VPAND      Y14, Y8, Y4
	VPSLLW     $2, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPMADDUBSW 0(DI), Y4, Y4
	VPSHUFB    k_pairw<>+0(SB), Y12, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSRLW     $2, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSLLW     $1, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPMADDUBSW 32(DI), Y4, Y4
	VPSHUFB    k_pairw<>+32(SB), Y12, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSRLW     $4, Y8, Y4
	VPAND      Y14, Y4, Y4
	VMOVDQA    Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPMADDUBSW 64(DI), Y4, Y4
	VPSHUFB    k_pairw<>+64(SB), Y12, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSRLW     $6, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSRLW     $1, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPMADDUBSW 96(DI), Y4, Y4
	VPSHUFB    k_pairw<>+96(SB), Y12, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VMOVDQU 64(SI), Y8
	VPAND      Y14, Y8, Y4
	VPSRLW     $2, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPMADDUBSW 128(DI), Y4, Y4
	VPSHUFB    k_pairw<>+0(SB), Y13, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSRLW     $2, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSRLW     $3, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPMADDUBSW 160(DI), Y4, Y4
	VPSHUFB    k_pairw<>+32(SB), Y13, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSRLW     $4, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSRLW     $4, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPMADDUBSW 192(DI), Y4, Y4
	VPSHUFB    k_pairw<>+64(SB), Y13, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSRLW     $6, Y8, Y4
	VPAND      Y14, Y4, Y4
	VPSRLW     $5, Y9, Y5
	VPAND      Y15, Y5, Y5
	VPOR       Y5, Y4, Y4
	VPMADDUBSW 224(DI), Y4, Y4
	VPSHUFB    k_pairw<>+96(SB), Y13, Y5
	VPMADDWD   Y5, Y4, Y4
	VPADDD     Y4, Y7, Y7
	VPSUBD    Y3, Y7, Y7
	VCVTDQ2PS Y7, Y7
	MOVWLZX   108(SI), AX
	VMOVD     AX, X6
	VCVTPH2PS X6, X6
	VMULSS    (R10), X6, X6
	VBROADCASTSS X6, Y6
	VFMADD231PS Y7, Y6, Y0
	ADDQ $110, SI
	ADDQ $256, DI
	ADDQ $4, R10
	ADDQ $32, R11
	DECQ R12
	JMP  q3kloop

q3kdone:
	HSUM
	VZEROUPPER
	MOVSS X0, ret+40(FP)
	RET

// func dotF32AVX2(a, b *float32, n int) float32
// n must be a multiple of 8.
TEXT ·dotF32AVX2(SB), NOSPLIT, $0-28
	MOVQ a+0(FP), SI
	MOVQ b+8(FP), DI
	MOVQ n+16(FP), CX
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3

f32loop4:
	CMPQ CX, $32
	JLT  f32loop1
	VMOVUPS (SI), Y4
	VMOVUPS 32(SI), Y5
	VMOVUPS 64(SI), Y6
	VMOVUPS 96(SI), Y7
	VFMADD231PS (DI), Y4, Y0
	VFMADD231PS 32(DI), Y5, Y1
	VFMADD231PS 64(DI), Y6, Y2
	VFMADD231PS 96(DI), Y7, Y3
	ADDQ $128, SI
	ADDQ $128, DI
	SUBQ $32, CX
	JMP  f32loop4

f32loop1:
	TESTQ CX, CX
	JZ    f32done
	VMOVUPS (SI), Y4
	VFMADD231PS (DI), Y4, Y0
	ADDQ $32, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JMP  f32loop1

f32done:
	VADDPS Y1, Y0, Y0
	VADDPS Y3, Y2, Y2
	VADDPS Y2, Y0, Y0
	HSUM
	VZEROUPPER
	MOVSS X0, ret+24(FP)
	RET

// func dotF16F32AVX2(a *uint16, b *float32, n int) float32
// n must be a multiple of 8.
TEXT ·dotF16F32AVX2(SB), NOSPLIT, $0-28
	MOVQ a+0(FP), SI
	MOVQ b+8(FP), DI
	MOVQ n+16(FP), CX
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3

f16loop4:
	CMPQ CX, $32
	JLT  f16loop1
	VCVTPH2PS (SI), Y4
	VCVTPH2PS 16(SI), Y5
	VCVTPH2PS 32(SI), Y6
	VCVTPH2PS 48(SI), Y7
	VFMADD231PS (DI), Y4, Y0
	VFMADD231PS 32(DI), Y5, Y1
	VFMADD231PS 64(DI), Y6, Y2
	VFMADD231PS 96(DI), Y7, Y3
	ADDQ $64, SI
	ADDQ $128, DI
	SUBQ $32, CX
	JMP  f16loop4

f16loop1:
	TESTQ CX, CX
	JZ    f16done
	VCVTPH2PS (SI), Y4
	VFMADD231PS (DI), Y4, Y0
	ADDQ $16, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JMP  f16loop1

f16done:
	VADDPS Y1, Y0, Y0
	VADDPS Y3, Y2, Y2
	VADDPS Y2, Y0, Y0
	HSUM
	VZEROUPPER
	MOVSS X0, ret+24(FP)
	RET

// func dotBF16F32AVX2(a *uint16, b *float32, n int) float32
// n must be a multiple of 16.
TEXT ·dotBF16F32AVX2(SB), NOSPLIT, $0-28
	MOVQ a+0(FP), SI
	MOVQ b+8(FP), DI
	MOVQ n+16(FP), CX
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1

bf16loop:
	TESTQ CX, CX
	JZ    bf16done
	VPMOVZXWD (SI), Y4
	VPMOVZXWD 16(SI), Y5
	VPSLLD    $16, Y4, Y4
	VPSLLD    $16, Y5, Y5
	VFMADD231PS (DI), Y4, Y0
	VFMADD231PS 32(DI), Y5, Y1
	ADDQ $32, SI
	ADDQ $64, DI
	SUBQ $16, CX
	JMP  bf16loop

bf16done:
	VADDPS Y1, Y0, Y0
	HSUM
	VZEROUPPER
	MOVSS X0, ret+24(FP)
	RET

// func axpyF32AVX2(alpha float32, x, y *float32, n int)
// n must be a multiple of 8.
TEXT ·axpyF32AVX2(SB), NOSPLIT, $0-32
	VBROADCASTSS alpha+0(FP), Y0
	MOVQ x+8(FP), SI
	MOVQ y+16(FP), DI
	MOVQ n+24(FP), CX

axf32loop:
	TESTQ CX, CX
	JZ    axf32done
	VMOVUPS (DI), Y1
	VFMADD231PS (SI), Y0, Y1
	VMOVUPS Y1, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JMP  axf32loop

axf32done:
	VZEROUPPER
	RET

// func axpyF16AVX2(alpha float32, x *uint16, y *float32, n int)
// n must be a multiple of 8.
TEXT ·axpyF16AVX2(SB), NOSPLIT, $0-32
	VBROADCASTSS alpha+0(FP), Y0
	MOVQ x+8(FP), SI
	MOVQ y+16(FP), DI
	MOVQ n+24(FP), CX

axf16loop:
	TESTQ CX, CX
	JZ    axf16done
	VCVTPH2PS (SI), Y2
	VMOVUPS (DI), Y1
	VFMADD231PS Y2, Y0, Y1
	VMOVUPS Y1, (DI)
	ADDQ $16, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JMP  axf16loop

axf16done:
	VZEROUPPER
	RET

// func f32ToF16AVX2(dst *uint16, src *float32, n int)
// n must be a multiple of 8. Rounds to nearest even like F32ToF16.
TEXT ·f32ToF16AVX2(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX

cvtphloop:
	TESTQ CX, CX
	JZ    cvtphdone
	VMOVUPS   (SI), Y0
	VCVTPS2PH $0, Y0, X1
	VMOVDQU   X1, (DI)
	ADDQ $32, SI
	ADDQ $16, DI
	SUBQ $8, CX
	JMP  cvtphloop

cvtphdone:
	VZEROUPPER
	RET

// func f16ToF32AVX2(dst *float32, src *uint16, n int)
// n must be a multiple of 8.
TEXT ·f16ToF32AVX2(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX

cvtpsloop:
	TESTQ CX, CX
	JZ    cvtpsdone
	VCVTPH2PS (SI), Y0
	VMOVUPS   Y0, (DI)
	ADDQ $16, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JMP  cvtpsloop

cvtpsdone:
	VZEROUPPER
	RET

// func roundF16AVX2(dst, src *float32, n int)
// dst[i] = f32(f16(src[i])) for i < n, n a multiple of 8.
TEXT ·roundF16AVX2(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX

rndloop:
	TESTQ CX, CX
	JZ    rnddone
	VMOVUPS   (SI), Y0
	VCVTPS2PH $0, Y0, X1
	VCVTPH2PS X1, Y0
	VMOVUPS   Y0, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JMP  rndloop

rnddone:
	VZEROUPPER
	RET

// func addAVX2(dst, a, b *float32, n int)
// dst[i] = a[i] + b[i] for i < n, n a positive multiple of 8.
TEXT ·addAVX2(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ a+8(FP), SI
	MOVQ b+16(FP), DX
	MOVQ n+24(FP), CX
	XORQ AX, AX
	CMPQ CX, $32
	JLT  addtail

addloop32:
	VMOVUPS (SI)(AX*4), Y0
	VMOVUPS 32(SI)(AX*4), Y1
	VMOVUPS 64(SI)(AX*4), Y2
	VMOVUPS 96(SI)(AX*4), Y3
	VADDPS  (DX)(AX*4), Y0, Y0
	VADDPS  32(DX)(AX*4), Y1, Y1
	VADDPS  64(DX)(AX*4), Y2, Y2
	VADDPS  96(DX)(AX*4), Y3, Y3
	VMOVUPS Y0, (DI)(AX*4)
	VMOVUPS Y1, 32(DI)(AX*4)
	VMOVUPS Y2, 64(DI)(AX*4)
	VMOVUPS Y3, 96(DI)(AX*4)
	ADDQ    $32, AX
	LEAQ    32(AX), BX
	CMPQ    BX, CX
	JLE     addloop32

addtail:
	CMPQ    AX, CX
	JGE     adddone
	VMOVUPS (SI)(AX*4), Y0
	VADDPS  (DX)(AX*4), Y0, Y0
	VMOVUPS Y0, (DI)(AX*4)
	ADDQ    $8, AX
	JMP     addtail

adddone:
	VZEROUPPER
	RET
