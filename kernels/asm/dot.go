package main

import (
	"fmt"
	"strings"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/gaianet-go/gaianet/gguf"
)

// dotFamily emits the one-row, one-column AVX2 + FMA + F16C dot products
// (dot_avx2_amd64.s): one weight row of quantized blocks against one
// quantized activation row, and the float rows. Each kernel's pure-Go
// twin is named in its doc comment; dot_amd64_test.go compares them.
func dotFamily() {
	dotQ8_0()
	dotQ4_0()
	for _, q := range legacyTypes {
		dotLegacy(q)
	}
	dotQ4K5K(gguf.TypeQ4_K)
	dotQ4K5K(gguf.TypeQ5_K)
	dotQ6K()
	dotQ2K3K(gguf.TypeQ2_K)
	dotQ2K3K(gguf.TypeQ3_K)
	dotFloat(gguf.TypeF32)
	dotFloat(gguf.TypeF16)
	dotBF16()
	dotExactFamily()
}

// loadD converts the f16 at off(SI) to float32, multiplies it by the
// float32 at (R10) and broadcasts the product into y. Clobbers AX.
func loadD(off int, y Register) {
	f16Scale(off, xOf(y))
	VMULSS(m(R10, 0), xOf(y), xOf(y))
	VBROADCASTSS(xOf(y), y)
}

// q8Prod leaves in c the 8 float sums of the Q8_0 quants at woff(SI)
// times the activations at xoff(DI); a and b are scratch.
func q8Prod(woff, xoff int, a, b, c Register) {
	q8Ints(woff, xoff, a, b, c)
	VCVTDQ2PS(c, c)
}

// q8Ints is q8Prod's integer part: c is left with the 8 int32 sums.
func q8Ints(woff, xoff int, a, b, c Register) {
	VMOVDQU(m(RSI, woff), a)
	VMOVDQU(m(RDI, xoff), b)
	VPSIGNB(a, a, c)
	VPSIGNB(a, b, b)
	VPMADDUBSW(b, c, c)
	VPMADDWD(Y15, c, c)
}

func dotQ8_0() {
	bs := blockBytes(gguf.TypeQ8_0)
	kernel("dotQ8_0AVX2", "func(w *byte, x *int8, d *float32, nb int) float32",
		"dotQ8_0AVX2 returns the Q8_0 × Q8_0 dot product of nb blocks: w holds\nnb raw Q8_0 blocks, x nb*32 activation values, d nb activation scales.\nPure-Go twin: dotQ8_0Generic.",
		[]string{"w", "x", "d", "nb"}, RSI, RDI, R10, RCX)
	zero(Y0, Y6)
	VMOVDQU(k("k_ones16"), Y15)
	Label("pair")
	CMPQ(RCX, U8(2))
	JLT(LabelRef("one"))
	prefetchSpan(2 * bs)
	q8Prod(2, 0, Y1, Y2, Y3)
	loadD(0, Y4)
	VFMADD231PS(Y3, Y4, Y0)
	q8Prod(bs+2, 32, Y7, Y8, Y9)
	ADDQ(U8(4), R10)
	loadD(bs, Y10)
	VFMADD231PS(Y9, Y10, Y6)
	ADDQ(U8(2*bs), RSI)
	ADDQ(U8(64), RDI)
	ADDQ(U8(4), R10)
	SUBQ(U8(2), RCX)
	JMP(LabelRef("pair"))
	Label("one")
	TESTQ(RCX, RCX)
	JZ(LabelRef("done"))
	q8Prod(2, 0, Y1, Y2, Y3)
	loadD(0, Y4)
	VFMADD231PS(Y3, Y4, Y0)
	Label("done")
	VADDPS(Y6, Y0, Y0)
	hsum()
	retF32()
}

