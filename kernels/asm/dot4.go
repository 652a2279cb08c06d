package main

import (
	"fmt"
	"strings"

	. "github.com/mmcloughlin/avo/build"
	"github.com/mmcloughlin/avo/ir"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/gaianet-go/gaianet/gguf"
)

// dot4Family emits the four-column AVX2 kernels for batched MatMul
// (dot4_avx2_amd64.s): one weight row against four activation rows, so
// each weight block is loaded and unpacked once per four products.
// Activation scales are stored transposed (block-major, see scratch.dT in
// matmul.go) so the four columns' scales of a block are adjacent. Pure-Go
// twin: dot4Generic (four calls of the one-column twin), or dotNx4Generic
// for the kernels of several weight rows.
func dot4Family() {
	dot4Q8_0(avx2)
	dot4Legacy(legacy{t: gguf.TypeQ4_0}, avx2)
	dot4Legacy(legacyTypes[0], avx2) // Q5_0
	dot4Q4K5K(gguf.TypeQ4_K, avx2)
	dot4Q4K5K(gguf.TypeQ5_K, avx2)
	dot4Q2K3K(gguf.TypeQ2_K)
	dot4Q2K3K(gguf.TypeQ3_K)
	dot4Q6K(avx2)
	dot4Float(gguf.TypeF16, 1)
	dot4Float(gguf.TypeF32, 1)
	dot4Float(gguf.TypeF32, 2)
	dot4Float(gguf.TypeF16, 3)
}

// dot4VNNIFamily emits the AVX-512 VNNI versions of the four-column
// kernels (dot4_vnni_amd64.s), on YMM registers (AVX512_VNNI with
// AVX512VL): VPDPBUSD replaces each VPMADDUBSW+VPMADDWD pair of the Q8_0
// and Q4_0 kernels (the pairs never saturate for these formats: |pair
// sum| <= 2*128*128), VPDPWSSD each VPMADDWD+VPADDD that scales and
// accumulates the k-quants' pair sums. Both add the same int32 products,
// so the results equal the AVX2 kernels' bit for bit.
func dot4VNNIFamily() {
	dot4Q8_0(vnni)
	dot4Legacy(legacy{t: gguf.TypeQ4_0}, vnni)
	dot4Q4K5K(gguf.TypeQ4_K, vnni)
	dot4Q6K(vnni)
}

// isa selects the instructions of a kernel.
type isa int

const (
	avx2 isa = iota
	vnni
)

func (s isa) suffix() string { return []string{"AVX2", "VNNI"}[s] }

// raw emits an instruction avo's tables do not have (AVX512_VNNI, GFNI)
// with its operands in Go assembler order; the last operand is also read.
func raw(opcode string, ops ...Op) {
	var in []Op
	for _, op := range ops {
		switch op.(type) {
		case Register, Mem:
			in = append(in, op)
		}
	}
	Instruction(&ir.Instruction{Opcode: opcode, Operands: ops, Inputs: in, Outputs: ops[len(ops)-1:]})
}

// madd adds to acc the products of the int16 pairs of tmp with scale: one
// VPDPWSSD on VNNI, VPMADDWD into tmp and VPADDD on AVX2.
func madd(s isa, scale, tmp, acc Register) {
	if s == vnni {
		raw("VPDPWSSD", scale, tmp, acc)
		return
	}
	VPMADDWD(scale, tmp, tmp)
	VPADDD(tmp, acc, acc)
}

// argRegs is where the four-column kernels keep their parameters.
var argRegs = map[string]Register{
	"w": RSI, "x": RDI, "xstride": R8, "dT": R10, "dsT": R12, "dstride": R11,
	"bsT": R12, "nb": RCX, "n": RCX, "out": RDX, "wstride": R10,
}

// kernel4 starts a four-column kernel: it loads the parameters named in
// load into their registers (argRegs) and sets R9 = 3*xstride, so the
// columns are at (DI), (DI)(R8*1), (DI)(R8*2) and (DI)(R9*1).
func kernel4(name, sig, doc string, load ...string) {
	regs := make([]Register, len(load))
	for i, n := range load {
		regs[i] = argRegs[n]
	}
	kernel(name, sig, doc, load, regs...)
	LEAQ(mi(R8, 0, R8, 2), R9)
}

