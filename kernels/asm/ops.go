package main

import (
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
func hsum() {
	VEXTRACTF128(U8(1), Y0, X1)
	VADDPS(X1, X0, X0)
	VMOVHLPS(X0, X0, X1)
	VADDPS(X1, X0, X0)
	VMOVSHDUP(X0, X1)
	VADDSS(X1, X0, X0)
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