// q4Unpack unpacks the 16 nibble bytes at off(SI) into 32 unsigned values
// in y (low nibbles first); needs Y13 = k_0f. Uses t.
func q4Unpack(off int, y, t Register) {
	VMOVDQU(m(RSI, off), xOf(y))
	VPSRLW(U8(4), xOf(y), xOf(t))
	VINSERTI128(U8(1), xOf(t), y, y)
	VPAND(Y13, y, y)
}

// q4Dot leaves in y the 8 int32 partial sums of the unsigned nibbles at
// off(SI) with the activations at xoff(DI); needs Y15 = k_ones16.
func q4Dot(off, xoff int, y, t Register) {
	q4Unpack(off, y, t)
	VPMADDUBSW(m(RDI, xoff), y, y)
	VPMADDWD(Y15, y, y)
}

// qh5 expands the 32 bits of the u32 at off(SI) into bytes 0x10 (bit set)
// or 0 in y, bit j to byte j. Needs Y12 = k_qhshuf, Y11 = k_bitsel,
// Y14 = k_10.
func qh5(off int, y Register) {
	VPBROADCASTD(m(RSI, off), y)
	VPSHUFB(Y12, y, y)
	VPAND(Y11, y, y)
	VPCMPEQB(Y11, y, y)
	VPAND(Y14, y, y)
}

// legacy describes a 32-value block type of the first generation: an f16
// scale d (and for the _1 types an f16 minimum m), for the five-bit types
// a u32 of fifth bits, then 16 bytes of nibbles.
type legacy struct {
	t     gguf.TensorType
	fifth bool // Q5_*: the fifth bits follow the header
	min   bool // Q*_1: the block has a minimum
}

var legacyTypes = []legacy{
	{gguf.TypeQ5_0, true, false},
	{gguf.TypeQ4_1, false, true},
	{gguf.TypeQ5_1, true, true},
}

// header is the size of the block's f16 header (d, and m if min).
func (q legacy) header() int {
	if q.min {
		return 4
	}
	return 2
}

// qsOff is where the nibbles start.
func (q legacy) qsOff() int {
	if q.fifth {
		return q.header() + 4
	}
	return q.header()
}

// offset is the value subtracted from the unsigned quants of a type
// without a minimum (8 or 16).
func (q legacy) offset() float32 {
	if q.fifth {
		return 16
	}
	return 8
}

// prologue zeroes the accumulators Y0 (dot) and Y9 (offset or minimum
// terms) and loads the constants.
func (q legacy) prologue() {
	zero(Y0, Y9)
	if q.fifth {
		VMOVDQU(k("k_qhshuf"), Y12)
		VMOVDQU(k("k_bitsel"), Y11)
	}
	VMOVDQU(k("k_0f"), Y13)
	if q.fifth {
		VMOVDQU(k("k_10"), Y14)
	}
	VMOVDQU(k("k_ones16"), Y15)
}

// block adds one block's product to Y0 and its offset or minimum term
// (d_w*ds or m*s) to X9's low lane.
func (q legacy) block() {
	PREFETCHT0(m(RSI, prefetchAhead))
	if q.fifth {
		q4Unpack(q.qsOff(), Y3, Y10)
		qh5(q.header(), Y4)
		VPOR(Y4, Y3, Y3)
		VPMADDUBSW(m(RDI, 0), Y3, Y3)
		VPMADDWD(Y15, Y3, Y3)
	} else {
		q4Dot(q.qsOff(), 0, Y3, Y10)
	}
	VCVTDQ2PS(Y3, Y3)
	if q.min {
		f16Pair(0, X7)
	} else {
		f16Scale(0, X7)
	}
	VMULSS(m(R10, 0), X7, X8)
	if q.min {
		VMOVSHDUP(X7, X7)
	}
	VFMADD231SS(m(R11, 0), X7, X9)
	VBROADCASTSS(X8, Y8)
	VFMADD231PS(Y3, Y8, Y0)
}