// col is column c's activations at disp.
func col(c, disp int) Mem {
	return [4]Mem{m(RDI, disp), mi(RDI, disp, R8, 1), mi(RDI, disp, R8, 2), mi(RDI, disp, R9, 1)}[c]
}

// combine4 folds four vectors of 8 int32 (one per column) into a as
// [a b c d | a b c d] partial sums and converts them to float. Clobbers c.
func combine4(a, b, c, d Register) {
	VPHADDD(b, a, a)
	VPHADDD(d, c, c)
	VPHADDD(c, a, a)
	VCVTDQ2PS(a, a)
}

// store4 adds the two lanes of Y0, stores the 4 floats at (DX) and returns.
func store4() {
	VEXTRACTF128(U8(1), Y0, X1)
	VADDPS(X1, X0, X0)
	VMOVUPS(X0, m(RDX, 0))
	vret()
}

// scale4 multiplies the four columns' float sums in sums by the block's f16
// scale at off(SI) times the columns' scales at (R10) and adds them to Y0;
// with offset, it also accumulates the scale times the columns' offset
// sums at (R12) into X9.
func scale4(off int, sums Register, offset bool) {
	f16Scale(off, X7)
	VBROADCASTSS(X7, Y7)
	if offset {
		VFMADD231PS(m(R12, 0), X7, X9)
	}
	VBROADCASTF128(m(R10, 0), Y8)
	VMULPS(Y8, Y7, Y7)
	VFMADD231PS(sums, Y7, Y0)
}

var colAcc = []Register{Y3, Y4, Y5, Y6}

func dot4Q8_0(s isa) {
	name := "dotQ8_0x4" + s.suffix()
	doc := name + " stores in out[c] the Q8_0 × Q8_0 dot product of one weight\nrow (nb blocks at w) with activation column c (values at x+c*xstride,\nscales at dT[i*dstride/4+c] for block i). Twin: dot4Generic."
	if s == vnni {
		doc = name + " is dotQ8_0x4AVX2 using VPDPBUSD; its results are\nidentical. Twin: dot4Generic."
	}
	kernel4(name, "func(w *byte, x *int8, xstride int, dT *float32, dstride int, nb int, out *[4]float32)", doc,
		"w", "x", "xstride", "dT", "dstride", "nb", "out")
	zero(Y0)
	if s == avx2 {
		VMOVDQU(k("k_ones16"), Y15)
	}
	countdown("loop", RCX, 1, []ptrStep{{r: RSI, n: blockBytes(gguf.TypeQ8_0)}, {r: RDI, n: 32}, {r: R10, by: R11}}, func() {
		if s == vnni {
			PREFETCHT0(m(RSI, 2048)) // the weights stream from memory: 2 KB ahead
		}
		VMOVDQU(m(RSI, 2), Y1)
		VPSIGNB(Y1, Y1, Y2)
		for c, acc := range colAcc {
			if s == vnni {
				t := []Register{Y9, Y10, Y11, Y12}[c]
				VMOVDQU(col(c, 0), t)
				VPSIGNB(Y1, t, t)
				zero(acc)
				raw("VPDPBUSD", t, Y2, acc)
			} else {
				VMOVDQU(col(c, 0), acc)
				VPSIGNB(Y1, acc, acc)
				VPMADDUBSW(acc, Y2, acc)
				VPMADDWD(Y15, acc, acc)
			}
		}
		combine4(Y3, Y4, Y5, Y6)
		scale4(0, Y3, false)
	})
	store4()
}

