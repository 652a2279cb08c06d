//go:build !noasm

// AVX2 activation quantization. Pure-Go twin: quantActQ8_0Generic.

#include "textflag.h"

// QROUND replaces the floats Yx by int32(round-half-away(Yx*Y6)): t =
// trunc(y), plus sign(y) where |y-t| >= 0.5 (y-t is exact). NaN and
// out-of-range values give 0x80000000, as Go's conversion does on amd64.
#define QROUND(Yx) \
	VMULPS    Y6, Yx, Yx   \
	VROUNDPS  $3, Yx, Y7   \
	VSUBPS    Y7, Yx, Y4   \
	VANDPS    Y15, Y4, Y4  \
	VCMPPS    $0x1d, Y12, Y4, Y4 \
	VANDPS    Y14, Yx, Yx  \
	VORPS     Y13, Yx, Yx  \
	VANDPS    Y4, Yx, Yx   \
	VADDPS    Yx, Y7, Yx   \
	VCVTTPS2DQ Yx, Yx

// func quantQ8_0AVX2(x *float32, qs *int8, d, ds *float32, nb int)
//
// For each block of 32 values: d = f16(max|x|/127) (NaNs ignored, as
// absMax), id = 127/max (0 if max is 0), q = round-half-away(x*id)
// truncated to int8 like Go's int8(int32(.)), ds = d*sum(q).
TEXT ·quantQ8_0AVX2(SB), NOSPLIT, $0-40
	MOVQ x+0(FP), SI
	MOVQ qs+8(FP), DI
	MOVQ d+16(FP), R10
	MOVQ ds+24(FP), R11
	MOVQ nb+32(FP), CX
	VBROADCASTSS qabs<>(SB), Y15   // 0x7fffffff
	VBROADCASTSS qsign<>(SB), Y14  // 0x80000000
	VBROADCASTSS qone<>(SB), Y13   // 1.0
	VBROADCASTSS qhalf<>(SB), Y12  // 0.5
	VMOVDQU      qperm<>(SB), Y11
	VPBROADCASTD qmask8<>(SB), Y10 // 0x000000ff per dword
	VPBROADCASTD qones8<>(SB), Y9  // bytes 1
	VPBROADCASTD qones16<>(SB), Y8 // words 1

qloop:
	TESTQ CX, CX
	JZ    qdone
	VMOVUPS (SI), Y0
	VMOVUPS 32(SI), Y1
	VMOVUPS 64(SI), Y2
	VMOVUPS 96(SI), Y3
	// M = running max of |x|, ignoring NaN: M = (a > M) ? a : M.
	VXORPS  Y4, Y4, Y4
	VANDPS  Y15, Y0, Y5
	VMAXPS  Y4, Y5, Y4
	VANDPS  Y15, Y1, Y5
	VMAXPS  Y4, Y5, Y4
	VANDPS  Y15, Y2, Y5
	VMAXPS  Y4, Y5, Y4
	VANDPS  Y15, Y3, Y5
	VMAXPS  Y4, Y5, Y4
	VEXTRACTF128 $1, Y4, X5
	VMAXPS  X5, X4, X4
	VMOVHLPS X4, X4, X5
	VMAXPS  X5, X4, X4
	VMOVSHDUP X4, X5
	VMAXSS  X5, X4, X4
	// di = max/127; id = 1/di or 0.
	VDIVSS  q127<>(SB), X4, X4
	VXORPS  X6, X6, X6
	VUCOMISS X6, X4
	JEQ     qzero
	VDIVSS  X4, X13, X6        // X13 low lane = 1.0
