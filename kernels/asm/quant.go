package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// quantFamily emits the AVX2 activation quantization (quant_avx2_amd64.s).
// Pure-Go twins: quantActQ8_0Generic, quantActQ8KGeneric.
func quantFamily() {
	quantQ8_0()
	quantQ8K()
}

// hmax leaves in x's low lane the largest of the 8 floats of y (x is its
// XMM half); t is a scratch XMM register.
func hmax(y, x, t Register) { hreduce(y, x, t, VMAXPS, VMAXSS) }

// packQ stores at (DI) the low bytes of the 32 int32 in Y0..Y3, in order:
// mask holds 0xff per dword, perm the dword order k_qperm undoes the
// packs' lane interleaving with.
func packQ(mask, perm Register) {
	ys := []Register{Y0, Y1, Y2, Y3}
	for _, y := range ys {
		VPAND(mask, y, y)
	}
	VPACKUSDW(Y1, Y0, Y0)
	VPACKUSDW(Y3, Y2, Y2)
	VPACKUSWB(Y2, Y0, Y0)
	VPERMD(Y0, perm, Y0)
	VMOVDQU(Y0, m(RDI, 0))
}

// qround replaces the floats in y by int32(round-half-away(y*Y6)): t =
// trunc(y), plus sign(y) where |y-t| >= 0.5 (y-t is exact). NaN and
// out-of-range values give 0x80000000, as Go's conversion does on amd64.
func qround(y Register) {
	VMULPS(Y6, y, y)
	VROUNDPS(U8(3), y, Y7)
	VSUBPS(Y7, y, Y4)
	VANDPS(Y15, Y4, Y4)
	VCMPPS(U8(0x1d), Y12, Y4, Y4)
	VANDPS(Y14, y, y)
	VORPS(Y13, y, y)
	VANDPS(Y4, y, y)
	VADDPS(y, Y7, y)
	VCVTTPS2DQ(y, y)
}

// quantQ8_0: for each block of 32 values, d = f16(max|x|/127) (NaNs
// ignored, as absMax), id = 127/max (0 if max is 0), q = round-half-away
// (x*id) truncated to int8 like Go's int8(int32(.)), ds = d*sum(q).
func quantQ8_0() {
	kernel("quantQ8_0AVX2", "func(x *float32, qs *int8, d, ds *float32, nb int)",
		"quantQ8_0AVX2 is quantActQ8_0Generic for nb blocks of 32 values: the\nsame values, scales and sums bit for bit. Twin: quantActQ8_0Generic.",
		[]string{"x", "qs", "d", "ds", "nb"}, RSI, RDI, R10, R11, RCX)
	loadConsts(
		constLoad{VBROADCASTSS, "qabs", Y15}, constLoad{VBROADCASTSS, "qsign", Y14},
		constLoad{VBROADCASTSS, "qone", Y13}, constLoad{VBROADCASTSS, "qhalf", Y12},
		constLoad{VMOVDQU, "qperm", Y11}, constLoad{VPBROADCASTD, "qmask8", Y10},
		constLoad{VPBROADCASTD, "qones8", Y9}, constLoad{VPBROADCASTD, "qones16", Y8})
	ys := []Register{Y0, Y1, Y2, Y3}
	countdown("loop", RCX, 1, []ptrStep{{r: RSI, n: 128}, {r: RDI, n: 32}, {r: R10, n: 4}, {r: R11, n: 4}}, func() {
		for i, y := range ys {
			VMOVUPS(m(RSI, 32*i), y)
		}
		// M = running max of |x|, ignoring NaN: M = (a > M) ? a : M.
		VXORPS(Y4, Y4, Y4)
		for _, y := range ys {
			VANDPS(Y15, y, Y5)
			VMAXPS(Y4, Y5, Y4)
		}
		hmax(Y4, X4, X5)
		// di = max/127; id = 1/di or 0.
		VDIVSS(k("q127"), X4, X4)
		VXORPS(X6, X6, X6)
		VUCOMISS(X6, X4)
		JEQ(LabelRef("zero"))
		VDIVSS(X4, X13, X6) // X13 low lane = 1.0
		Label("zero")
		VCVTPS2PH(U8(0), X4, X5)
		VCVTPH2PS(X5, X5)
		VMOVSS(X5, m(R10, 0)) // d = f16(di)
		VBROADCASTSS(X6, Y6)
		for _, y := range ys {
			qround(y)
		}
		packQ(Y10, Y11)
		// sum(q) as int8
		VPMADDUBSW(Y0, Y9, Y0)
		VPMADDWD(Y8, Y0, Y0)
		hfold(VEXTRACTI128, VPADDD, VPSHUFD)
		VCVTDQ2PS(X0, X0)
		VMULSS(X5, X0, X0)
		VMOVSS(X0, m(R11, 0)) // ds = d*sum
	})
	vret()
}