// dot4Legacy is the four-column Q4_0 or Q5_0 kernel. Nibbles are used
// unsigned; the -8 (-16) offset is applied per block as -8*dw*dsT (dsT:
// the columns' d*sum(x) per block, block-major).
func dot4Legacy(q legacy, s isa) {
	name := "dot" + q.t.String() + "x4" + s.suffix()
	doc := map[string]string{
		"dotQ4_0x4AVX2": "dotQ4_0x4AVX2 is dotQ8_0x4AVX2 for Q4_0 weights; dsT holds the columns'\nd*sum(x) per block like dT. Twin: dot4Generic.",
		"dotQ5_0x4AVX2": "dotQ5_0x4AVX2 is dotQ4_0x4AVX2 for Q5_0 weights. Twin: dot4Generic.",
		"dotQ4_0x4VNNI": "dotQ4_0x4VNNI is dotQ4_0x4AVX2 using VPDPBUSD; its results are\nidentical. Twin: dot4Generic.",
	}[name]
	kernel4(name, "func(w *byte, x *int8, xstride int, dT, dsT *float32, dstride int, nb int, out *[4]float32)", doc,
		"w", "x", "xstride", "dT", "dsT", "dstride", "nb", "out")
	if s == vnni {
		zero(Y0, Y9)
		VMOVDQU(k("k_0f"), Y13)
	} else {
		q.prologue()
	}
	countdown("loop", RCX, 1, []ptrStep{{r: RSI, n: blockBytes(q.t)}, {r: RDI, n: 32}, {r: R10, by: R11}, {r: R12, by: R11}}, func() {
		q4Unpack(q.qsOff(), Y1, Y2)
		if q.fifth {
			qh5(q.header(), Y2)
			VPOR(Y2, Y1, Y1)
		}
		for c, acc := range colAcc {
			if s == vnni {
				zero(acc)
				raw("VPDPBUSD", col(c, 0), Y1, acc)
			} else {
				VPMADDUBSW(col(c, 0), Y1, acc)
				VPMADDWD(Y15, acc, acc)
			}
		}
		combine4(Y3, Y4, Y5, Y6)
		scale4(0, Y3, true)
	})
	// out = lanes(Y0) - offset*X9
	VEXTRACTF128(U8(1), Y0, X1)
	VADDPS(X1, X0, X0)
	MOVL(f32bits(q.offset()), EAX)
	VMOVD(EAX, X10)
	VBROADCASTSS(X10, X10)
	VFNMADD231PS(X10, X9, X0)
	VMOVUPS(X0, m(RDX, 0))
	vret()
}

// kDot4 starts a four-column k-quant kernel and runs body once per block;
// the block count stays in its frame slot when the body needs CX.
func kDot4(t gguf.TensorType, s isa, nbInReg bool, consts map[Register]string, body func()) {
	name := "dot" + strings.ReplaceAll(t.String(), "_", "") + "x4" + s.suffix()
	doc := name + " is dotQ4Kx4AVX2 for " + t.String() + ". Twin: dot4Generic."
	switch {
	case s == vnni:
		doc = name + " is " + strings.Replace(name, "VNNI", "AVX2", 1) + " using VPDPWSSD; its results are identical.\nTwin: dot4Generic."
	case t == gguf.TypeQ4_K:
		doc = name + " is the four-column Q4_K × Q8_K product; bsT holds the\ncolumns' block sums block-major (16 per column, 4 columns adjacent,\nadvancing by 8*dstride bytes per block). Twin: dot4Generic."
	}
	load := []string{"w", "x", "xstride", "dT", "dstride", "bsT"}
	var cnt Op = arg("nb")
	if nbInReg {
		load = append(load, "nb")
	}
	kernel4(name, "func(w *byte, x *int8, xstride int, dT *float32, dstride int, bsT *int16, nb int, out *[4]float32)", doc, load...)
	if nbInReg {
		cnt = RCX
	}
	zero(Y0)
	for _, r := range []Register{Y15, Y14} {
		if c, ok := consts[r]; ok {
			VMOVDQU(k(c), r)
		}
	}
	countdown("loop", cnt, 1, []ptrStep{{r: RSI, n: blockBytes(t)}, {r: RDI, n: 256}, {r: R10, by: R11}, {r: R12, by: R11, scale: 8}}, body)
	Load(Param("out"), RDX)
	store4()
}

