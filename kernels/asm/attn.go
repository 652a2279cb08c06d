package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// attnFamily emits the AVX2 grouped-query attention kernels
// (attn_avx2_amd64.s, used by attn.go): four query heads at a time
// against rows of a half-precision cache, each cache row widened once for
// the four heads. Pure-Go twins: attnScoresF16Rows, attnMixF16Rows.
func attnFamily() {
	attnScores()
	attnMix()
}

// rows4 is the four rows at base, base+s, base+2*s, base+s3 (s3 = 3*s),
// plus disp.
func rows4(base, s, s3 Register, disp int) [4]Mem {
	return [4]Mem{m(base, disp), mi(base, disp, s, 1), mi(base, disp, s, 2), mi(base, disp, s3, 1)}
}

// strides sets s = scale*n bytes and s3 = 3*s.
func strides(n Register, scale uint8, s, s3 Register) {
	scaled(n, scale, s)
	LEAQ(mi(s, 0, s, 2), s3)
}

// scaled sets dst = scale*n with LEAQ (n*scale), dst: avo refuses a
// memory operand without a base register, so the operand goes in as text
// (a LabelRef is the operand type avo prints verbatim).
func scaled(n Register, scale uint8, dst Register) {
	raw("LEAQ", LabelRef(fmt.Sprintf("(%s*%d)", n.Asm(), scale)), dst)
}

func attnScores() {
	kernel("attnScores4AVX2", "func(k *uint16, q *float32, out *float32, n, hd int, scale float32)",
		"attnScores4AVX2 sets out[g*n+p] = scale * (k row p · q row g) for four\nquery heads g (rows hd floats apart) and n key rows of hd halves, hd a\npositive multiple of 8. Twin: attnScoresF16Rows.",
		[]string{"k", "q", "out", "n", "hd"}, RSI, RDI, RDX, RCX, R13)
	VBROADCASTSS(arg("scale"), X15)
	strides(R13, 4, R8, R9)   // query row stride, bytes
	strides(RCX, 4, R10, R11) // score row stride, bytes
	SHRQ(U8(3), R13)          // chunks of 8 per row
	Label("row")
	zeroPS(Y0, Y1, Y2, Y3)
	MOVQ(RDI, RAX)
	MOVQ(R13, RBX)
	Label("chunk")
	VCVTPH2PS(m(RSI, 0), Y4)
	for c, q := range rows4(RAX, R8, R9, 0) {
		VFMADD231PS(q, Y4, []Register{Y0, Y1, Y2, Y3}[c])
	}
	ADDQ(U8(16), RSI)
	ADDQ(U8(32), RAX)
	DECQ(RBX)
	JNZ(LabelRef("chunk"))
	hadd4(X1)
	VMULPS(X15, X0, X0)
	out := rows4(RDX, R10, R11, 0)
	VMOVSS(X0, out[0])
	for i := 1; i < 4; i++ {
		VEXTRACTPS(U8(i), X0, out[i])
	}
	ADDQ(U8(4), RDX)
	DECQ(RCX)
	JNZ(LabelRef("row"))
	vret()
}

// attnMix adds w-weighted value rows into out. The head dimension goes in
// pieces of 16: the four heads' 16 outputs stay in eight registers while
// every value row's piece is added in.
func attnMix() {
	kernel("attnMix4AVX2", "func(v *uint16, w *float32, out *float32, n, hd int)",
		"attnMix4AVX2 adds to out[g*hd+d] the sum over p < n of\nw[g*n+p] * v[p*hd+d] for four heads g, hd a positive multiple of 16.\nTwin: attnMixF16Rows.",
		[]string{"v", "w", "out", "n", "hd"}, RSI, RDI, RDX, RCX, R13)
	strides(R13, 4, R8, R9)   // output row stride, bytes
	strides(RCX, 4, R10, R11) // weight row stride, bytes
	scaled(R13, 2, R12)       // value row stride, bytes
	SHRQ(U8(4), R13)          // pieces of 16
	acc := []Register{Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7}
	var outs []Mem // head h's 16 outputs at outs[2h], outs[2h+1]
	for _, r := range rows4(RDX, R8, R9, 0) {
		outs = append(outs, r, r.Offset(32))
	}
	Label("piece")
	for i, o := range outs {
		VMOVUPS(o, acc[i])
	}
	MOVQ(RSI, RAX)
	MOVQ(RDI, RBX)
	MOVQ(RCX, R14)
	Label("row")
	VCVTPH2PS(m(RAX, 0), Y8)
	VCVTPH2PS(m(RAX, 16), Y9)
	for h, wh := range rows4(RBX, R10, R11, 0) {
		b := []Register{Y10, Y11, Y12, Y13}[h]
		VBROADCASTSS(wh, b)
		VFMADD231PS(Y8, b, acc[2*h])
		VFMADD231PS(Y9, b, acc[2*h+1])
	}
	ADDQ(R12, RAX)
	ADDQ(U8(4), RBX)
	DECQ(R14)
	JNZ(LabelRef("row"))
	for i, o := range outs {
		VMOVUPS(acc[i], o)
	}
	ADDQ(U8(32), RSI)
	ADDQ(U8(64), RDX)
	DECQ(R13)
	JNZ(LabelRef("piece"))
	vret()
}
