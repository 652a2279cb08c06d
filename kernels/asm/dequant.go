package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/gaianet-go/gaianet/gguf"
)

// dequantFamily emits the AVX2 row dequantization of the types whose
// weights are read row by row as floats (dequant_avx2_amd64.s): Q8_0, Q4_K
// and Q6_K, each giving its pure-Go twin's values bit for bit (the twins
// are dequantBlockQ8_0, dequantBlockQ4K and dequantBlockQ6K).
func dequantFamily() {
	dequantQ8_0()
	dequantQ4K()
	dequantQ6K()
}

// scalarScale leaves in y the broadcast of float32(r) times the float32 in
// xs's low lane (one product, rounded once, as the twins compute it); r is
// a 32-bit register holding a small integer.
func scalarScale(r, xs, y Register) {
	VCVTSI2SSL(r, xOf(y), xOf(y))
	VMULSS(xs, xOf(y), xOf(y))
	VBROADCASTSS(xOf(y), y)
}

func dequantQ8_0() {
	bs := blockBytes(gguf.TypeQ8_0)
	kernel("dequantQ8_0AVX2", "func(dst *float32, src *byte, nb int)",
		"dequantQ8_0AVX2 decodes nb Q8_0 blocks at src into nb*32 floats at dst.\nTwin: dequantBlockQ8_0.",
		[]string{"dst", "src", "nb"}, RDI, RSI, RCX)
	countdown("loop", RCX, 1, []ptrStep{{r: RSI, n: bs}, {r: RDI, n: 128}}, func() {
		f16Scale(0, X0)
		VBROADCASTSS(X0, Y0)
		for k := range 4 {
			VPMOVSXBD(m(RSI, 2+8*k), Y1)
			VCVTDQ2PS(Y1, Y1)
			VMULPS(Y0, Y1, Y1)
			VMOVUPS(Y1, m(RDI, 32*k))
		}
	})
	vret()
}

// dequantQ4K decodes y = d*sc*q - dmin*m per sub-block of 32, with the
// product and difference fused (fma32 in the twin).
func dequantQ4K() {
	l := kLayouts[gguf.TypeQ4_K]
	kernel("dequantQ4KAVX2", "func(dst *float32, src *byte, nb int)",
		"dequantQ4KAVX2 decodes nb Q4_K blocks at src into nb*256 floats at dst.\nTwin: dequantBlockQ4K.",
		[]string{"dst", "src", "nb"}, RDI, RSI, R12)
	VMOVDQU(k("k_0f"), Y15)
	countdown("loop", R12, 1, []ptrStep{{r: RSI, n: blockBytes(gguf.TypeQ4_K)}, {r: RDI, n: 1024}}, func() {
		prefetchSpan(blockBytes(gguf.TypeQ4_K))
		f16Pair(l.d, X14) // d, dmin
		VMOVSHDUP(X14, X13)
		k4ScaleWords(R8, R9) // scales in the bytes of RAX, mins in RDX
		for sb := range 8 {
			// d*sc and dmin*m of sub-block sb.
			MOVQ(RAX, R10)
			MOVQ(RDX, R11)
			if sb > 0 {
				SHRQ(U8(8*sb), R10)
				SHRQ(U8(8*sb), R11)
			}
			MOVBLZX(R10B, R10L)
			MOVBLZX(R11B, R11L)
			scalarScale(R10L, X14, Y5)
			scalarScale(R11L, X13, Y6)
			j, hi := sb/2, sb%2 == 1
			for k := range 4 {
				VPMOVZXBD(m(RSI, l.qs+32*j+8*k), Y7)
				if hi {
					VPSRLD(U8(4), Y7, Y7)
				} else {
					VPAND(Y15, Y7, Y7)
				}
				VCVTDQ2PS(Y7, Y7)
				VFMSUB213PS(Y6, Y5, Y7)
				VMOVUPS(Y7, m(RDI, 4*(32*sb+8*k)))
			}
		}
	})
	vret()
}

// dequantQ6K decodes y = (d*sc)*(q-32), q six bits from ql (low four) and
// qh (high two), per 16 values of sc.
func dequantQ6K() {
	l := kLayouts[gguf.TypeQ6_K]
	kernel("dequantQ6KAVX2", "func(dst *float32, src *byte, nb int)",
		"dequantQ6KAVX2 decodes nb Q6_K blocks at src into nb*256 floats at dst.\nTwin: dequantBlockQ6K.",
		[]string{"dst", "src", "nb"}, RDI, RSI, RCX)
	VMOVDQU(k("k_0f"), Y15)
	VMOVDQU(k("k_30"), Y14)
	VBROADCASTSS(k("q32f"), Y13)
	countdown("loop", RCX, 1, []ptrStep{{r: RSI, n: blockBytes(gguf.TypeQ6_K)}, {r: RDI, n: 1024}}, func() {
		prefetchSpan(blockBytes(gguf.TypeQ6_K))
		f16Scale(l.d, X12)
		for n := range 2 {
			for k := range 4 { // values l = 8k..8k+7 of half n
				is := k / 2
				VPMOVZXBD(m(RSI, l.qs+64*n+8*k), Y0)    // ql[l]
				VPMOVZXBD(m(RSI, l.qs+64*n+32+8*k), Y1) // ql[l+32]
				VPMOVZXBD(m(RSI, l.qh+32*n+8*k), Y2)    // qh[l]
				// quarter g: low bits from ql[l] (g 0, 2) or ql[l+32]
				// (1, 3), low (g < 2) or high nibble; high bits
				// (qh >> 2g) & 3.
				for g := range 4 {
					src := []Register{Y0, Y1}[g%2]
					if g < 2 {
						VPAND(Y15, src, Y3)
					} else {
						VPSRLD(U8(4), src, Y3)
					}
					switch sh := 4 - 2*g; {
					case sh > 0:
						VPSLLD(U8(sh), Y2, Y4)
						VPAND(Y14, Y4, Y4)
					case sh == 0:
						VPAND(Y14, Y2, Y4)
					default:
						VPSRLD(U8(-sh), Y2, Y4)
						VPAND(Y14, Y4, Y4)
					}
					VPOR(Y4, Y3, Y3)
					VCVTDQ2PS(Y3, Y3)
					VSUBPS(Y13, Y3, Y3)
					MOVBLSX(m(RSI, l.scales+8*n+is+2*g), EAX)
					scalarScale(EAX, X12, Y5)
					VMULPS(Y3, Y5, Y3)
					VMOVUPS(Y3, m(RDI, 4*(128*n+32*g+8*k)))
				}
			}
		}
	})
	vret()
}
