//go:build !noasm

// Eight-wide GELUF16: bias add, VCVTPS2PH (round to nearest even, as
// F32ToF16), a gather from the table, and the two clamps as blends.
// Twin: geluF16Generic.

#include "textflag.h"

DATA geluc<>+0(SB)/4, $0xc1200000 // -10
DATA geluc<>+4(SB)/4, $0x41200000 // 10
GLOBL geluc<>(SB), RODATA|NOPTR, $8

// func geluF16AVX2(x, bias *float32, n int, t *[1 << 16]float32)
TEXT ·geluF16AVX2(SB), NOSPLIT, $0-32
	MOVQ         x+0(FP), SI
	MOVQ         bias+8(FP), DI
	MOVQ         n+16(FP), CX
	MOVQ         t+24(FP), AX
	VBROADCASTSS geluc<>+0(SB), Y14 // -10
	VBROADCASTSS geluc<>+4(SB), Y15 // 10

geluloop:
	VMOVUPS (SI), Y0
	TESTQ   DI, DI
	JZ      gelunobias
	VADDPS  (DI), Y0, Y0
	ADDQ    $32, DI

gelunobias:
	VCVTPS2PH  $0, Y0, X1
	VPMOVZXWD  X1, Y1
	VPCMPEQD   Y2, Y2, Y2
	VGATHERDPS Y2, (AX)(Y1*4), Y3
	VCMPPS     $0x02, Y14, Y0, Y4 // v <= -10
	VANDNPS    Y3, Y4, Y3
	VCMPPS     $0x1d, Y15, Y0, Y5 // v >= 10
	VBLENDVPS  Y5, Y0, Y3, Y3
	VMOVUPS    Y3, (SI)
	ADDQ       $32, SI
	SUBQ       $8, CX
	JNZ        geluloop

	VZEROUPPER
	RET
