package main

import (
	"strings"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/gaianet-go/gaianet/gguf"
)

// The exact one-column kernels give, for one activation column, bit for
// bit what the four-column kernels (dot4.go, AVX2 and VNNI alike) give
// for each of their columns, so that a batch-invariant MatMul need not pad
// a lone column to four (kernels.Pool.SetBatchInvariant). They keep the
// four-column kernels' order of summation: per block the integer lanes of
// the column fold into the sums of its low and high 128-bit halves (the
// four-column kernels' VPHADDD folding, exact in integers), which are
// scaled into two float accumulators with the same fused products in the
// same order; the result is low + high, as store4 adds the two halves.
// Integer products are those of the one-column kernels (the same
// instructions on the same bytes). Pure-Go twins: the generic one-column
// kernels, as for every dot product; the exact match with the four-column
// kernels is checked by TestExactOneColumnMatchesFour.

// fold2 leaves in x (the XMM half of y) the sums of y's low four and
// high four int32 lanes as [lo, hi, lo, hi]; t is a scratch XMM register.
func fold2(y, t Register) {
	x := xOf(y)
	VEXTRACTI128(U8(1), y, t)
	VPHADDD(t, x, x)
	VPHADDD(x, x, x)
}

// kDotExact starts an exact one-column k-quant kernel and runs body once
// per block; body adds the block to the two float lanes of X0.
func kDotExact(t gguf.TensorType, body func()) {
	name := "dot" + strings.ReplaceAll(t.String(), "_", "") + "ExactAVX2"
	kernel(name, "func(w *byte, x *int8, d *float32, bsums *int16, nb int) float32",
		name+" is dot"+strings.ReplaceAll(t.String(), "_", "")+"AVX2 summed in the order of the four-column kernels\n(dot"+strings.ReplaceAll(t.String(), "_", "")+"x4AVX2/VNNI), whose results per column it equals bit for bit.\nTwin: dot"+strings.ReplaceAll(t.String(), "_", "")+"Generic.",
		[]string{"w", "x", "d", "bsums", "nb"}, RSI, RDI, R10, R11, R12)
	zeroPS(X0)
	VMOVDQU(k("k_0f"), Y15)
	if t == gguf.TypeQ6_K {
		VMOVDQU(k("k_30"), Y14)
	}
	countdown("loop", R12, 1, []ptrStep{{r: RSI, n: blockBytes(t)}, {r: RDI, n: 256}, {r: R10, n: 4}, {r: R11, n: 32}}, func() {
		prefetchSpan(blockBytes(t))
		body()
	})
	VMOVSHDUP(X0, X1)
	VADDSS(X1, X0, X0)
	retF32()
}

// dotExactFamily emits the exact one-column kernels (into the dot family's
// file).
func dotExactFamily() {
	exactQ8_0()
	exactLegacy(legacy{t: gguf.TypeQ4_0})
	exactLegacy(legacyTypes[0]) // Q5_0
	exactQ4K5K(gguf.TypeQ4_K)
	exactQ4K5K(gguf.TypeQ5_K)
	kDotExact(gguf.TypeQ6_K, func() {
		q6Ints()
		fold2(Y7, X8)
		VCVTDQ2PS(X7, X7)
		loadD(kLayouts[gguf.TypeQ6_K].d, X4)
		VFMADD231PS(X7, X4, X0)
	})
}

// exactQ4K5K is the exact one-column Q4_K or Q5_K kernel: the integer
// lanes of dotQ4K5K's chunks (with Q5_K's fifth bits), then the
// four-column kernel's tail (minTail4) on the folded sums.
func exactQ4K5K(t gguf.TensorType) {
	l := kLayouts[t]
	fifth := t == gguf.TypeQ5_K
	kDotExact(t, func() {
		k4Scales(R8, R9, Y3, Y4)
		VPMADDWD(m(R11, 0), Y3, Y1) // minimums times block sums
		if fifth {
			VMOVDQU(k("k_10"), Y3)
			VMOVDQU(m(RSI, l.qh), Y12)
		}
		zero(Y7)
		for c := range 4 {
			if fifth {
				vshiftW(4-2*c, Y12, Y13)
				vshiftW(3-2*c, Y12, Y14)
			}
			q4Chunk(c, l.qs+32*c, fifth)
		}
		fold2(Y7, X8)
		fold2(Y1, X8)
		VCVTDQ2PS(X7, X7)
		VCVTDQ2PS(X1, X1)
		dminScales(l.d, X4, X6)
		VBROADCASTSS(X4, X5)
		VMOVSHDUP(X4, X6)
		VBROADCASTSS(X6, X6)
		VFMADD231PS(X7, X5, X0)
		VFNMADD231PS(X1, X6, X0)
	})
}

