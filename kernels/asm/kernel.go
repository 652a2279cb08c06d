package main

import (
	"strings"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// kernel starts the assembly function name with the Go signature sig
// (its generated stub carries doc, split into lines, and the noescape
// pragma) and loads the named parameters into regs, in order.
func kernel(name, sig, doc string, params []string, regs ...Register) {
	TEXT(name, NOSPLIT, sig)
	Doc(strings.Split(doc, "\n")...)
	Pragma("noescape")
	loadArgs(params, regs...)
}

// ptrStep moves the pointer register r per iteration: by the constant n,
// or by the register by (times scale when scale is set, with LEAQ).
type ptrStep struct {
	r     Register
	n     int
	by    Register
	scale uint8
}

// countdown emits the loop "name: if cnt == 0 goto done; body; advance
// the pointers; cnt -= dec; goto name" with the label name+"done" after
// it. cnt is a register or a frame slot.
func countdown(name string, cnt Op, dec int, steps []ptrStep, body func()) {
	Label(name)
	if r, ok := cnt.(Register); ok {
		TESTQ(r, r)
		JZ(LabelRef(name + "done"))
	} else {
		CMPQ(cnt, U8(0))
		JEQ(LabelRef(name + "done"))
	}
	body()
	for _, s := range steps {
		switch {
		case s.by == nil:
			ADDQ(imm(s.n), s.r)
		case s.scale == 0:
			ADDQ(s.by, s.r)
		default:
			LEAQ(mi(s.r, 0, s.by, s.scale), s.r)
		}
	}
	if dec == 1 {
		DECQ(cnt)
	} else {
		SUBQ(imm(dec), cnt)
	}
	JMP(LabelRef(name))
	Label(name + "done")
}
