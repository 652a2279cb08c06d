package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/gaianet-go/gaianet/gguf"
)

// dot4ZFamily emits the four-column Q4_0 and Q8_0 kernels for AVX-512
// (VNNI, VBMI, GFNI) over interleaved activations (dot4_avx512_amd64.s):
// per block, 128 bytes hold the four columns' values, x_c[16h..16h+15] at
// byte 64h+16c. The block's 16 weight bytes are broadcast to the four
// 128-bit lanes, so one VPDPBUSD per half of the block leaves the int32
// lanes 4c..4c+3 with column c's partial sums: the block's four scales,
// each spread over its column's lanes, multiply them directly and the
// lanes are folded once per row, instead of folding four vectors per
// block. Blocks go in pairs (the two weight scales converted together);
// an odd last block runs alone. Pure-Go twin: dotNx4Generic.
func dot4ZFamily() {
	dot4Z(gguf.TypeQ4_0)
	dot4Z(gguf.TypeQ8_0)
	exactQ4_0Z() // dotQ4_0x4Z's exact one-column twin (dotexact.go)
}

// zBlock adds the four columns' products with the block at woff(SI) into
// acc (lanes 4c..4c+3 for column c), scaled by the block's dw*dT spread by
// the pattern sidx from Z6; the block's interleaved activations are at
// xoff(DI). Clobbers Z2-Z5.
//
// Q4_0 (Z8: 0x0f bytes, Z15: kz_hinib): the nibbles are split with VPANDD
// and VGF2P8AFFINEQB. Q8_0 (Z8: 0x80 bytes): VPDPBUSD multiplies unsigned
// by signed bytes, so the signed weights go in offset by 128 (w XOR 0x80)
// and the int32 sums start from -128 times the activations' block sum (at
// soff(R12)): they end at sum(w*x) exactly. The offset goes into the first
// lane of every column's four (lane 4c, spread by Z12's indices under mask
// K3), so that each column is summed the same way whatever its place in
// the group: a column's result does not depend on the batch around it.
func zBlock(t gguf.TensorType, woff int, sidx Register, xoff, soff int, acc Register) {
	if t == gguf.TypeQ4_0 {
		VBROADCASTI32X4(m(RSI, woff+2), Z2)
		VPANDD(Z8, Z2, Z3)
		raw("VGF2P8AFFINEQB", U8(0), Z15, Z2, Z2)
		VPXORD(Z4, Z4, Z4)
		raw("VPDPBUSD", m(RDI, xoff), Z3, Z4)
		raw("VPDPBUSD", m(RDI, xoff+64), Z2, Z4)
	} else {
		VBROADCASTI32X4(m(RSI, woff+2), Z2)
		VBROADCASTI32X4(m(RSI, woff+18), Z3)
		VPXORD(Z8, Z2, Z2)
		VPXORD(Z8, Z3, Z3)
		VBROADCASTI32X4(m(R12, soff), Z4)
		VPERMD_Z(Z4, Z12, K3, Z4)
		raw("VPDPBUSD", m(RDI, xoff), Z2, Z4)
		raw("VPDPBUSD", m(RDI, xoff+64), Z3, Z4)
	}
	VCVTDQ2PS(Z4, Z4)
	VPERMPS(Z6, sidx, Z5)
	VFMADD231PS(Z4, Z5, acc)
}

