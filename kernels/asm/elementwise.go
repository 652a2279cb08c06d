package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// ifPtr runs op(p) unless the pointer register p is nil, then moves p on
// by 32 bytes; skip names the label after it.
func ifPtr(p Register, skip string, op func(Mem)) {
	TESTQ(p, p)
	JZ(LabelRef(skip))
	op(m(p, 0))
	ADDQ(U8(32), p)
	Label(skip)
}

// geluFamily emits the eight-wide GELUF16 (gelu_avx2_amd64.s): bias add,
// VCVTPS2PH (round to nearest even, as F32ToF16), a gather from the
// table, and the two clamps as blends. Twin: geluF16Generic.
func geluFamily() {
	kernel("geluF16AVX2", "func(x, bias *float32, n int, t *[65536]float32)",
		"geluF16AVX2 applies GELUF16 to x[:n] (n a positive multiple of 8) with\nbias (nil: none) and table t. Twin: geluF16Generic.",
		[]string{"x", "bias", "n", "t"}, RSI, RDI, RCX, RAX)
	c := k("geluc")
	VBROADCASTSS(c, Y14)           // -10
	VBROADCASTSS(c.Offset(4), Y15) // 10
	Label("loop")
	VMOVUPS(m(RSI, 0), Y0)
	ifPtr(RDI, "nobias", func(b Mem) { VADDPS(b, Y0, Y0) })
	VCVTPS2PH(U8(0), Y0, X1)
	VPMOVZXWD(X1, Y1)
	VPCMPEQD(Y2, Y2, Y2)
	VGATHERDPS(Y2, Mem{Base: RAX, Index: Y1, Scale: 4}, Y3)
	VCMPPS(U8(0x02), Y14, Y0, Y4) // v <= -10
	VANDNPS(Y3, Y4, Y3)
	VCMPPS(U8(0x1d), Y15, Y0, Y5) // v >= 10
	VBLENDVPS(Y5, Y0, Y3, Y3)
	VMOVUPS(Y3, m(RSI, 0))
	loop8(RSI)
	vret()
}

// layerNormFamily emits the AVX2 passes of AddLayerNorm
// (layernorm_avx2_amd64.s). Sums run in eight float64 lanes, Y0 holding
// lanes 0..3 and Y1 lanes 4..7 (value i goes to lane i%8), stored to sums
// at the end; normalization multiplies and adds separately (no FMA).
// Twin: addLayerNormGeneric and the functions it calls.
func layerNormFamily() {
	laneSum("addSumAVX2", "func(x, y, bias *float32, n int, sums *[8]float64)",
		"addSumAVX2 sets x[i] = (y[i] + bias[i]) + x[i] (bias nil: y[i] + x[i])\nfor i < n (n a positive multiple of 8) and sums[j] to the in-order\nfloat64 sum of the new x[i] with i%8 == j. Twin: the first loop of\naddLayerNormGeneric.",
		func() {
			loadArgs([]string{"x", "y", "bias", "n", "sums"}, RDI, RSI, RDX, RCX, RAX)
		}, func() {
			VMOVUPS(m(RSI, 0), Y2)
			ifPtr(RDX, "nobias", func(b Mem) { VADDPS(b, Y2, Y2) })
			VADDPS(m(RDI, 0), Y2, Y2)
			VMOVUPS(Y2, m(RDI, 0))
		}, RSI)
	laneSum("devSumAVX2", "func(x *float32, n int, mean float32, sums *[8]float64)",
		"devSumAVX2 is devSumGeneric for n a positive multiple of 8.",
		func() {
			loadArgs([]string{"x", "n"}, RDI, RCX)
			VBROADCASTSS(arg("mean"), Y3)
			Load(Param("sums"), RAX)
		}, func() {
			VMOVUPS(m(RDI, 0), Y2)
			VSUBPS(Y3, Y2, Y2)
			VMULPS(Y2, Y2, Y2)
		}, nil)
	kernel("normalizeAVX2", "func(x *float32, n int, mean, scale float32, w, b *float32)",
		"normalizeAVX2 is normalizeGeneric for n a positive multiple of 8 (w, b\nnil: skipped).",
		[]string{"x", "n"}, RDI, RCX)
	VBROADCASTSS(arg("mean"), Y3)
	VBROADCASTSS(arg("scale"), Y4)
	loadArgs([]string{"w", "b"}, RSI, RDX)
	Label("loop")
	VMOVUPS(m(RDI, 0), Y2)
	VSUBPS(Y3, Y2, Y2)
	VMULPS(Y4, Y2, Y2)
	ifPtr(RSI, "now", func(w Mem) { VMULPS(w, Y2, Y2) })
	ifPtr(RDX, "nob", func(b Mem) { VADDPS(b, Y2, Y2) })
	VMOVUPS(Y2, m(RDI, 0))
	loop8(RDI)
	vret()
}

// laneSum emits a pass over x (DI, n in CX) whose body leaves eight floats
// in Y2; they are widened and summed per lane into the float64 sums at AX.
// src, if set, is a second input moving with x.
func laneSum(name, sig, doc string, args, body func(), src Register) {
	kernel(name, sig, doc, nil)
	args()
	VXORPD(Y0, Y0, Y0)
	VXORPD(Y1, Y1, Y1)
	Label("loop")
	body()
	VCVTPS2PD(X2, Y15)
	VADDPD(Y15, Y0, Y0)
	VEXTRACTF128(U8(1), Y2, X14)
	VCVTPS2PD(X14, Y15)
	VADDPD(Y15, Y1, Y1)
	if src != nil {
		loop8(RDI, src)
	} else {
		loop8(RDI)
	}
	VMOVUPD(Y0, m(RAX, 0))
	VMOVUPD(Y1, m(RAX, 32))
	vret()
}