qzero:
	VCVTPS2PH $0, X4, X5
	VCVTPH2PS X5, X5
	VMOVSS  X5, (R10)          // d = f16(di)
	VBROADCASTSS X6, Y6
	QROUND(Y0)
	QROUND(Y1)
	QROUND(Y2)
	QROUND(Y3)
	VPAND     Y10, Y0, Y0
	VPAND     Y10, Y1, Y1
	VPAND     Y10, Y2, Y2
	VPAND     Y10, Y3, Y3
	VPACKUSDW Y1, Y0, Y0
	VPACKUSDW Y3, Y2, Y2
	VPACKUSWB Y2, Y0, Y0
	VPERMD    Y0, Y11, Y0
	VMOVDQU   Y0, (DI)
	// sum(q) as int8
	VPMADDUBSW Y0, Y9, Y0
	VPMADDWD   Y8, Y0, Y0
	VEXTRACTI128 $1, Y0, X1
	VPADDD    X1, X0, X0
	VPSHUFD   $0x4e, X0, X1
	VPADDD    X1, X0, X0
	VPSHUFD   $0xb1, X0, X1
	VPADDD    X1, X0, X0
	VCVTDQ2PS X0, X0
	VMULSS    X5, X0, X0
	VMOVSS    X0, (R11)        // ds = d*sum
	ADDQ $128, SI
	ADDQ $32, DI
	ADDQ $4, R10
	ADDQ $4, R11
	DECQ CX
	JMP  qloop

qdone:
	VZEROUPPER
	RET

DATA qabs<>+0(SB)/4, $0x7fffffff
GLOBL qabs<>(SB), RODATA|NOPTR, $4
DATA qsign<>+0(SB)/4, $0x80000000
GLOBL qsign<>(SB), RODATA|NOPTR, $4
DATA qone<>+0(SB)/4, $0x3f800000
GLOBL qone<>(SB), RODATA|NOPTR, $4
DATA qhalf<>+0(SB)/4, $0x3f000000
GLOBL qhalf<>(SB), RODATA|NOPTR, $4
DATA q127<>+0(SB)/4, $0x42fe0000
GLOBL q127<>(SB), RODATA|NOPTR, $4
DATA qperm<>+0(SB)/4, $0
DATA qperm<>+4(SB)/4, $4
DATA qperm<>+8(SB)/4, $1
DATA qperm<>+12(SB)/4, $5
DATA qperm<>+16(SB)/4, $2
DATA qperm<>+20(SB)/4, $6
DATA qperm<>+24(SB)/4, $3
DATA qperm<>+28(SB)/4, $7
GLOBL qperm<>(SB), RODATA|NOPTR, $32
DATA qmask8<>+0(SB)/4, $0x000000ff
GLOBL qmask8<>(SB), RODATA|NOPTR, $4
DATA qones8<>+0(SB)/4, $0x01010101
GLOBL qones8<>(SB), RODATA|NOPTR, $4
DATA qones16<>+0(SB)/4, $0x00010001
GLOBL qones16<>(SB), RODATA|NOPTR, $4

// QKROUND8 quantizes the 8 floats at off(SI) into int32 lanes of Yr as
// Go's nearestIntMul(iscale, x) does: x*iscale+12582912 fused in float64
// (Y14 = iscale, Y13 = 12582912, both float64), rounded to float32, low
// 23 bits minus 0x400000; then min(127, .). Uses Y4, Y5.
#define QKROUND8(off, Yr) \
	VCVTPS2PD   off(SI), Y4        \
	VCVTPS2PD   off+16(SI), Y5     \
	VFMADD213PD Y13, Y14, Y4       \
	VFMADD213PD Y13, Y14, Y5       \
	VCVTPD2PSY  Y4, X4             \
	VCVTPD2PSY  Y5, X5             \
	VINSERTF128 $1, X5, Y4, Yr     \
	VPAND       Y12, Yr, Yr        \
	VPSUBD      Y11, Yr, Yr        \
	VPMINSD     Y10, Yr, Yr

// func quantQ8KAVX2(x *float32, qs *int8, d *float32, nb int)
//
// quantActQ8K without the block sums: for each block of 256 values, mx =
// the first value of largest magnitude (NaNs ignored); if its magnitude
// is 0 the block is zero; else iscale = -127/mx, q = int8(min(127,
// nearestIntMul(iscale, x))), d = 1/iscale.
TEXT ·quantQ8KAVX2(SB), NOSPLIT, $0-32
	MOVQ x+0(FP), SI
	MOVQ qs+8(FP), DI
	MOVQ d+16(FP), R10
	MOVQ nb+24(FP), CX
	VBROADCASTSS qabs<>(SB), Y15
	VBROADCASTSD qmagic<>(SB), Y13
	VPBROADCASTD qmant<>(SB), Y12
	VPBROADCASTD qbias<>(SB), Y11
	VPBROADCASTD q127i<>(SB), Y10
	VPBROADCASTD qmask8<>(SB), Y9
	VMOVDQU      qperm<>(SB), Y8

