package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/gaianet-go/gaianet/gguf"
)

// The MXFP4 family (mxfp4_avx2_amd64.s): gpt-oss's expert weights against
// Q8_0 activations. It registers itself here so that the shared tables of
// main.go and consts.go stay as they are.
func init() {
	families["mxfp4"] = mxfp4Family
	// The E2M1 values times two (ggml's kvalues_mxfp4) as bytes, in both
	// 128-bit lanes, for VPSHUFB.
	var lo, hi uint64
	for i, v := range []int8{0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12} {
		if i < 8 {
			lo |= uint64(uint8(v)) << (8 * i)
		} else {
			hi |= uint64(uint8(v)) << (8 * (i - 8))
		}
	}
	constTable["k_mxfp4"] = rep(2, lo, hi)
	// 2^(e-128) as float32 for each E8M0 scale byte e (ggml's
	// GGML_E8M0_TO_FP32_HALF), denormal below e = 2.
	t := make([]uint32, 256)
	for e := range t {
		if e < 2 {
			t[e] = 0x00200000 << e
		} else {
			t[e] = uint32(e-1) << 23
		}
	}
	constTable32["k_e8m0h"] = t
}

func mxfp4Family() {
	dotMXFP4()
}

// dotMXFP4 is the one-row, one-column MXFP4 × Q8_0 kernel, one block per
// iteration: the 32 codes are unpacked (low nibbles, then high), looked up
// as signed bytes in k_mxfp4 with VPSHUFB, multiplied with the activations
// as dotQ8_0AVX2 multiplies two signed rows, and the eight int32 sums are
// accumulated, scaled by the activation's d times the block's 2^(e-128).
func dotMXFP4() {
	bs := blockBytes(gguf.TypeMXFP4)
	kernel("dotMXFP4AVX2", "func(w *byte, x *int8, d *float32, nb int) float32",
		"dotMXFP4AVX2 returns the MXFP4 × Q8_0 dot product of nb blocks: w\nholds nb raw MXFP4 blocks, x nb*32 activation values, d nb activation\nscales. Pure-Go twin: dotMXFP4Generic.",
		[]string{"w", "x", "d", "nb"}, RSI, RDI, R10, RCX)
	zero(Y0)
	VMOVDQU(k("k_0f"), Y13)
	VMOVDQU(k("k_ones16"), Y15)
	VMOVDQU(k("k_mxfp4"), Y12)
	LEAQ(k("k_e8m0h"), R11)
	countdown("block", RCX, 1, []ptrStep{{r: RSI, n: bs}, {r: RDI, n: 32}, {r: R10, n: 4}}, func() {
		q4Unpack(1, Y1, Y2)
		VPSHUFB(Y1, Y12, Y1)
		VMOVDQU(m(RDI, 0), Y2)
		VPSIGNB(Y1, Y1, Y3)
		VPSIGNB(Y1, Y2, Y2)
		VPMADDUBSW(Y2, Y3, Y3)
		VPMADDWD(Y15, Y3, Y3)
		VCVTDQ2PS(Y3, Y3)
		MOVBLZX(m(RSI, 0), EAX)
		VMOVSS(mi(R11, 0, RAX, 4), X4)
		VMULSS(m(R10, 0), X4, X4)
		VBROADCASTSS(X4, Y4)
		VFMADD231PS(Y3, Y4, Y0)
	})
	hsum()
	retF32()
}