// prefetchAhead is how far ahead of the weights at (SI) the kernels that
// stream them from memory prefetch: 2 KB.
const prefetchAhead = 2048

// prefetch touches the weights lines 2 KB ahead: they stream from memory.
func prefetch(lines int) {
	for i := range lines {
		PREFETCHT0(m(RSI, prefetchAhead+64*i))
	}
}

// prefetchSpan is prefetch for a loop step that moves SI by n bytes: one
// line per 64 bytes, so that every line is touched once ahead of use.
func prefetchSpan(n int) { prefetch((n + 63) / 64) }

// bsums4 leaves in dst[c] the int32 pair sums of the int16 scales in sc
// times column c's block sums at 32c(R12).
func bsums4(sc Register, dst [4]Register) {
	for c, d := range dst {
		VPMADDWD(m(R12, 32*c), sc, d)
	}
}

// minTail4 scales the four columns' float sums and min sums by d and dmin
// (the f16 pair at off(SI)) times the columns' scales at (R10): Y0 +=
// d*sums - dmin*mins. h, dv, mv and cs are scratch.
func minTail4(off int, h, dv, mv, cs, sums, mins Register) {
	f16Pair(off, xOf(h))
	VBROADCASTSS(xOf(h), dv)
	VMOVSHDUP(xOf(h), xOf(h))
	VBROADCASTSS(xOf(h), mv)
	VBROADCASTF128(m(R10, 0), cs)
	VMULPS(cs, dv, dv)
	VMULPS(cs, mv, mv)
	VFMADD231PS(sums, dv, Y0)
	VFNMADD231PS(mins, mv, Y0)
}

// dot4Q4K5K is the four-column Q4_K or Q5_K kernel.
func dot4Q4K5K(t gguf.TensorType, s isa) {
	l := kLayouts[t]
	fifth := t == gguf.TypeQ5_K
	kDot4(t, s, false, map[Register]string{Y15: "k_0f"}, func() {
		if !fifth {
			prefetch(3)
		}
		k4Scales(R13, R14, Y1, Y3)
		if fifth {
			VMOVDQU(k("k_10"), Y14)
			VMOVDQU(m(RSI, l.qh), Y13)
		}
		zero(Y4, Y5, Y6, Y7)
		for c := range 4 {
			VMOVDQU(m(RSI, l.qs+32*c), Y8)
			VPSRLW(U8(4), Y8, Y9)
			VPAND(Y15, Y8, Y8)
			VPAND(Y15, Y9, Y9)
			if fifth {
				for i, y := range []Register{Y8, Y9} {
					vshiftW(4-2*c-i, Y13, Y3)
					VPAND(Y14, Y3, Y3)
					VPOR(Y3, y, y)
				}
			}
			VPSHUFB(k("k_bcastw").Offset(64*c), Y2, Y10)
			VPSHUFB(k("k_bcastw").Offset(64*c+32), Y2, Y11)
			hi := Y12
			if s == vnni {
				hi = Y13
			}
			for i, acc := range []Register{Y4, Y5, Y6, Y7} {
				VPMADDUBSW(col(i, 64*c), Y8, Y12)
				madd(s, Y10, Y12, acc)
				VPMADDUBSW(col(i, 64*c+32), Y9, hi)
				madd(s, Y11, hi, acc)
			}
		}
		combine4(Y4, Y5, Y6, Y7)
		bsums4(Y1, [4]Register{Y8, Y9, Y10, Y11})
		combine4(Y8, Y9, Y10, Y11)
		minTail4(l.d, Y12, Y13, Y12, Y3, Y4, Y8)
	})
}

// q6Cols4 multiplies the values in Y4 with the four columns at xoff,
// scaled by the int16 scales of pair j of ys, into the accumulators.
func q6Cols4(s isa, xoff int, ys Register, j int) {
	VPSHUFB(k("k_pairw").Offset(32*j), ys, Y11)
	for c, acc := range kAcc {
		VPMADDUBSW(col(c, xoff), Y4, Y5)
		madd(s, Y11, Y5, acc)
	}
}

