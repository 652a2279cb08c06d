package main

import (
	"strings"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// kernel starts the assembly function name with the Go signature sig
// (its stub is generated with doc, one comment line per element, and
// go:noescape) and loads the named parameters into regs, in order.
func kernel(name, sig, doc string, params []string, regs ...Register) {
	TEXT(name, NOSPLIT, sig)
	Doc(strings.Split(doc, "\n")...)
	Pragma("noescape")
	loadArgs(params, regs...)
}

// ptrStep is a pointer register and how far it moves per iteration.
type ptrStep struct {
	r Register
	n int
}

// countdown emits the loop "name: if cnt == 0 goto done; body; advance
// the pointers; cnt -= dec; goto name" with the label name+"done" after
// it. cnt is a register or a frame slot (then it is compared with CMPQ).
func countdown(name string, cnt Register, dec int, steps []ptrStep, body func()) {
	Label(name)
	TESTQ(cnt, cnt)
	JZ(LabelRef(name + "done"))
	body()
	for _, s := range steps {
		ADDQ(imm(s.n), s.r)
	}
	if dec == 1 {
		DECQ(cnt)
	} else {
		SUBQ(imm(dec), cnt)
	}
	JMP(LabelRef(name))
	Label(name + "done")
}
