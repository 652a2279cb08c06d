//go:build !noasm

// AVX2 passes of AddLayerNorm. Sums run in eight float64 lanes, Y0 holding
// lanes 0..3 and Y1 lanes 4..7 (value i goes to lane i%8), stored to sums
// at the end; normalization multiplies and adds separately (no FMA). Twin:
// addLayerNormGeneric and the functions it calls.

#include "textflag.h"

// ACC8(Yv) widens the eight floats of Yv to float64 and adds them to the
// lane sums Y0, Y1. Clobbers X14, Y15.
#define ACC8(Yv, Xv) \
	VCVTPS2PD    Xv, Y15 \
	VADDPD       Y15, Y0, Y0 \
	VEXTRACTF128 $1, Yv, X14 \
	VCVTPS2PD    X14, Y15 \
	VADDPD       Y15, Y1, Y1

// func addSumAVX2(x, y, bias *float32, n int, sums *[8]float64)
TEXT ·addSumAVX2(SB), NOSPLIT, $0-40
	MOVQ   x+0(FP), DI
	MOVQ   y+8(FP), SI
	MOVQ   bias+16(FP), DX
	MOVQ   n+24(FP), CX
	MOVQ   sums+32(FP), AX
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1

addsumloop:
	VMOVUPS (SI), Y2
	TESTQ   DX, DX
	JZ      addsumnobias
	VADDPS  (DX), Y2, Y2
	ADDQ    $32, DX

addsumnobias:
	VADDPS  (DI), Y2, Y2
	VMOVUPS Y2, (DI)
	ACC8(Y2, X2)
	ADDQ    $32, DI
	ADDQ    $32, SI
	SUBQ    $8, CX
	JNZ     addsumloop

	VMOVUPD Y0, (AX)
	VMOVUPD Y1, 32(AX)
	VZEROUPPER
	RET

// func devSumAVX2(x *float32, n int, mean float32, sums *[8]float64)
TEXT ·devSumAVX2(SB), NOSPLIT, $0-32
	MOVQ         x+0(FP), DI
	MOVQ         n+8(FP), CX
	VBROADCASTSS mean+16(FP), Y3
	MOVQ         sums+24(FP), AX
	VXORPD       Y0, Y0, Y0
	VXORPD       Y1, Y1, Y1

devsumloop:
	VMOVUPS (DI), Y2
	VSUBPS  Y3, Y2, Y2
	VMULPS  Y2, Y2, Y2
	ACC8(Y2, X2)
	ADDQ    $32, DI
	SUBQ    $8, CX
	JNZ     devsumloop

	VMOVUPD Y0, (AX)
	VMOVUPD Y1, 32(AX)
	VZEROUPPER
	RET

// func normalizeAVX2(x *float32, n int, mean, scale float32, w, b *float32)
TEXT ·normalizeAVX2(SB), NOSPLIT, $0-40
	MOVQ         x+0(FP), DI
	MOVQ         n+8(FP), CX
	VBROADCASTSS mean+16(FP), Y3
	VBROADCASTSS scale+20(FP), Y4
	MOVQ         w+24(FP), SI
	MOVQ         b+32(FP), DX

normloop:
	VMOVUPS (DI), Y2
	VSUBPS  Y3, Y2, Y2
	VMULPS  Y4, Y2, Y2
	TESTQ   SI, SI
	JZ      normnow
	VMULPS  (SI), Y2, Y2
	ADDQ    $32, SI

normnow:
	TESTQ   DX, DX
	JZ      normnob
	VADDPS  (DX), Y2, Y2
	ADDQ    $32, DX

normnob:
	VMOVUPS Y2, (DI)
	ADDQ    $32, DI
	SUBQ    $8, CX
	JNZ     normloop

	VZEROUPPER
	RET
