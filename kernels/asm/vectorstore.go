package main

import (
	"fmt"
	"strings"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// vectorstoreFamily emits package vectorstore's AVX2 + FMA kernels
// (vectorstore/kernels_amd64.s): the float dot product and squared
// distance of search, the float × int8 and int16 × int8 dots of its
// quantized scans, and a prefetch. Each keeps its pure-Go twin in
// vectorstore (named in its doc comment); vectorstore's kernels_test.go
// compares them. The float dot stays vectorstore's own rather than
// kernels.DotF32 (see dotAVX2's comment in vectorstore/kernels_amd64.go).
func vectorstoreFamily() {
	fma := func(src func(i int) Op) lane {
		return func(i int, y, acc Register) { VFMADD231PS(src(i), y, acc) }
	}
	at := func(r Register, step int) func(i int) Op {
		return func(i int) Op { return m(r, step*i) }
	}
	self := func(i int) Op { return ymm(4 + i) }
	load := func(i int, y, _ Register) { VMOVUPS(m(RSI, 32*i), y) }
	vsFloat("dotAVX2", "func(a, b *float32, n int) float32", "a b n", "dot", 4,
		"dotAVX2 returns the dot product of the n float32 values at a and b.\nIts loop is dotGeneric's: for i < n { s += a[i]*b[i] }, with eight lanes\ntimes four accumulators.",
		func() { VFMADD231SS(m(RDI, 0), X4, X0) },
		load, fma(at(RDI, 32)))
	vsFloat("sqL2AVX2", "func(a, b *float32, n int) float32", "a b n", "l2", 4,
		"sqL2AVX2 returns the squared Euclidean distance of the n float32 values at\na and b: for i < n { d := a[i]-b[i]; s += d*d }.",
		func() { VSUBSS(m(RDI, 0), X4, X4); VFMADD231SS(X4, X4, X0) },
		load, func(i int, y, _ Register) { VSUBPS(m(RDI, 32*i), y, y) }, fma(self))
	vsFloat("dotF32I8AVX2", "func(q *float32, c *int8, n int) float32", "q c n", "i8", 1,
		"dotF32I8AVX2 returns sum(q[i]*float32(c[i])) for i < n; n must be a\nmultiple of 8. Its loop is dotF32I8Generic's.",
		nil,
		func(i int, y, _ Register) { VPMOVSXBD(m(RDI, 8*i), y) },
		func(_ int, y, _ Register) { VCVTDQ2PS(y, y) },
		fma(at(RSI, 32)))
	prefetchLines()
	vsKernel{
		name: "dotI16I8AVX2", sig: "func(q *int16, c *int8, n int) int32",
		doc:    "dotI16I8AVX2 returns sum(int32(q[i])*int32(c[i])) for i < n; n must be\na multiple of 16. Its loop is dotI16I8Generic's. With |q[i]| <= 32767,\n|c[i]| <= 127 and n <= 65536 the int32 lanes cannot overflow.",
		params: []string{"q", "c", "n"}, label: "w", wide: 64, siBytes: 2, diBytes: 1, zero: zero,
		lanes: []lane{
			func(i int, y, _ Register) { VPMOVSXBW(m(RDI, 16*i), y) },
			func(i int, y, _ Register) { VPMADDWD(m(RSI, 32*i), y, y) },
			func(_ int, y, acc Register) { VPADDD(y, acc, acc) },
		},
		sum: func() { hadd(VPADDD, VEXTRACTI128, VPADDD, VPHADDD) },
		ret: func() {
			VMOVD(X0, EAX)
			VZEROUPPER()
			Store(EAX, ReturnIndex(0))
			RET()
		},
	}.emit()
}

// vsFloat emits a float reduction of vectorstoreFamily (params are the
// names loaded into SI, DI and CX): 32 float32 values
// at SI a step, DI advancing diBytes a value, the result a float32. tail,
// when not nil, finishes one value at a time with the float at SI loaded
// in X4.
func vsFloat(name, sig, params, label string, diBytes int, doc string, tail func(), lanes ...lane) {
	k := vsKernel{name: name, sig: sig, doc: doc, params: strings.Fields(params), label: label,
		wide: 32, siBytes: 4, diBytes: diBytes, zero: zeroPS, lanes: lanes,
		sum: func() { hadd(VADDPS, VEXTRACTF128, VADDPS, VHADDPS) }, ret: retF32}
	if tail != nil {
		k.tail = func() {
			VMOVSS(m(RSI, 0), X4)
			tail()
		}
	}
	k.emit()
}

// lane is one step of a vsKernel's loop body for lane i: y is Y4+i, acc
// the lane's accumulator.
type lane func(i int, y, acc Register)

// vsKernel is one of vectorstore's reductions: four accumulators Y0-Y3
// over wide values a step (the values of lane i in Y4+i), then Y0 alone
// over wide/4, then a sum of the accumulators into X0, then (when tail is
// set) one value at a time. SI and DI advance siBytes and diBytes per
// value, CX counts the values down. The loops are labelled label+wide,
// label+wide/4, label+"reduce", label+"tail" and label+"done".
type vsKernel struct {
	name, sig, doc   string
	params           []string // loaded into SI, DI, CX
	label            string
	wide             int
	siBytes, diBytes int
	zero             func(...Register)
	lanes            []lane // each run for every lane before the next
	sum              func()
	tail             func()
	ret              func()
}

func (k vsKernel) emit() {
	kernel(k.name, k.sig, k.doc, k.params, RSI, RDI, RCX)
	acc := []Register{Y0, Y1, Y2, Y3}
	k.zero(acc...)
	for s, n := range []int{k.wide, k.wide / 4} {
		loop := fmt.Sprint(k.label, n)
		next := k.label + "reduce"
		if s == 0 {
			next = fmt.Sprint(k.label, k.wide/4)
		}
		Label(loop)
		CMPQ(RCX, U8(n))
		JLT(LabelRef(next))
		for _, op := range k.lanes {
			for i := range 4 >> (2 * s) {
				op(i, ymm(4+i), acc[i])
			}
		}
		ADDQ(imm(k.siBytes*n), RSI)
		ADDQ(imm(k.diBytes*n), RDI)
		SUBQ(U8(n), RCX)
		JMP(LabelRef(loop))
	}
	Label(k.label + "reduce")
	k.sum()
	if k.tail != nil {
		Label(k.label + "tail")
		CMPQ(RCX, U8(0))
		JEQ(LabelRef(k.label + "done"))
		k.tail()
		ADDQ(U8(k.siBytes), RSI)
		ADDQ(U8(k.diBytes), RDI)
		DECQ(RCX)
		JMP(LabelRef(k.label + "tail"))
		Label(k.label + "done")
	}
	k.ret()
}

// hadd sums Y0-Y3 into Y0 with add, then folds Y0's halves with extract
// and add128 and its four lanes with two rounds of hop into X0's low lane.
// Clobbers Y1, Y2.
func hadd(add, extract, add128, hop any) {
	call(add, Y1, Y0, Y0)
	call(add, Y3, Y2, Y2)
	call(add, Y2, Y0, Y0)
	call(extract, U8(1), Y0, X1)
	call(add128, X1, X0, X0)
	call(hop, X0, X0, X0)
	call(hop, X0, X0, X0)
}

func prefetchLines() {
	kernel("prefetchLines", "func(p *int8, lines int)",
		"prefetchLines asks the CPU to pull the lines cache lines starting at p\ninto cache; it never faults, whatever p is.",
		[]string{"p", "lines"}, RSI, RCX)
	TESTQ(RCX, RCX)
	JLE(LabelRef("pfdone"))
	Label("pfloop")
	PREFETCHT0(m(RSI, 0))
	ADDQ(U8(64), RSI)
	DECQ(RCX)
	JNZ(LabelRef("pfloop"))
	Label("pfdone")
	RET()
}
