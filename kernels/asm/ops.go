package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/gaianet-go/gaianet/gguf"
)

// m is the memory operand disp(base).
func m(base Register, disp int) Mem { return Mem{Base: base, Disp: disp} }

// mi is the memory operand disp(base)(index*scale).
func mi(base Register, disp int, index Register, scale uint8) Mem {
	return Mem{Base: base, Disp: disp, Index: index, Scale: scale}
}

// arg is the frame slot of the current function's parameter name.
func arg(name string) Mem {
	b, err := Param(name).Resolve()
	if err != nil {
		panic(err)
	}
	return b.Addr
}

// loadArgs loads the named parameters into the given registers, in order.
func loadArgs(names []string, regs ...Register) {
	for i, n := range names {
		Load(Param(n), regs[i])
	}
}

// imm is the immediate n in the smallest form the instruction tables take.
func imm(n int) Constant {
	if n >= 0 && n < 256 {
		return U8(n)
	}
	return U32(n)
}

// f32bits is the immediate holding the bits of the float32 f.
func f32bits(f float32) Constant {
	switch f {
	case 8:
		return U32(0x41000000)
	case 16:
		return U32(0x41800000)
	}
	panic("f32bits: add the constant")
}

// blockBytes is the size of one block of t, from the gguf type table.
func blockBytes(t gguf.TensorType) int { return t.TypeSize() }

// vshiftW moves the words of src by n bits into dst: left for n > 0,
// right for n < 0, a plain copy for 0.
func vshiftW(n int, src, dst Register) {
	switch {
	case n > 0:
		VPSLLW(U8(n), src, dst)
	case n < 0:
		VPSRLW(U8(-n), src, dst)
	default:
		VMOVDQA(src, dst)
	}
}

// zero clears the vector registers.
func zero(regs ...Register) {
	for _, r := range regs {
		VPXOR(r, r, r)
	}
}

// zeroPS clears the vector registers with the float-domain xor.
func zeroPS(regs ...Register) {
	for _, r := range regs {
		VXORPS(r, r, r)
	}
}

// hsum reduces the 8 floats of Y0 into X0's low lane. Clobbers X1.
func hsum() { hreduce(Y0, X0, X1, VADDPS, VADDSS) }

// hreduce folds the 8 floats of the YMM register y into the low lane of
// its XMM half x with the packed op and, last, the scalar op ss. Uses t.
func hreduce(y, x, t Register, op, ss any) {
	VEXTRACTF128(U8(1), y, t)
	call(op, t, x, x)
	VMOVHLPS(x, x, t)
	call(op, t, x, x)
	VMOVSHDUP(x, t)
	call(ss, t, x, x)
}

// hfold folds the 8 lanes of Y0 into every lane of X0 with op, using
// extract to take the upper half and shuffle to swap lanes. Clobbers X1.
func hfold(extract, op, shuffle any) {
	call(extract, U8(1), Y0, X1)
	call(op, X1, X0, X0)
	for _, imm := range []uint8{0x4e, 0xb1} {
		call(shuffle, U8(imm), X0, X1)
		call(op, X1, X0, X0)
	}
}

// vret ends a function without a result.
func vret() {
	VZEROUPPER()
	RET()
}

// loop8 moves the pointers by 32 bytes (8 floats), counts CX down by 8
// and goes back to "loop" until it is 0.
func loop8(ptrs ...Register) {
	for _, p := range ptrs {
		ADDQ(U8(32), p)
	}
	SUBQ(U8(8), RCX)
	JNZ(LabelRef("loop"))
}

// constLoad is one constant load of a kernel's prologue.
type constLoad struct {
	op   any // an avo instruction function
	name string
	dst  Register
}

// loadConsts loads the constants, in order.
func loadConsts(cs ...constLoad) {
	for _, c := range cs {
		call(c.op, k(c.name), c.dst)
	}
}

// retF32 ends a function returning the float32 in X0.
func retF32() {
	VZEROUPPER()
	Store(X0, ReturnIndex(0))
	RET()
}

// f16Scale loads the f16 at off(SI) as float32 into xr (through AX).
func f16Scale(off int, xr Register) {
	MOVWLZX(m(RSI, off), EAX)
	VMOVD(EAX, xr)
	VCVTPH2PS(xr, xr)
}

// f16Pair loads the two f16s at off(SI) (d and dmin) as float32 into
// the low two lanes of xr (through AX).
func f16Pair(off int, xr Register) {
	MOVL(m(RSI, off), EAX)
	VMOVD(EAX, xr)
	VCVTPH2PS(xr, xr)
}

// xOf is the XMM register of the vector register r.
func xOf(r Register) Register { return r.(VecPhysical).AsX() }

// call runs the avo instruction function f (fixed or variadic arity) on
// ops.
func call(f any, ops ...Op) {
	switch f := f.(type) {
	case func(...Op):
		f(ops...)
	case func(Op, Op):
		f(ops[0], ops[1])
	case func(Op, Op, Op):
		f(ops[0], ops[1], ops[2])
	default:
		panic(fmt.Sprintf("call: %T is not an instruction", f))
	}
}