// loop runs block over the remaining blocks.
func (q legacy) loop(name string) {
	countdown(name, RCX, 1, []ptrStep{{r: RSI, n: blockBytes(q.t)}, {r: RDI, n: 32}, {r: R10, n: 4}, {r: R11, n: 4}}, q.block)
}

// epilogue returns sum(Y0) - offset*X9 (no minimum) or sum(Y0) + X9.
func (q legacy) epilogue() {
	hsum()
	if q.min {
		VADDSS(X9, X0, X0)
	} else {
		MOVL(f32bits(q.offset()), EAX)
		VMOVD(EAX, X10)
		VFNMADD231SS(X10, X9, X0)
	}
	retF32()
}

func (q legacy) name() string { return "dot" + q.t.String() + "AVX2" }

func (q legacy) sumArg() string {
	if q.min {
		return "s"
	}
	return "ds"
}

func dotLegacy(q legacy) {
	doc := fmt.Sprintf("%s is dotQ4_0AVX2 for %s weights. Twin: dot%sGeneric.", q.name(), q.t, q.t)
	if q.min {
		doc = fmt.Sprintf("%s returns the %s × Q8_1 dot product of nb blocks; s holds\nthe Q8_1 block sums d*sum(x). Twin: dot%sGeneric.", q.name(), q.t, q.t)
	}
	kernel(q.name(), fmt.Sprintf("func(w *byte, x *int8, d, %s *float32, nb int) float32", q.sumArg()), doc,
		[]string{"w", "x", "d", q.sumArg(), "nb"}, RSI, RDI, R10, R11, RCX)
	q.prologue()
	q.loop("loop")
	q.epilogue()
}

// dotQ4_0 is the Q4_0 kernel: four blocks at a time, then one at a time.
// Nibbles are used unsigned (0..15) and the -8 offset applied once per
// block as -8*dw*ds, where ds[i] = d[i]*sum(x of block i).
func dotQ4_0() {
	q := legacy{t: gguf.TypeQ4_0}
	bs := blockBytes(q.t)
	kernel("dotQ4_0AVX2", "func(w *byte, x *int8, d, ds *float32, nb int) float32",
		"dotQ4_0AVX2 is dotQ8_0AVX2 for Q4_0 weights; ds[i] = d[i]*sum(x of\nblock i). Twin: dotQ4_0Generic.",
		[]string{"w", "x", "d", "ds", "nb"}, RSI, RDI, R10, R11, RCX)
	q.prologue()
	Label("quad")
	CMPQ(RCX, U8(4))
	JLT(LabelRef("one"))
	prefetchSpan(4 * bs)
	ys := []Register{Y3, Y4, Y5, Y6}
	for i, y := range ys {
		q4Dot(i*bs+2, 32*i, y, Y10)
	}
	VPHADDD(Y4, Y3, Y3)
	VPHADDD(Y6, Y5, Y5)
	VPHADDD(Y5, Y3, Y3)
	VCVTDQ2PS(Y3, Y3)
	MOVWLZX(m(RSI, 0), EAX)
	VMOVD(EAX, X7)
	for i := 1; i < 4; i++ {
		MOVWLZX(m(RSI, i*bs), EAX)
		VPINSRW(U8(i), EAX, X7, X7)
	}
	VCVTPH2PS(X7, X7)
	VMULPS(m(R10, 0), X7, X8)
	VFMADD231PS(m(R11, 0), X7, X9)
	VINSERTF128(U8(1), X8, Y8, Y8)
	VFMADD231PS(Y3, Y8, Y0)
	ADDQ(U8(4*bs), RSI)
	ADDQ(U8(128), RDI)
	ADDQ(U8(16), R10)
	ADDQ(U8(16), R11)
	SUBQ(U8(4), RCX)
	JMP(LabelRef("quad"))
	q.loop("one")
	// X9 holds four lanes of offset terms here: fold them first.
	VMOVHLPS(X9, X9, X10)
	VADDPS(X10, X9, X9)
	VMOVSHDUP(X9, X10)
	VADDSS(X10, X9, X9)
	q.epilogue()
}