func dot4Z(t gguf.TensorType) {
	bs := blockBytes(t)
	q4 := t == gguf.TypeQ4_0
	name := fmt.Sprintf("dot%sx4Z", t)
	if q4 {
		kernel(name, "func(w *byte, wstride, rows int, xi *int8, dT, dsT *float32, dstride int, nb int, out *float32)",
			name+" is the four-column Q4_0 kernel over interleaved activations\n(xi: scratch.qsI at the group of four columns) for rows weight rows\nwstride bytes apart, row k's results at out[4k:4k+4]; dT, dsT and\ndstride are as for dotQ4_0x4AVX2. It needs hasZ4. Twin: dotNx4Generic.",
			[]string{"w", "wstride", "rows", "dstride", "out"}, RBX, R13, R8, R11, RDX)
	} else {
		kernel(name, "func(w *byte, wstride, rows int, xi *int8, xs *int32, dT *float32, dstride int, nb int, out *float32)",
			name+" is dotQ4_0x4Z for Q8_0 weights, with xs (scratch.xsI at the\ngroup of four columns) in place of dsT: the weights go in offset by 128\nand the integer sums start from -128 times the activations' block sums,\nso they are exact. It needs hasZ4. Twin: dotNx4Generic.",
			[]string{"w", "wstride", "rows", "dstride", "out"}, RBX, R13, R8, R11, RDX)
	}
	VMOVDQU64(k("kz_sidx0"), Z12)
	VMOVDQU64(k("kz_sidx1"), Z13)
	if q4 {
		VMOVDQU(k("kz_dwidx"), Y14)
		VMOVDQU64(k("kz_0f"), Z8)
		VPBROADCASTQ(k("kz_hinib"), Z15)
	} else {
		VMOVDQU(k("kz8_dwidx"), Y14) // clears the upper half of Z14
		MOVL(U32(0x80808080), EAX)
		VPBROADCASTD(EAX, Z8)
		MOVL(U32(0x1111), EAX) // lanes 0, 4, 8, 12
		KMOVW(EAX, K3)
	}
	Label("row")
	TESTQ(R8, R8)
	JZ(LabelRef("end"))
	MOVQ(RBX, RSI)
	if q4 {
		loadArgs([]string{"xi", "dT", "dsT", "nb"}, RDI, R10, R12, RCX)
	} else {
		loadArgs([]string{"xi", "xs", "dT", "nb"}, RDI, R12, R10, RCX)
	}
	VPXORD(Z0, Z0, Z0)
	VPXORD(Z1, Z1, Z1)
	if q4 {
		VPXOR(Y10, Y10, Y10)
	}
	MOVQ(U64(0xfffffffff), RAX)
	KMOVQ(RAX, K1)
	SHRQ(U8(1), RCX)
	JZ(LabelRef("last"))
	CMPQ(R11, U8(16))
	JNE(LabelRef("pair"))
	// The weights stream from memory: prefetch 2 KB ahead, every line of
	// a pair. With a batch of four, the pair's scales (and offset sums)
	// are 8 adjacent floats.
	pairScale := func() {
		prefetch((2*bs + 63) / 64)
		VMOVDQU8_Z(m(RSI, 0), K1, Z9)
		if q4 {
			VPERMB(Y9, Y14, Y7)
		} else {
			VPERMB(Z9, Z14, Z7)
		}
		VCVTPH2PS(X7, Y7)
	}
	pairBlocks := func() {
		zBlock(t, 0, Z12, 0, 0, Z0)
		zBlock(t, bs, Z13, 128, 16, Z1)
		ADDQ(U8(2*bs), RSI)
		ADDQ(U32(256), RDI)
	}
	Label("dense")
	pairScale()
	VMULPS(m(R10, 0), Y7, Y6)
	if q4 {
		VFMADD231PS(m(R12, 0), Y7, Y10)
	}
	pairBlocks()
	if q4 {
		ADDQ(U8(32), R10)
		ADDQ(U8(32), R12)
	} else {
		ADDQ(U8(32), R12)
		ADDQ(U8(32), R10)
	}
	DECQ(RCX)
	JNZ(LabelRef("dense"))
	JMP(LabelRef("last"))
	Label("pair")
	pairScale()
	VMOVUPS(m(R10, 0), X6)
	VINSERTF128(U8(1), mi(R10, 0, R11, 1), Y6, Y6)
	VMULPS(Y7, Y6, Y6)
	if q4 {
		VMOVUPS(m(R12, 0), X11)
		VINSERTF128(U8(1), mi(R12, 0, R11, 1), Y11, Y11)
		VFMADD231PS(Y11, Y7, Y10)
	}
	pairBlocks()
	if !q4 {
		ADDQ(U8(32), R12)
	}
	LEAQ(mi(R10, 0, R11, 2), R10)
	if q4 {
		LEAQ(mi(R12, 0, R11, 2), R12)
	}
	DECQ(RCX)
	JNZ(LabelRef("pair"))
	Label("last")
	Load(Param("nb"), RAX)
	TESTQ(U32(1), RAX)
	JZ(LabelRef("done"))
	f16Scale(0, X7)
	VBROADCASTSS(X7, X7)
	VMULPS(m(R10, 0), X7, X6)
	if q4 {
		VMOVUPS(m(R12, 0), X11)
		VFMADD231PS(Y11, Y7, Y10) // not X10: that would clear the upper half
	}
	zBlock(t, 0, Z12, 0, 0, Z0)
	Label("done")
	// out[c] = sum of lanes 4c..4c+3 of Z0+Z1 (Q4_0: - 8*(both halves of Y10))
	VADDPS(Z1, Z0, Z0)
	VEXTRACTF64X4(U8(1), Z0, Y1)
	VHADDPS(Y1, Y0, Y0)
	VHADDPS(Y0, Y0, Y0)
	VEXTRACTF128(U8(1), Y0, X1)
	VUNPCKLPS(X1, X0, X0)
	if q4 {
		VEXTRACTF128(U8(1), Y10, X9)
		VADDPS(X9, X10, X10)
		MOVL(f32bits(8), EAX)
		VMOVD(EAX, X11)
		VBROADCASTSS(X11, X11)
		VFNMADD231PS(X11, X10, X0)
	}
	VMOVUPS(X0, m(RDX, 0))
	ADDQ(U8(16), RDX)
	ADDQ(R13, RBX)
	DECQ(R8)
	JMP(LabelRef("row"))
	Label("end")
	vret()
}