// qkRound8 quantizes the 8 floats at off(SI) into int32 lanes of y as Go's
// nearestIntMul(iscale, x) does: x*iscale+12582912 fused in float64 (Y14 =
// iscale, Y13 = 12582912, both float64), rounded to float32, low 23 bits
// minus 0x400000; then min(127, .). Uses Y4, Y5.
func qkRound8(off int, y Register) {
	VCVTPS2PD(m(RSI, off), Y4)
	VCVTPS2PD(m(RSI, off+16), Y5)
	VFMADD213PD(Y13, Y14, Y4)
	VFMADD213PD(Y13, Y14, Y5)
	VCVTPD2PSY(Y4, X4)
	VCVTPD2PSY(Y5, X5)
	VINSERTF128(U8(1), X5, Y4, y)
	VPAND(Y12, y, y)
	VPSUBD(Y11, y, y)
	VPMINSD(Y10, y, y)
}

// quantQ8K is quantActQ8K without the block sums: for each block of 256
// values, mx = the first value of largest magnitude (NaNs ignored); if its
// magnitude is 0 the block is zero; else iscale = -127/mx, q =
// int8(min(127, nearestIntMul(iscale, x))), d = 1/iscale.
func quantQ8K() {
	kernel("quantQ8KAVX2", "func(x *float32, qs *int8, d *float32, nb int)",
		"quantQ8KAVX2 is quantActQ8KGeneric for nb blocks of 256 values without\nthe block sums: the same values and scales bit for bit. Twin:\nquantActQ8KGeneric.",
		[]string{"x", "qs", "d", "nb"}, RSI, RDI, R10, RCX)
	loadConsts(
		constLoad{VBROADCASTSS, "qabs", Y15}, constLoad{VBROADCASTSD, "qmagic", Y13},
		constLoad{VPBROADCASTD, "qmant", Y12}, constLoad{VPBROADCASTD, "qbias", Y11},
		constLoad{VPBROADCASTD, "q127i", Y10}, constLoad{VPBROADCASTD, "qmask8", Y9},
		constLoad{VMOVDQU, "qperm", Y8})
	Label("loop")
	TESTQ(RCX, RCX)
	JZ(LabelRef("done"))
	// amax over 256 values
	VXORPS(Y0, Y0, Y0)
	XORQ(RAX, RAX)
	Label("max")
	VANDPS(mi(RSI, 0, RAX, 1), Y15, Y1)
	VMAXPS(Y0, Y1, Y0)
	ADDQ(U8(32), RAX)
	CMPQ(RAX, U32(1024))
	JLT(LabelRef("max"))
	hmax(Y0, X0, X1)
	VXORPS(X1, X1, X1)
	VUCOMISS(X1, X0)
	JEQ(LabelRef("zero"))
	// first index with |x| == amax
	VBROADCASTSS(X0, Y0)
	XORQ(RAX, RAX)
	Label("find")
	VANDPS(mi(RSI, 0, RAX, 1), Y15, Y1)
	VCMPPS(U8(0), Y0, Y1, Y1)
	VMOVMSKPS(Y1, EBX)
	TESTQ(RBX, RBX)
	JNZ(LabelRef("found"))
	ADDQ(U8(32), RAX)
	JMP(LabelRef("find"))
	Label("found")
	BSFQ(RBX, RBX)
	LEAQ(mi(RAX, 0, RBX, 4), RAX)
	VMOVSS(mi(RSI, 0, RAX, 1), X1) // mx
	VMOVSS(k("qm127"), X2)
	VDIVSS(X1, X2, X2) // iscale = -127/mx
	VMOVSS(k("qone"), X3)
	VDIVSS(X2, X3, X3)
	VMOVSS(X3, m(R10, 0)) // d = 1/iscale
	VCVTSS2SD(X2, X2, X2)
	VBROADCASTSD(X2, Y14)
	XORQ(RAX, RAX)
	XORQ(RDX, RDX)
	Label("q")
	for i, y := range []Register{Y0, Y1, Y2, Y3} {
		qkRound8(32*i, y)
	}
	packQ(Y9, Y8)
	ADDQ(U8(128), RSI)
	ADDQ(U8(32), RDI)
	INCQ(RDX)
	CMPQ(RDX, U8(8))
	JLT(LabelRef("q"))
	JMP(LabelRef("next"))
	Label("zero")
	MOVL(U32(0), m(R10, 0))
	VPXOR(Y0, Y0, Y0)
	XORQ(RAX, RAX)
	Label("z")
	VMOVDQU(Y0, mi(RDI, 0, RAX, 1))
	ADDQ(U8(32), RAX)
	CMPQ(RAX, U32(256))
	JLT(LabelRef("z"))
	ADDQ(U32(1024), RSI)
	ADDQ(U32(256), RDI)
	Label("next")
	ADDQ(U8(4), R10)
	DECQ(RCX)
	JMP(LabelRef("loop"))
	Label("done")
	vret()
}