// kDot starts a one-column k-quant kernel for type t and runs body once
// per block; then Y0 (less Y1 for the types with minimums) is the result.
func kDot(t gguf.TensorType, doc string, body func()) {
	name := "dot" + strings.ReplaceAll(t.String(), "_", "") + "AVX2"
	kernel(name, "func(w *byte, x *int8, d *float32, bsums *int16, nb int) float32", name+" "+doc,
		[]string{"w", "x", "d", "bsums", "nb"}, RSI, RDI, R10, R11, R12)
	hasMin := t != gguf.TypeQ6_K && t != gguf.TypeQ3_K
	if hasMin {
		zero(Y0, Y1)
	} else {
		zero(Y0)
	}
	switch t {
	case gguf.TypeQ3_K:
		VMOVDQU(k("k_04"), Y15)
	default:
		VMOVDQU(k("k_0f"), Y15)
	}
	switch t {
	case gguf.TypeQ6_K:
		VMOVDQU(k("k_30"), Y14)
	case gguf.TypeQ2_K, gguf.TypeQ3_K:
		VMOVDQU(k("k_03"), Y14)
	}
	countdown("loop", R12, 1, []ptrStep{{r: RSI, n: blockBytes(t)}, {r: RDI, n: 256}, {r: R10, n: 4}, {r: R11, n: 32}}, func() {
		prefetchSpan(blockBytes(t))
		body()
	})
	if hasMin {
		VSUBPS(Y1, Y0, Y0)
	}
	hsum()
	retF32()
}

// q4Chunk adds to Y7 the scaled products of the 64 values of chunk c of a
// Q4_K/Q5_K block: nibbles at qoff(SI) (low: sub-block 2c, high: 2c+1),
// for Q5_K with fifth bits from Y13 / Y14 (masked by Y3 = k_10).
func q4Chunk(c, qoff int, fifth bool) {
	VMOVDQU(m(RSI, qoff), Y8)
	VPSRLW(U8(4), Y8, Y9)
	VPAND(Y15, Y8, Y8)
	VPAND(Y15, Y9, Y9)
	if fifth {
		VPAND(Y3, Y13, Y13)
		VPAND(Y3, Y14, Y14)
		VPOR(Y13, Y8, Y8)
		VPOR(Y14, Y9, Y9)
	}
	VPMADDUBSW(m(RDI, 64*c), Y8, Y8)
	VPMADDUBSW(m(RDI, 64*c+32), Y9, Y9)
	VPSHUFB(k("k_bcastw").Offset(64*c), Y2, Y10)
	VPSHUFB(k("k_bcastw").Offset(64*c+32), Y2, Y11)
	VPMADDWD(Y10, Y8, Y8)
	VPMADDWD(Y11, Y9, Y9)
	VPADDD(Y8, Y7, Y7)
	VPADDD(Y9, Y7, Y7)
}

// dotQ4K5K is the Q4_K or Q5_K kernel.
func dotQ4K5K(t gguf.TensorType) {
	l := kLayouts[t]
	fifth := t == gguf.TypeQ5_K
	doc := "is dotQ4KAVX2 for Q5_K. Twin: dotQ5KGeneric."
	if !fifth {
		doc = "returns the Q4_K × Q8_K dot product of nb blocks with\nactivation values x, scales d and block sums bsums (16 per block).\nTwin: dotQ4KGeneric."
	}
	kDot(t, doc, func() {
		k4Scales(R8, R9, Y3, Y4)
		VPMADDWD(m(R11, 0), Y3, Y3)
		VCVTDQ2PS(Y3, Y3)
		dminScales(l.d, X4, X6)
		VBROADCASTSS(X4, Y5)
		VMOVSHDUP(X4, X6)
		VBROADCASTSS(X6, Y6)
		VFMADD231PS(Y3, Y6, Y1)
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
		VCVTDQ2PS(Y7, Y7)
		VFMADD231PS(Y7, Y5, Y0)
	})
}

