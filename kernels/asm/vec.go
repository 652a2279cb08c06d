package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// vecFamily emits the AVX2 element-wise float kernels (vec_avx2_amd64.s):
// axpy, half-precision conversion and rounding, addition. Each kernel's
// pure-Go twin is named in its doc comment.
func vecFamily() {
	axpy("axpyF32AVX2", "func(alpha float32, x, y *float32, n int)",
		"axpyF32AVX2 does y[i] += alpha*x[i] for i < n, n a multiple of 8.\nTwin: axpyF32Generic.", 32, func() {
			VMOVUPS(m(RDI, 0), Y1)
			VFMADD231PS(m(RSI, 0), Y0, Y1)
		})
	axpy("axpyF16AVX2", "func(alpha float32, x *uint16, y *float32, n int)",
		"axpyF16AVX2 does y[i] += alpha*f32(x[i]) for i < n, n a multiple of 8.\nTwin: axpyF16Generic.", 16, func() {
			VCVTPH2PS(m(RSI, 0), Y2)
			VMOVUPS(m(RDI, 0), Y1)
			VFMADD231PS(Y2, Y0, Y1)
		})
	stream8("f32ToF16AVX2", "func(dst *uint16, src *float32, n int)",
		"f32ToF16AVX2 converts n floats (n a multiple of 8) to half precision,\nrounding to nearest even. Twin: the loop in f32ToF16RowGeneric.", 32, 16, func() {
			VMOVUPS(m(RSI, 0), Y0)
			VCVTPS2PH(U8(0), Y0, X1)
			VMOVDQU(X1, m(RDI, 0))
		})
	stream8("f16ToF32AVX2", "func(dst *float32, src *uint16, n int)",
		"f16ToF32AVX2 widens n halves (n a multiple of 8). Twin: the loop in\nf16ToF32RowGeneric.", 16, 32, func() {
			VCVTPH2PS(m(RSI, 0), Y0)
			VMOVUPS(Y0, m(RDI, 0))
		})
	stream8("roundF16AVX2", "func(dst, src *float32, n int)",
		"roundF16AVX2 rounds n floats (n a multiple of 8) to the nearest half and\nback. Twin: the loop in roundF16RowGeneric.", 32, 32, func() {
			VMOVUPS(m(RSI, 0), Y0)
			VCVTPS2PH(U8(0), Y0, X1)
			VCVTPH2PS(X1, Y0)
			VMOVUPS(Y0, m(RDI, 0))
		})
	kernel("roundF16HAVX2", "func(dst *float32, h *uint16, src *float32, n int)",
		"roundF16HAVX2 rounds n floats (n a multiple of 8) to the nearest half,\nstoring the bits in h and their value in dst. Twin: the loop in\nroundF16HRowGeneric.",
		[]string{"dst", "h", "src", "n"}, RDI, RDX, RSI, RCX)
	countdown("loop", RCX, 8, []ptrStep{{r: RSI, n: 32}, {r: RDI, n: 32}, {r: RDX, n: 16}}, func() {
		VMOVUPS(m(RSI, 0), Y0)
		VCVTPS2PH(U8(0), Y0, X1)
		VMOVUPS(X1, m(RDX, 0))
		VCVTPH2PS(X1, Y0)
		VMOVUPS(Y0, m(RDI, 0))
	})
	vret()
	add()
}

// axpy emits y[i] += alpha*x[i] over 8 values at a time: body leaves the
// new y in Y1 (alpha is broadcast in Y0); xStep is x's bytes per 8 values.
func axpy(name, sig, doc string, xStep int, body func()) {
	kernel(name, sig, doc, nil)
	VBROADCASTSS(arg("alpha"), Y0)
	loadArgs([]string{"x", "y", "n"}, RSI, RDI, RCX)
	countdown("loop", RCX, 8, []ptrStep{{r: RSI, n: xStep}, {r: RDI, n: 32}}, func() {
		body()
		VMOVUPS(Y1, m(RDI, 0))
	})
	vret()
}

// stream8 emits a loop over 8 values at a time from src (SI) to dst (DI).
func stream8(name, sig, doc string, srcStep, dstStep int, body func()) {
	kernel(name, sig, doc, []string{"dst", "src", "n"}, RDI, RSI, RCX)
	countdown("loop", RCX, 8, []ptrStep{{r: RSI, n: srcStep}, {r: RDI, n: dstStep}}, body)
	vret()
}

func add() {
	kernel("addAVX2", "func(dst, a, b *float32, n int)",
		"addAVX2 sets dst[i] = a[i] + b[i] for i < n (n a positive multiple of\n8); dst may be a or b. Twin: addF32Generic.",
		[]string{"dst", "a", "b", "n"}, RDI, RSI, RDX, RCX)
	XORQ(RAX, RAX)
	CMPQ(RCX, U8(32))
	JLT(LabelRef("tail"))
	Label("loop32")
	ys := []Register{Y0, Y1, Y2, Y3}
	for i, y := range ys {
		VMOVUPS(mi(RSI, 32*i, RAX, 4), y)
	}
	for i, y := range ys {
		VADDPS(mi(RDX, 32*i, RAX, 4), y, y)
	}
	for i, y := range ys {
		VMOVUPS(y, mi(RDI, 32*i, RAX, 4))
	}
	ADDQ(U8(32), RAX)
	LEAQ(m(RAX, 32), RBX)
	CMPQ(RBX, RCX)
	JLE(LabelRef("loop32"))
	Label("tail")
	CMPQ(RAX, RCX)
	JGE(LabelRef("done"))
	VMOVUPS(mi(RSI, 0, RAX, 4), Y0)
	VADDPS(mi(RDX, 0, RAX, 4), Y0, Y0)
	VMOVUPS(Y0, mi(RDI, 0, RAX, 4))
	ADDQ(U8(8), RAX)
	JMP(LabelRef("tail"))
	Label("done")
	vret()
}
