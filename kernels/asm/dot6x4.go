package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/gaianet-go/gaianet/gguf"
)

// dot6x4Family emits the six-row by four-column F16 and F32 dot-product
// tiles for CPUs with AVX-512 (F and VL) (dot6x4_avx512_amd64.s): the 24
// accumulators, six weight vectors and the activation vector need 31 of
// the 32 YMM registers EVEX encoding reaches. Each product is summed in
// the same eight lanes, in the same order, and reduced the same way
// (hadd4) as the one-row four-column kernels dotF16x4AVX2 and
// dotF32x4AVX2, so the results equal theirs bit for bit; a 6×4 tile loads
// 10 vectors per 24 FMAs where the 3×4 AVX2 tile loads 7 per 12, which
// keeps the FMA pipes fed when the rows come from L2. The kernels store
// their results straight into the output matrix. Pure-Go twin:
// dotNx4Generic.
func dot6x4Family() {
	dot6x4(gguf.TypeF16)
	dot6x4(gguf.TypeF32)
}

// acc6x4 holds the accumulators of weight row k, column c at [k][c].
var acc6x4 = func() (a [6][4]Register) {
	for k := range 6 {
		for c := range 4 {
			a[k][c] = ymm(8 + 4*k + c)
		}
	}
	return a
}()

// ymm is the register Y<n>, n < 32.
func ymm(n int) Register {
	return []Register{Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15,
		Y16, Y17, Y18, Y19, Y20, Y21, Y22, Y23, Y24, Y25, Y26, Y27, Y28, Y29, Y30, Y31}[n]
}

func dot6x4(t gguf.TensorType) {
	es := t.TypeSize()
	ty := map[gguf.TensorType]string{gguf.TypeF16: "uint16", gguf.TypeF32: "float32"}[t]
	name := fmt.Sprintf("dot%sx6x4AVX512", t)
	doc := name + " is dotF16x6x4AVX512 for float32 weights and\nactivations, each product summed exactly as dotF32x4AVX2 sums one row.\nTwin: dotNx4Generic."
	if t == gguf.TypeF16 {
		doc = name + " stores, for k < 6 and c < 4, the dot product of F16\nweight row k (rows wstride bytes apart from w) with F16 activation row c\n(xstride bytes apart from x) over the first n values at out +\nc*ostride + 4*k bytes, each summed exactly as dotF16x4AVX2 sums one row\nwith the activations widened to float32. n must be a positive multiple\nof 8. Half-precision activations halve the bytes streamed per FMA, which\nmatters once rows no longer fit in L1. Twin: dotNx4Generic."
	}
	kernel(name, fmt.Sprintf("func(w *%s, wstride int, x *%s, xstride int, n int, out *float32, ostride int)", ty, ty), doc,
		[]string{"w", "wstride", "x", "xstride", "n", "out", "ostride"}, RSI, R10, RDI, R8, RCX, RDX, R12)
	LEAQ(mi(R8, 0, R8, 2), R9)
	LEAQ(mi(R10, 0, R10, 2), R11)
	ADDQ(RSI, R11)
	for k := range 6 {
		for _, a := range acc6x4[k] {
			VPXORD(a, a, a)
		}
	}
	load := func(src Mem, dst Register) {
		if t == gguf.TypeF16 {
			VCVTPH2PS(src, dst)
		} else {
			VMOVUPS(src, dst)
		}
	}
	Label("loop")
	// weight rows 0-2 from SI, 3-5 from R11 = SI + 3*wstride
	for k := range 6 {
		base := []Register{RSI, R11}[k/3]
		src := m(base, 0)
		if k%3 != 0 {
			src = mi(base, 0, R10, uint8(k%3))
		}
		load(src, ymm(k))
	}
	for c := range 4 {
		load(col(c, 0), Y6)
		for k := range 6 {
			VFMADD231PS(Y6, ymm(k), acc6x4[k][c])
		}
	}
	for _, r := range []Register{RSI, R11, RDI} {
		ADDQ(U8(8*es), r)
	}
	SUBQ(U8(8), RCX)
	JNZ(LabelRef("loop"))
	// Row k's four results go to DX, DX+R12, DX+2*R12, DX+R13; then DX
	// moves to the next row.
	LEAQ(mi(R12, 0, R12, 2), R13)
	for k := range 6 {
		for c, a := range acc6x4[k] {
			VMOVAPS(a, ymm(c))
		}
		hadd4(X4)
		VMOVSS(X0, m(RDX, 0))
		VEXTRACTPS(U8(1), X0, mi(RDX, 0, R12, 1))
		VEXTRACTPS(U8(2), X0, mi(RDX, 0, R12, 2))
		VEXTRACTPS(U8(3), X0, mi(RDX, 0, R13, 1))
		ADDQ(U8(4), RDX)
	}
	vret()
}