// dminScales leaves in h's low lanes d and dmin (the f16 pair at off(SI))
// times the activation scale at (R10); uses t.
func dminScales(off int, h, t Register) {
	f16Pair(off, h)
	VBROADCASTSS(m(R10, 0), t)
	VMULPS(t, h, h)
}

// pairDot adds to Y7 the products of the 32 values in y with the
// activations at xoff(DI), scaled by the int16 scales of pair j of ys
// (k_pairw); tmp is scratch.
func pairDot(y Register, xoff int, ys Register, j int, tmp Register) {
	VPMADDUBSW(m(RDI, xoff), y, y)
	VPSHUFB(k("k_pairw").Offset(32*j), ys, tmp)
	VPMADDWD(tmp, y, y)
	VPADDD(y, Y7, Y7)
}

// q6Ints leaves in Y7 the int32 lanes of a Q6_K block's scaled products
// with the activations, less 32 times the scaled block sums (the -32
// offset of the six-bit values).
func q6Ints() {
	l := kLayouts[gguf.TypeQ6_K]
	VPMOVSXBW(m(RSI, l.scales), Y2)
	VPMADDWD(m(R11, 0), Y2, Y3)
	VPSLLD(U8(5), Y3, Y3)
	VPERMQ(U8(0x44), Y2, Y12)
	VPERMQ(U8(0xEE), Y2, Y13)
	zero(Y7)
	for h, ys := range []Register{Y12, Y13} {
		q6Half(l.qs+64*h, l.qh+32*h, Y5, func(j int) { pairDot(Y4, 128*h+32*j, ys, j, Y11) })
	}
	VPSUBD(Y3, Y7, Y7)
}

func dotQ6K() {
	l := kLayouts[gguf.TypeQ6_K]
	kDot(gguf.TypeQ6_K, "is dotQ4KAVX2 for Q6_K. Twin: dotQ6KGeneric.", func() {
		q6Ints()
		VCVTDQ2PS(Y7, Y7)
		loadD(l.d, Y4)
		VFMADD231PS(Y7, Y4, Y0)
	})
}

// dotQ2K3K is the Q2_K or Q3_K kernel. Q3_K values are used unsigned
// (0..7) and the -4 offset applied per block as -4*sum(scale*bsum).
func dotQ2K3K(t gguf.TensorType) {
	l := kLayouts[t]
	name := strings.ReplaceAll(t.String(), "_", "")
	kDot(t, "is dotQ4KAVX2 for "+t.String()+". Twin: dot"+name+"Generic.", func() {
		if t == gguf.TypeQ2_K {
			// scales (low nibbles) and mins (high nibbles) as int16
			VMOVDQU(m(RSI, l.scales), X2)
			VPSRLW(U8(4), X2, X3)
			VPAND(X15, X2, X2)
			VPAND(X15, X3, X3)
			VPMOVZXBW(X2, Y2)
			VPMOVZXBW(X3, Y3)
			VPMADDWD(m(R11, 0), Y3, Y3)
			VCVTDQ2PS(Y3, Y3)
		} else {
			q3Scales(R8, R9, Y2)
			VPMADDWD(m(R11, 0), Y2, Y3)
			VPSLLD(U8(2), Y3, Y3)
		}
		VPERMQ(U8(0x44), Y2, Y12)
		VPERMQ(U8(0xEE), Y2, Y13)
		if t == gguf.TypeQ2_K {
			// d*yd in Y6, dmin*yd in Y10
			dminScales(l.d, X6, X10)
			VMOVSHDUP(X6, X10)
			VBROADCASTSS(X10, Y10)
			VBROADCASTSS(X6, Y6)
			VFMADD231PS(Y3, Y10, Y1)
		} else {
			VMOVDQU(m(RSI, l.qh), Y9)
		}
		zero(Y7)
		q2q3Groups(t, func(g, j int) { pairDot(Y4, 32*g, []Register{Y12, Y13}[g/4], j, Y5) })
		if t == gguf.TypeQ3_K {
			VPSUBD(Y3, Y7, Y7)
		}
		VCVTDQ2PS(Y7, Y7)
		if t == gguf.TypeQ3_K {
			f16Scale(l.d, X6)
			VMULSS(m(R10, 0), X6, X6)
			VBROADCASTSS(X6, Y6)
		}
		VFMADD231PS(Y7, Y6, Y0)
	})
}