// exactQ4_0Z is the exact one-column twin of dotQ4_0x4Z (dot4z.go) for
// CPUs with hasZ4: per block, VPDPBUSD on one 128-bit lane leaves the
// column's four int32 lanes as the four-column kernel's lanes 4c..4c+3
// (the 16 weight bytes against the block's two halves, in the plain
// activation layout), scaled into an accumulator for even blocks (X0) or
// odd ones (X1), with the offset terms dw*ds in X9 and X10 likewise (an
// odd last block goes to the even ones, as there); at the end (X0+X1)'s
// lanes fold as ((0+1)+(2+3)) and 8*(X9+X10) is subtracted, fused.
func exactQ4_0Z() {
	bs := blockBytes(gguf.TypeQ4_0)
	kernel("dotQ4_0ExactZ", "func(w *byte, x *int8, d, ds *float32, nb int) float32",
		"dotQ4_0ExactZ is dotQ4_0AVX2 summed in the order of dotQ4_0x4Z, whose\nresults per column it equals bit for bit; it needs hasZ4. Twin:\ndotQ4_0Generic.",
		[]string{"w", "x", "d", "ds", "nb"}, RSI, RDI, R10, R11, RCX)
	zeroPS(X0, X1, X9, X10)
	VMOVDQU(k("k_0f"), Y15)
	block := func(acc, off Register) {
		VMOVDQU(m(RSI, 2), X2)
		VPAND(X15, X2, X3)
		VPSRLW(U8(4), X2, X2)
		VPAND(X15, X2, X2)
		VPXOR(X4, X4, X4)
		raw("VPDPBUSD", m(RDI, 0), X3, X4)
		raw("VPDPBUSD", m(RDI, 16), X2, X4)
		VCVTDQ2PS(X4, X4)
		f16Scale(0, X7)
		VMULSS(m(R10, 0), X7, X6)
		VBROADCASTSS(X6, X6)
		VFMADD231PS(X4, X6, acc)
		VFMADD231SS(m(R11, 0), X7, off)
		ADDQ(U8(bs), RSI)
		ADDQ(U8(32), RDI)
		ADDQ(U8(4), R10)
		ADDQ(U8(4), R11)
	}
	Label("pair")
	CMPQ(RCX, U8(2))
	JLT(LabelRef("last"))
	prefetchSpan(2 * bs)
	block(X0, X9)
	block(X1, X10)
	SUBQ(U8(2), RCX)
	JMP(LabelRef("pair"))
	Label("last")
	TESTQ(RCX, RCX)
	JZ(LabelRef("done"))
	block(X0, X9)
	Label("done")
	VADDPS(X1, X0, X0)
	VHADDPS(X0, X0, X0)
	VHADDPS(X0, X0, X0)
	VADDSS(X9, X10, X10)
	MOVL(f32bits(8), EAX)
	VMOVD(EAX, X11)
	VFNMADD231SS(X11, X10, X0)
	retF32()
}

// exactLegacy is the exact one-column twin of dotQ4_0x4AVX2/VNNI or
// dotQ5_0x4AVX2 (dot4Legacy): the block's int32 lanes fold into the sums
// of their halves, scaled by dw*d into two float lanes of X0, with the
// offset term dw*ds summed in X9; the result is low + high less
// offset*X9, fused.
func exactLegacy(q legacy) {
	name := "dot" + q.t.String() + "ExactAVX2"
	kernel(name, "func(w *byte, x *int8, d, ds *float32, nb int) float32",
		name+" is "+q.name()+" summed in the order of the four-column\n"+strings.Replace(q.name(), "AVX2", "x4AVX2", 1)+", whose results per column it equals bit for bit.\nTwin: dot"+q.t.String()+"Generic.",
		[]string{"w", "x", "d", "ds", "nb"}, RSI, RDI, R10, R11, RCX)
	q.prologue()
	countdown("loop", RCX, 1, []ptrStep{{r: RSI, n: blockBytes(q.t)}, {r: RDI, n: 32}, {r: R10, n: 4}, {r: R11, n: 4}}, func() {
		PREFETCHT0(m(RSI, prefetchAhead))
		q4Unpack(q.qsOff(), Y1, Y2)
		if q.fifth {
			qh5(q.header(), Y2)
			VPOR(Y2, Y1, Y1)
		}
		VPMADDUBSW(m(RDI, 0), Y1, Y3)
		VPMADDWD(Y15, Y3, Y3)
		fold2(Y3, X8)
		VCVTDQ2PS(X3, X3)
		f16Scale(0, X7)
		VFMADD231SS(m(R11, 0), X7, X9)
		VMULSS(m(R10, 0), X7, X6)
		VBROADCASTSS(X6, X6)
		VFMADD231PS(X3, X6, X0)
	})
	VMOVSHDUP(X0, X1)
	VADDSS(X1, X0, X0)
	MOVL(f32bits(q.offset()), EAX)
	VMOVD(EAX, X10)
	VFNMADD231SS(X10, X9, X0)
	retF32()
}

// exactQ8_0 is the exact one-column twin of dotQ8_0x4AVX2/VNNI (the
// four-column Q8_0 kernels of CPUs without hasZ4): q8Prod's int32 lanes
// fold into the sums of their halves, scaled by dw*d into two float lanes.
func exactQ8_0() {
	kernel("dotQ8_0ExactAVX2", "func(w *byte, x *int8, d *float32, nb int) float32",
		"dotQ8_0ExactAVX2 is dotQ8_0AVX2 summed in the order of dotQ8_0x4AVX2,\nwhose results per column it equals bit for bit. Twin: dotQ8_0Generic.",
		[]string{"w", "x", "d", "nb"}, RSI, RDI, R10, RCX)
	zeroPS(X0)
	VMOVDQU(k("k_ones16"), Y15)
	countdown("loop", RCX, 1, []ptrStep{{r: RSI, n: blockBytes(gguf.TypeQ8_0)}, {r: RDI, n: 32}, {r: R10, n: 4}}, func() {
		PREFETCHT0(m(RSI, prefetchAhead))
		q8Ints(2, 0, Y1, Y2, Y3)
		fold2(Y3, X8)
		VCVTDQ2PS(X3, X3)
		f16Scale(0, X7)
		VMULSS(m(R10, 0), X7, X6)
		VBROADCASTSS(X6, X6)
		VFMADD231PS(X3, X6, X0)
	})
	VMOVSHDUP(X0, X1)
	VADDSS(X1, X0, X0)
	retF32()
}