qkloop:
	TESTQ CX, CX
	JZ    qkdone
	// amax over 256 values
	VXORPS Y0, Y0, Y0
	XORQ   AX, AX
qkmax:
	VANDPS (SI)(AX*1), Y15, Y1
	VMAXPS Y0, Y1, Y0
	ADDQ   $32, AX
	CMPQ   AX, $1024
	JLT    qkmax
	VEXTRACTF128 $1, Y0, X1
	VMAXPS  X1, X0, X0
	VMOVHLPS X0, X0, X1
	VMAXPS  X1, X0, X0
	VMOVSHDUP X0, X1
	VMAXSS  X1, X0, X0
	VXORPS  X1, X1, X1
	VUCOMISS X1, X0
	JEQ     qkzero
	// first index with |x| == amax
	VBROADCASTSS X0, Y0
	XORQ   AX, AX
qkfind:
	VANDPS (SI)(AX*1), Y15, Y1
	VCMPPS $0, Y0, Y1, Y1
	VMOVMSKPS Y1, BX
	TESTQ  BX, BX
	JNZ    qkfound
	ADDQ   $32, AX
	JMP    qkfind
qkfound:
	BSFQ   BX, BX
	LEAQ   (AX)(BX*4), AX
	VMOVSS (SI)(AX*1), X1      // mx
	VMOVSS qm127<>(SB), X2
	VDIVSS X1, X2, X2          // iscale = -127/mx
	VMOVSS qone<>(SB), X3
	VDIVSS X2, X3, X3
	VMOVSS X3, (R10)           // d = 1/iscale
	VCVTSS2SD X2, X2, X2
	VBROADCASTSD X2, Y14
	XORQ   AX, AX
	XORQ   DX, DX
qkq:
	QKROUND8(0, Y0)
	QKROUND8(32, Y1)
	QKROUND8(64, Y2)
	QKROUND8(96, Y3)
	VPAND     Y9, Y0, Y0
	VPAND     Y9, Y1, Y1
	VPAND     Y9, Y2, Y2
	VPAND     Y9, Y3, Y3
	VPACKUSDW Y1, Y0, Y0
	VPACKUSDW Y3, Y2, Y2
	VPACKUSWB Y2, Y0, Y0
	VPERMD    Y0, Y8, Y0
	VMOVDQU   Y0, (DI)
	ADDQ $128, SI
	ADDQ $32, DI
	INCQ DX
	CMPQ DX, $8
	JLT  qkq
	JMP  qknext

qkzero:
	MOVL   $0, (R10)
	VPXOR  Y0, Y0, Y0
	XORQ   AX, AX
qkz:
	VMOVDQU Y0, (DI)(AX*1)
	ADDQ   $32, AX
	CMPQ   AX, $256
	JLT    qkz
	ADDQ   $1024, SI
	ADDQ   $256, DI

qknext:
	ADDQ $4, R10
	DECQ CX
	JMP  qkloop

qkdone:
	VZEROUPPER
	RET

DATA qmagic<>+0(SB)/8, $0x4168000000000000
GLOBL qmagic<>(SB), RODATA|NOPTR, $8
DATA qmant<>+0(SB)/4, $0x007fffff
GLOBL qmant<>(SB), RODATA|NOPTR, $4
DATA qbias<>+0(SB)/4, $0x00400000
GLOBL qbias<>(SB), RODATA|NOPTR, $4
DATA q127i<>+0(SB)/4, $127
GLOBL q127i<>(SB), RODATA|NOPTR, $4
DATA qm127<>+0(SB)/4, $0xc2fe0000
GLOBL qm127<>(SB), RODATA|NOPTR, $4