// dotFloat is the float32 (or f16 × float32) kernel: four accumulators over
// 32 values at a time, then 8 at a time. n must be a multiple of 8.
func dotFloat(t gguf.TensorType) {
	es := t.TypeSize() // bytes per weight
	load := func(off int, y Register) { VMOVUPS(m(RSI, off), y) }
	name, doc := "dotF32AVX2", "dotF32AVX2 returns sum(a[i]*b[i]) for i < n, n a multiple of 8.\nTwin: dotF32Generic."
	sig := "func(a, b *float32, n int) float32"
	if t == gguf.TypeF16 {
		load = func(off int, y Register) { VCVTPH2PS(m(RSI, off), y) }
		name, doc = "dotF16F32AVX2", "dotF16F32AVX2 returns sum(f32(a[i])*b[i]) for i < n, n a multiple of 8.\nTwin: dotF16F32Generic."
		sig = "func(a *uint16, b *float32, n int) float32"
	}
	kernel(name, sig, doc, []string{"a", "b", "n"}, RSI, RDI, RCX)
	zeroPS(Y0, Y1, Y2, Y3)
	Label("loop4")
	CMPQ(RCX, U8(32))
	JLT(LabelRef("loop1"))
	prefetchSpan(32 * es)
	for i, y := range []Register{Y4, Y5, Y6, Y7} {
		load(8*es*i, y)
	}
	for i, y := range []Register{Y4, Y5, Y6, Y7} {
		VFMADD231PS(m(RDI, 32*i), y, []Register{Y0, Y1, Y2, Y3}[i])
	}
	ADDQ(imm(32*es), RSI)
	ADDQ(U8(128), RDI)
	SUBQ(U8(32), RCX)
	JMP(LabelRef("loop4"))
	countdown("loop1", RCX, 8, []ptrStep{{r: RSI, n: 8 * es}, {r: RDI, n: 32}}, func() {
		load(0, Y4)
		VFMADD231PS(m(RDI, 0), Y4, Y0)
	})
	VADDPS(Y1, Y0, Y0)
	VADDPS(Y3, Y2, Y2)
	VADDPS(Y2, Y0, Y0)
	hsum()
	retF32()
}

func dotBF16() {
	kernel("dotBF16F32AVX2", "func(a *uint16, b *float32, n int) float32",
		"dotBF16F32AVX2 returns sum(f32(a[i])*b[i]) for bfloat16 a, i < n, n a\nmultiple of 16. Twin: dotBF16F32Generic.",
		[]string{"a", "b", "n"}, RSI, RDI, RCX)
	zeroPS(Y0, Y1)
	countdown("loop", RCX, 16, []ptrStep{{r: RSI, n: 32}, {r: RDI, n: 64}}, func() {
		VPMOVZXWD(m(RSI, 0), Y4)
		VPMOVZXWD(m(RSI, 16), Y5)
		VPSLLD(U8(16), Y4, Y4)
		VPSLLD(U8(16), Y5, Y5)
		VFMADD231PS(m(RDI, 0), Y4, Y0)
		VFMADD231PS(m(RDI, 32), Y5, Y1)
	})
	VADDPS(Y1, Y0, Y0)
	hsum()
	retF32()
}