var kAcc = [4]Register{Y1, Y2, Y3, Y6}

// corr4 subtracts (scale*bsum) << shift of each column from its
// accumulator, the int16 scales in Y4.
func corr4(shift int) {
	for c, acc := range kAcc {
		VPMADDWD(m(R12, 32*c), Y4, Y5)
		VPSLLD(U8(shift), Y5, Y5)
		VPSUBD(Y5, acc, acc)
	}
}

func dot4Q6K(s isa) {
	l := kLayouts[gguf.TypeQ6_K]
	kDot4(gguf.TypeQ6_K, s, true, map[Register]string{Y15: "k_0f", Y14: "k_30"}, func() {
		// The weights stream from memory (an output matrix is the largest
		// of a model): fetch the block 2 KB ahead.
		prefetch(4)
		VPMOVSXBW(m(RSI, l.scales), Y4)
		VPERMQ(U8(0x44), Y4, Y12)
		VPERMQ(U8(0xEE), Y4, Y13)
		zero(kAcc[:]...)
		for h, ys := range []Register{Y12, Y13} {
			q6Half(l.qs+64*h, l.qh+32*h, Y7, func(j int) { q6Cols4(s, 128*h+32*j, ys, j) })
		}
		VPMOVSXBW(m(RSI, l.scales), Y4)
		corr4(5)
		combine4(Y1, Y2, Y3, Y6)
		scale4(l.d, Y1, false)
	})
}

// dot4Q2K3K is the four-column Q2_K or Q3_K kernel.
func dot4Q2K3K(t gguf.TensorType) {
	l := kLayouts[t]
	consts := map[Register]string{Y15: "k_0f", Y14: "k_03"}
	if t == gguf.TypeQ3_K {
		consts[Y15] = "k_04"
	}
	kDot4(t, avx2, t == gguf.TypeQ2_K, consts, func() {
		if t == gguf.TypeQ2_K {
			VMOVDQU(m(RSI, l.scales), X4)
			VPAND(X15, X4, X4)
			VPMOVZXBW(X4, Y4)
		} else {
			q3Scales(R13, R14, Y4)
		}
		VPERMQ(U8(0x44), Y4, Y12)
		VPERMQ(U8(0xEE), Y4, Y13)
		if t == gguf.TypeQ3_K {
			VMOVDQU(m(RSI, l.qh), Y9)
		}
		zero(kAcc[:]...)
		q2q3Groups(t, func(g, j int) { q6Cols4(avx2, 32*g, []Register{Y12, Y13}[g/4], j) })
		if t == gguf.TypeQ2_K {
			combine4(Y1, Y2, Y3, Y6)
			// mins: sum over groups of (scale>>4) * bsum, per column
			VMOVDQU(m(RSI, l.scales), X4)
			VPSRLW(U8(4), X4, X4)
			VPAND(X15, X4, X4)
			VPMOVZXBW(X4, Y4)
			bsums4(Y4, [4]Register{Y2, Y3, Y5, Y6})
			combine4(Y2, Y3, Y5, Y6)
			minTail4(l.d, Y7, Y8, Y7, Y9, Y1, Y2)
			return
		}
		// -4 * sum(scale * bsum) per column
		VPERMQ(U8(0x44), Y12, Y4)
		VPERMQ(U8(0x44), Y13, Y5)
		VPERM2I128(U8(0x20), Y5, Y4, Y4)
		corr4(2)
		combine4(Y1, Y2, Y3, Y6)
		scale4(l.d, Y1, false)
	})
}

// hadd4 reduces the four float vectors Y0..Y3 to [sum Y0, sum Y1, sum Y2,
// sum Y3] in X0. Clobbers tmp (an XMM register).
func hadd4(tmp Register) {
	VHADDPS(Y1, Y0, Y0)
	VHADDPS(Y3, Y2, Y2)
	VHADDPS(Y2, Y0, Y0)
	VEXTRACTF128(U8(1), Y0, tmp)
	VADDPS(tmp, X0, X0)
}

