package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// softmaxFamily emits the AVX2 passes of SoftmaxVec (softmax_avx2_amd64.s):
// maximum, exponentials with lane sums, and scaling; and SwiGLU, which
// uses the same exponential. Each exponential lane computes exactly what
// expVec (softmax.go) computes, with separate multiplies and adds (no FMA)
// so that the pure-Go twins give the same bits.
func softmaxFamily() {
	kernel("maxAVX2", "func(x *float32, n int) float32",
		"maxAVX2 returns the largest of x[:n]; n must be a positive multiple of\n8. Twin: the max loop of softmaxVecGeneric.",
		[]string{"x", "n"}, RSI, RCX)
	VMOVUPS(m(RSI, 0), Y0)
	ADDQ(U8(32), RSI)
	SUBQ(U8(8), RCX)
	countdown("loop", RCX, 8, []ptrStep{{r: RSI, n: 32}}, func() { VMAXPS(m(RSI, 0), Y0, Y0) })
	hfold(VEXTRACTF128, VMAXPS, VPERMILPS)
	retF32()

	kernel("expSumAVX2", "func(x *float32, n int, shift float32, lanes *[8]float32)",
		"expSumAVX2 replaces x[i] with expVec(x[i]-shift) for i < n (a positive\nmultiple of 8) and sets lanes[j] to the in-order sum of the new values\nwith i%8 == j. Twin: the first exp loop of softmaxVecGeneric.",
		[]string{"x", "n"}, RSI, RCX)
	VBROADCASTSS(arg("shift"), Y3)
	Load(Param("lanes"), RDX)
	expConsts()
	VXORPS(Y2, Y2, Y2)
	Label("loop")
	VMOVUPS(m(RSI, 0), Y0)
	VSUBPS(Y3, Y0, Y0) // x - shift
	expY0()
	VMOVUPS(Y8, m(RSI, 0))
	VADDPS(Y8, Y2, Y2)
	loop8(RSI)
	VMOVUPS(Y2, m(RDX, 0))
	vret()

	kernel("scaleAVX2", "func(x *float32, n int, s float32)",
		"scaleAVX2 multiplies x[:n] by s; n must be a positive multiple of 8.\nTwin: the last loop of softmaxVecGeneric.",
		[]string{"x", "n"}, RSI, RCX)
	VBROADCASTSS(arg("s"), Y1)
	Label("loop")
	VMULPS(m(RSI, 0), Y1, Y0)
	VMOVUPS(Y0, m(RSI, 0))
	loop8(RSI)
	vret()

	kernel("swiGLUAVX2", "func(dst, gate, up *float32, n int)",
		"swiGLUAVX2 sets dst[i] = gate[i] / (1 + expVec(-gate[i])) * up[i] for\ni < n (a positive multiple of 8); dst may be gate or up. Twin:\nswiGLUGeneric.",
		[]string{"dst", "gate", "up", "n"}, RDI, RSI, RDX, RCX)
	expConsts()
	MOVL(U32(0x80000000), EBX)
	VMOVD(EBX, X5)
	VPBROADCASTD(X5, Y5) // sign bit
	Label("loop")
	VMOVUPS(m(RSI, 0), Y4) // g
	VXORPS(Y5, Y4, Y0)     // x = -g
	expY0()                // e^-g
	VADDPS(Y10, Y8, Y8)    // 1 + e^-g
	VDIVPS(Y8, Y4, Y4)     // g / (1 + e^-g)
	VMULPS(m(RDX, 0), Y4, Y4)
	VMOVUPS(Y4, m(RDI, 0))
	loop8(RSI, RDX, RDI)
	vret()
}

// expc offsets: the polynomial p0..p5 and the int32 127.
const (
	expP0   = 160
	expBias = 384
)

// expConsts points AX at expc and loads lo, hi, log2e, ln2Hi, ln2Lo and 1
// into Y15..Y11 and Y10.
func expConsts() {
	LEAQ(k("expc"), RAX)
	for i, r := range []Register{Y15, Y14, Y13, Y12, Y11} {
		VMOVUPS(m(RAX, 32*i), r)
	}
	VMOVUPS(m(RAX, 352), Y10) // 1
}

// expY0 leaves expVec(Y0) in Y8 (Y0 is clobbered; uses Y1, Y6, Y7, Y9).
func expY0() {
	VCMPPS(U8(0x1d), Y15, Y0, Y1) // x >= lo (false for NaN)
	VMINPS(Y14, Y0, Y0)
	VMULPS(Y13, Y0, Y6)
	VROUNDPS(U8(0), Y6, Y6) // n, to nearest even
	VMULPS(Y12, Y6, Y7)
	VSUBPS(Y7, Y0, Y0)
	VMULPS(Y11, Y6, Y7)
	VSUBPS(Y7, Y0, Y0) // r
	VMULPS(m(RAX, expP0), Y0, Y8)
	for i := 1; i < 6; i++ {
		if i > 1 {
			VMULPS(Y0, Y8, Y8)
		}
		VADDPS(m(RAX, expP0+32*i), Y8, Y8)
	}
	// Y8 = P(r)
	VMULPS(Y0, Y0, Y9)
	VMULPS(Y9, Y8, Y8)
	VADDPS(Y0, Y8, Y8)
	VADDPS(Y10, Y8, Y8) // 1 + r + r²P(r)
	VCVTPS2DQ(Y6, Y6)
	VPADDD(m(RAX, expBias), Y6, Y6)
	VPSLLD(U8(23), Y6, Y6) // 2^n
	VMULPS(Y6, Y8, Y8)
	VANDPS(Y1, Y8, Y8)
}
