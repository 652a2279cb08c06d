//go:build !noasm

// AVX2 grouped-query attention kernels (attn.go): four query heads at a
// time against rows of a half-precision cache, each cache row widened
// once for the four heads. Pure-Go twins: attnScoresF16Generic and
// attnMixF16Generic.

#include "textflag.h"

// func attnScores4AVX2(k *uint16, q *float32, out *float32, n, hd int, scale float32)
TEXT ·attnScores4AVX2(SB), NOSPLIT, $0-44
	MOVQ k+0(FP), SI
	MOVQ q+8(FP), DI
	MOVQ out+16(FP), DX
	MOVQ n+24(FP), CX
	MOVQ hd+32(FP), R13
	VBROADCASTSS scale+40(FP), X15
	LEAQ (R13*4), R8          // query row stride, bytes
	LEAQ (R8)(R8*2), R9
	LEAQ (CX*4), R10          // score row stride, bytes
	LEAQ (R10)(R10*2), R11
	SHRQ $3, R13              // chunks of 8 per row

scorerow:
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	MOVQ   DI, AX
	MOVQ   R13, BX

scorechunk:
	VCVTPH2PS   (SI), Y4
	VFMADD231PS (AX), Y4, Y0
	VFMADD231PS (AX)(R8*1), Y4, Y1
	VFMADD231PS (AX)(R8*2), Y4, Y2
	VFMADD231PS (AX)(R9*1), Y4, Y3
	ADDQ $16, SI
	ADDQ $32, AX
	DECQ BX
	JNZ  scorechunk

	VHADDPS      Y1, Y0, Y0
	VHADDPS      Y3, Y2, Y2
	VHADDPS      Y2, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPS       X1, X0, X0
	VMULPS       X15, X0, X0
	VMOVSS       X0, (DX)
	VEXTRACTPS   $1, X0, (DX)(R10*1)
	VEXTRACTPS   $2, X0, (DX)(R10*2)
	VEXTRACTPS   $3, X0, (DX)(R11*1)
	ADDQ         $4, DX
	DECQ         CX
	JNZ          scorerow
	VZEROUPPER
	RET

// func attnMix4AVX2(v *uint16, w *float32, out *float32, n, hd int)
//
// The head dimension goes in pieces of 16: the four heads' 16 outputs stay
// in eight registers while every value row's piece is added in.
TEXT ·attnMix4AVX2(SB), NOSPLIT, $0-40
	MOVQ v+0(FP), SI
	MOVQ w+8(FP), DI
	MOVQ out+16(FP), DX
	MOVQ n+24(FP), CX
	MOVQ hd+32(FP), R13
	LEAQ (R13*4), R8          // output row stride, bytes
	LEAQ (R8)(R8*2), R9
	LEAQ (CX*4), R10          // weight row stride, bytes
	LEAQ (R10)(R10*2), R11
	LEAQ (R13*2), R12         // value row stride, bytes
	SHRQ $4, R13              // pieces of 16

mixpiece:
	VMOVUPS (DX), Y0
	VMOVUPS 32(DX), Y1
	VMOVUPS (DX)(R8*1), Y2
	VMOVUPS 32(DX)(R8*1), Y3
	VMOVUPS (DX)(R8*2), Y4
	VMOVUPS 32(DX)(R8*2), Y5
	VMOVUPS (DX)(R9*1), Y6
	VMOVUPS 32(DX)(R9*1), Y7
	MOVQ    SI, AX
	MOVQ    DI, BX
	MOVQ    CX, R14

mixrow:
	VCVTPH2PS    (AX), Y8
	VCVTPH2PS    16(AX), Y9
	VBROADCASTSS (BX), Y10
	VFMADD231PS  Y8, Y10, Y0
	VFMADD231PS  Y9, Y10, Y1
	VBROADCASTSS (BX)(R10*1), Y11
	VFMADD231PS  Y8, Y11, Y2
	VFMADD231PS  Y9, Y11, Y3
	VBROADCASTSS (BX)(R10*2), Y12
	VFMADD231PS  Y8, Y12, Y4
	VFMADD231PS  Y9, Y12, Y5
	VBROADCASTSS (BX)(R11*1), Y13
	VFMADD231PS  Y8, Y13, Y6
	VFMADD231PS  Y9, Y13, Y7
	ADDQ         R12, AX
	ADDQ         $4, BX
	DECQ         R14
	JNZ          mixrow

	VMOVUPS Y0, (DX)
	VMOVUPS Y1, 32(DX)
	VMOVUPS Y2, (DX)(R8*1)
	VMOVUPS Y3, 32(DX)(R8*1)
	VMOVUPS Y4, (DX)(R8*2)
	VMOVUPS Y5, 32(DX)(R8*2)
	VMOVUPS Y6, (DX)(R9*1)
	VMOVUPS Y7, 32(DX)(R9*1)
	ADDQ    $32, SI
	ADDQ    $64, DX
	DECQ    R13
	JNZ     mixpiece
	VZEROUPPER
	RET