// dot4Float is the float32 or f16 kernel for rows weight rows (1, 2 or
// 3) and four activation rows; n must be a multiple of 8 and the strides
// are in bytes. With several rows the rows' 4-vector accumulators are
// [Y0-Y3], [Y6-Y9], [Y10-Y13] and out[4*k+c] is row k times column c, in
// the same lanes and order as the one-row kernel.
func dot4Float(t gguf.TensorType, rows int) {
	es := t.TypeSize()
	ty := map[gguf.TensorType]string{gguf.TypeF16: "uint16", gguf.TypeF32: "float32"}[t]
	acc := [][]Register{{Y0, Y1, Y2, Y3}, {Y6, Y7, Y8, Y9}, {Y10, Y11, Y12, Y13}}[:rows]
	wv := []Register{Y4, Y5, Y14}[:rows]
	load := func(r int) {
		src := m(RSI, 0)
		if r > 0 {
			src = mi(RSI, 0, R10, uint8(r))
		}
		if t == gguf.TypeF16 {
			VCVTPH2PS(src, wv[r])
		} else {
			VMOVUPS(src, wv[r])
		}
	}
	if rows == 1 {
		name := "dot" + t.String() + "x4AVX2"
		doc := name + " stores in out[c] sum(f32(w[i]) * x[c*xstride/4+i]) for\ni < n (n a multiple of 8, xstride in bytes). Twin: dot4Generic."
		if t == gguf.TypeF32 {
			doc = name + " is dotF16x4AVX2 for float32 weights. Twin: dot4Generic."
		}
		kernel4(name, "func(w *"+ty+", x *float32, xstride int, n int, out *[4]float32)", doc, "w", "x", "xstride", "n", "out")
	} else {
		name := fmt.Sprintf("dot%sx%dx4AVX2", t, rows)
		doc := map[int]string{
			2: name + " is dotF32x4AVX2 for two weight rows at once, the second\nwstride bytes after the first: out[4*k+c] is row k times column c, bit\nfor bit what dotF32x4AVX2 gives for that row. Twin: dotNx4Generic.",
			3: name + " is dotF16x4AVX2 for three weight rows at once, the\nsecond and third wstride and 2*wstride bytes after the first: out[4*k+c]\nis row k times column c, bit for bit what dotF16x4AVX2 gives for that\nrow. Twelve accumulators keep both FMA pipes busy despite their latency.\nTwin: dotNx4Generic.",
		}[rows]
		sig := fmt.Sprintf("func(w *%s, wstride int, x *float32, xstride int, n int, out *[%d]float32)", ty, 4*rows)
		kernel4(name, sig, doc, "w", "wstride", "x", "xstride", "n", "out")
	}
	for _, a := range acc {
		zeroPS(a...)
	}
	countdown("loop", RCX, 8, []ptrStep{{r: RSI, n: 8 * es}, {r: RDI, n: 32}}, func() {
		for r := range rows {
			load(r)
		}
		switch rows {
		case 1:
			for c := range 4 {
				VFMADD231PS(col(c, 0), Y4, acc[0][c])
			}
		case 2:
			xs := []Register{Y10, Y11, Y12, Y13}
			for c, x := range xs {
				VMOVUPS(col(c, 0), x)
			}
			for c, x := range xs {
				for r := range rows {
					VFMADD231PS(x, wv[r], acc[r][c])
				}
			}
		default:
			// the activations pass through Y15 only
			for c := range 4 {
				VMOVUPS(col(c, 0), Y15)
				for r := range rows {
					VFMADD231PS(Y15, wv[r], acc[r][c])
				}
			}
		}
	})
	for r := range rows {
		if r > 0 {
			for c := range 4 {
				VMOVAPS(acc[r][c], acc[0][c])
			}
		}
		hadd4(X4)
		VMOVUPS(X0, m(RDX, 16*r))
	}
	vret()
}
